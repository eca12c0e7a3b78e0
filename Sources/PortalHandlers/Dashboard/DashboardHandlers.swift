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
    /// A layout past `layoutLimit` is one that does not validate, refused with a 400 as issue 7
    /// asks ("too large"); the route reads up to nginx's own limit here (64 KB), past which
    /// nginx answers 413. It was a 413 from 16 KB.
    static let layoutBodyLimit = 64 * 1024
    static let layoutLimit = 16 * 1024

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
        page.notice = request.query["avviso"].flatMap { notices[$0] }
        // Pending invitations of other companies than this one.
        page.invitations = try CompanyChoiceHandlers.pendingInvitations(of: context.user, services)
            .filter { $0.1.id != tenant.id }.map { ($0.1.name, $0.0.role.label) }
        return Response.html(page.render())
    }

    static let notices = [
        "aggiunto": Text.dashboardWidgetAdded, "rimosso": Text.dashboardWidgetRemoved, "ruolo-proprio": Text.ownRoleGivenUp,
    ]

    /// POST /dashboard/widget: "Aggiungi" and "Rimuovi" without JavaScript (the manual's
    /// dashboard for every browser). A widget is added where it first fits; pressing again a
    /// button of a page drawn before (the widget is there, or gone already) changes nothing.
    static func changeWidgets(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let form = request.form
        let adding = form["aggiungi"].flatMap(DashboardWidget.init(rawValue:))
        let removing = form["rimuovi"].flatMap(DashboardWidget.init(rawValue:))
        guard let widget = adding ?? removing else { throw HTTPError.badRequest("widget") }
        let fits: Bool = try services.database.write { tx in
            let saved = try DashboardPreference.load(userID: context.user.id, tenantID: context.tenant.id, services.database)
            let changed: DashboardLayout
            if adding != nil {
                if saved.contains(widget) { return true }
                guard let added = saved.adding(widget) else { return false }
                changed = added
            } else {
                changed = saved.removing(widget)
            }
            if changed != saved {
                try DashboardPreference.save(in: tx, changed, userID: context.user.id, tenantID: context.tenant.id, now: services.now)
            }
            return true
        }
        guard fits else {
            var page = DashboardPage(viewer: context.viewer, layout: .empty, data: nil)
            page.layout = try DashboardPreference.load(userID: context.user.id, tenantID: context.tenant.id, services.database)
            page.data = try DashboardData.load(tenantID: context.tenant.id, services.database)
            page.error = Text.dashboardNoRoom(widget.title)
            return Response.html(page.render(), status: 422)
        }
        throw Redirect(to: "/dashboard?avviso=" + (adding != nil ? "aggiunto" : "rimosso"))
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
        if request.body.count > layoutLimit {
            throw HTTPError(status: 400, message: Text.layoutTooLarge, reason: "layout too large")
        }
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
