import PortalCore
import PortalCrypto
import PortalHTTP

/// The first screen after login (the manual's chapter 1) and its JSON API:
/// GET /dashboard (the page), GET /dashboard/widget/{id} (one widget's markup, for the
/// editor), GET /api/dashboard (layout and widget data), and PUT or POST
/// /api/dashboard/layout (save the layout; refused with 400, keeping the saved one, unless
/// it validates).
enum DashboardHandlers {
    static let layoutBodyLimit = 16 * 1024

    static func show(_ request: Request, _ services: Services) throws -> Response {
        let context = try DashboardContext.require(request, services)
        var page = DashboardPage(viewer: context.current.viewer, layout: .empty, data: nil)
        if let tenant = context.tenant {
            page.layout = try DashboardPreference.load(userID: context.userID, tenantID: tenant.id, services.database)
            page.data = try services.dashboardCache.data(tenantID: tenant.id, services.database)
        }
        return Response.html(page.render())
    }

    static func data(_ request: Request, _ services: Services) throws -> Response {
        try DashboardAPIError.answering(request) {
            let (context, tenant) = try DashboardContext.requireForAPI(request, services)
            let layout = try DashboardPreference.load(userID: context.userID, tenantID: tenant.id, services.database)
            let data = try services.dashboardCache.json(tenantID: tenant.id, services.database)
            return try DashboardJSON.response(layout: layout, dataJSON: data)
        }
    }

    /// One widget with its data, unplaced, exactly as the page renders it: the editor adds a
    /// widget and "Aggiorna" refreshes one with this markup, so that only the server draws
    /// widgets. A script asks for it and cannot follow a login redirect, so refusals are
    /// the API's (401, 404 as JSON).
    static func widget(_ request: Request, _ services: Services) throws -> Response {
        try DashboardAPIError.answering(request) {
            let (_, tenant) = try DashboardContext.requireForAPI(request, services)
            guard let widget = request.pathParameters["id"].flatMap(DashboardWidget.init(rawValue:)) else {
                throw HTTPError.notFound
            }
            let data = try services.dashboardCache.data(tenantID: tenant.id, services.database)
            return Response.html(bytes: WidgetView.render(widget, at: nil, data: data).bytes)
        }
    }

    static func saveLayout(_ request: Request, _ services: Services) throws -> Response {
        try DashboardAPIError.answering(request) {
            let (context, tenant) = try DashboardContext.requireForAPI(request, services)
            guard request.contentType.lowercased().hasPrefix("application/json") else { throw DashboardAPIError.notJSON }
            let body: JSONValue
            do {
                body = try JSONParser.parse(request.body)
            } catch let error as JSONParser.Failure {
                throw DashboardAPIError.invalid(Text.layoutMalformed, reason: error.description)
            }
            try verifyCSRF(request, body: body, expected: context.current.csrfToken)
            let layout: DashboardLayout
            do {
                layout = try DashboardLayout.validated(try DashboardJSON.entries(from: body))
            } catch let error as DashboardLayoutError {
                throw DashboardAPIError.invalid(error.message, reason: "layout refused: \(error)")
            }
            try services.database.write {
                try DashboardPreference.save(
                    layout, userID: context.userID, tenantID: tenant.id, services.database, now: services.now)
            }
            return Response.json(JSONValue.object(["layout": DashboardJSON.layout(layout)]).text)
        }
    }

    /// The token travels in the `X-CSRF-Token` header or the body's `csrf` field; either
    /// must equal the session's, compared in constant time.
    static func verifyCSRF(_ request: Request, body: JSONValue, expected: String) throws {
        guard let sent = request.headers["x-csrf-token"] ?? body["csrf"]?.stringValue,
            ConstantTime.equal(sent, expected)
        else { throw DashboardAPIError.csrf }
    }
}
