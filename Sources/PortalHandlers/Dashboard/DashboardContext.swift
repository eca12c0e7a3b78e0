import PortalCore
import PortalHTTP
import PortalStore

/// The logged-in person and the company of the session: the only source of the tenant id
/// for every dashboard read and write (never the request).
struct DashboardContext {
    let current: CurrentUser
    /// Nil for the vendor's operators, who have no company session: they see an empty page.
    let tenant: TenantRecord?

    var userID: Int64 { current.user.id }

    /// For the page: without a session the browser goes to the login and comes back.
    static func require(_ request: Request, _ services: Services) throws -> DashboardContext {
        let current = try CurrentUser.require(request, services)
        return DashboardContext(current: current, tenant: current.membership?.tenant)
    }

    /// For the JSON API: a script cannot follow a login redirect, so it gets a 401 to show.
    static func requireForAPI(_ request: Request, _ services: Services) throws -> (DashboardContext, TenantRecord) {
        guard let current = try CurrentUser.find(request, services) else { throw DashboardAPIError.sessionExpired }
        guard let tenant = current.membership?.tenant else { throw DashboardAPIError.noCompany }
        return (DashboardContext(current: current, tenant: tenant), tenant)
    }
}
