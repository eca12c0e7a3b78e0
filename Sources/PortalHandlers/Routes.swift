import PortalHTTP

/// The routes of each handler executable. nginx sends each path prefix to one of them.
public enum Routes {
    /// portal-auth: login, logout and (next) first access, e-mail code, company choice, profile, recovery.
    public static func auth(_ router: inout Router<Services>) {
        router.get("/", LoginHandlers.home)
        router.get("/login", LoginHandlers.showLogin)
        router.post("/login", bodyLimit: 8 * 1024, LoginHandlers.login)
        router.post("/logout", bodyLimit: 1024, LoginHandlers.logout)
    }

    /// portal-tenant: the dashboard and (next) the company administration.
    public static func tenant(_ router: inout Router<Services>) {
        router.get("/dashboard", DashboardHandlers.show)
    }
}
