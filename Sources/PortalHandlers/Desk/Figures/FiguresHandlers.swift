import PortalCore
import PortalHTTP
import PortalStore

/// GET /desk/andamento and its CSV files (a Responsabile's pages): the figures of a period,
/// by default the last twelve weeks.
enum FiguresHandlers {
    static func show(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        let typedFrom = request.query["dal"] ?? "", typedTo = request.query["al"] ?? ""
        switch period(request, now: services.now) {
        case .failure(let errors):
            let page = FiguresPage(viewer: context.viewer, from: typedFrom, to: typedTo, errors: errors.messages)
            return Response.html(bytes: page.render(), status: 422)
        case .success(let period):
            let page = FiguresPage(
                viewer: context.viewer, from: period.from.text, to: period.to.text, period: period,
                figures: Figures.all(try figures(period, services)))
            return Response.html(bytes: page.render())
        }
    }

    /// One chart's table as a CSV file named after the chart and the period.
    static func csv(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        let period: FiguresPeriod
        switch Self.period(request, now: services.now) {
        case .success(let read): period = read
        case .failure(let errors):
            // The page's own words for the same period ("«Al» viene prima di «Dal»"), "Dal"'s first.
            throw HTTPError(status: 400, message: errors.messages["dal"] ?? errors.messages["al"] ?? Text.periodDateInvalid, reason: "bad period")
        }
        guard let id = request.pathParameters["chart"],
            let figure = Figures.all(try figures(period, services)).first(where: { $0.id == id })
        else { throw HTTPError.notFound }
        var response = Response(contentType: "text/csv; charset=utf-8", body: figure.csv.bytes)
        try response.setHeader("Content-Disposition", ContentDisposition.attachment("andamento-\(id)-\(period.from.text)-\(period.to.text).csv"))
        try response.setHeader("Cache-Control", "no-store")
        return response
    }

    /// "Dal" and "Al" from the address; without either, the last twelve weeks. Both emptied
    /// («Mostra» with the fields cleared) is no period chosen, not two missing dates.
    static func period(_ request: Request, now: Timestamp) -> Result<FiguresPeriod, FieldErrors> {
        let typed = { (name: String) in request.query[name].flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 } }
        let from = typed("dal"), to = typed("al")
        guard from != nil || to != nil else { return .success(.lastWeeks(today: RomeTime.local(now).day)) }
        return FiguresPeriod.read(from: from ?? "", to: to ?? "")
    }

    static func figures(_ period: FiguresPeriod, _ services: Services) throws -> TicketFigures {
        let store = FiguresStore(services.database)
        let settings = try ResponseTargetStore(services.database).settings()
        return TicketFigures(
            period: period, tickets: try store.tickets(openedFrom: period.start, until: period.end),
            closings: try store.closings(from: period.start, until: period.end), targets: settings.targets,
            calendar: settings.calendar, now: services.now)
    }
}
