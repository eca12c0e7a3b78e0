import PortalCore
import PortalDomain
import PortalCrypto
import PortalHTTP

/// The first screen after login (the manual's chapter 1) and its JSON API:
/// GET /dashboard (the page), GET /api/dashboard/widget/{id} (one widget's markup, for the
/// editor), GET /api/dashboard (layout and widget data), and PUT or POST
/// /api/dashboard/layout (save the layout; refused with 400, keeping the saved one, unless
/// it validates).
enum DashboardHandlers {
    static let layoutBodyLimit = 16 * 1024

    /// The vendor's operators have no company dashboard: theirs is "Coda ticket".
    static func show(_ request: Request, _ context: SignedInContext) throws -> Response {
        if context.user.isOperator { throw Redirect(to: "/desk/") }
        let services = context.services
        // A session whose company was deactivated has lost it: the company choice says why.
        guard let tenant = context.current.membership?.tenant else {
            throw Redirect(to: "/accesso/azienda")
        }
        var page = DashboardPage(viewer: context.viewer, layout: .empty, data: nil)
        page.layout = try DashboardPreference.load(userID: context.user.id, tenantID: tenant.id, services.database)
        page.data = try DashboardData.load(tenantID: tenant.id, services.database)
        return Response.html(page.render())
    }

    static func data(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let layout = try DashboardPreference.load(userID: context.user.id, tenantID: context.tenant.id, services.database)
        let data = try DashboardData.load(tenantID: context.tenant.id, services.database)
        return try DashboardJSON.response(layout: layout, data: data)
    }

    /// One widget with its data, unplaced, exactly as the page renders it: the editor adds a
    /// widget and "Aggiorna" refreshes one with this markup, so that only the server draws
    /// widgets. Under /api/: a script cannot follow a login redirect, so refusals are JSON.
    static func widget(_ request: Request, _ context: MemberContext) throws -> Response {
        guard let widget = request.pathParameters["id"].flatMap(DashboardWidget.init(rawValue:)) else {
            throw HTTPError.notFound
        }
        let data = try DashboardData.load(tenantID: context.tenant.id, context.services.database)
        return Response.html(bytes: WidgetView.render(widget, at: nil, data: data).bytes)
    }

    /// The body is JSON (`RouteTable` parsed it and checked its token); a layout that does
    /// not validate is refused with 400 and the saved one stays.
    static func saveLayout(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        guard let body = request.json else {
            throw HTTPError(status: 415, message: Text.layoutNotJSON, reason: "content type not JSON")
        }
        let layout: DashboardLayout
        do {
            layout = try DashboardLayout.validated(try DashboardJSON.entries(from: body))
        } catch let error as DashboardLayoutError {
            throw HTTPError(status: 400, message: error.message, reason: "layout refused: \(error)")
        }
        try services.database.write { tx in
            try DashboardPreference.save(in: tx, layout, userID: context.user.id, tenantID: context.tenant.id, now: services.now)
        }
        return Response.json(JSONValue.object(["layout": DashboardJSON.layout(layout)]).text)
    }
}
