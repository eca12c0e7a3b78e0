import PortalCore
import PortalHTML
import PortalHTTP

/// The first screen after login. Its widgets come with the dashboard issue; a new user's
/// dashboard is empty, as the manual shows it.
enum DashboardHandlers {
    static func show(_ request: Request, _ services: Services) throws -> Response {
        let current = try CurrentUser.require(request, services)
        let page = Page(title: Text.dashboardTitle, kind: .app(current.viewer), currentPath: "/dashboard") {
            el("h1", ["class": "page-title"]) { Text.dashboardTitle }
            el("div", ["class": "empty-state"]) {
                el("p", ["class": "empty-title"]) { Text.dashboardEmptyTitle }
                el("p") { Text.dashboardEmptyHint }
            }
        }
        return Response.html(page.render())
    }
}
