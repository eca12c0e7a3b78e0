import PortalHTTP

/// The routes of each handler executable. nginx sends each path prefix to one of them.
public enum Routes {
    /// portal-auth: login and logout, first access, e-mail code, company choice, profile, recovery.
    public static func auth(_ router: inout Router<Services>) {
        router.get("/", LoginHandlers.home)
        router.get("/login", LoginHandlers.showLogin)
        router.post("/login", bodyLimit: 8 * 1024, LoginHandlers.login)
        router.post("/logout", bodyLimit: 1024, LoginHandlers.logout)

        router.get("/accesso/primo", FirstAccessHandlers.show)
        router.post("/accesso/primo", bodyLimit: 8 * 1024, FirstAccessHandlers.create)
        router.get("/accesso/codice", CodeHandlers.show)
        router.post("/accesso/codice", bodyLimit: 2 * 1024, CodeHandlers.verify)
        router.post("/accesso/codice/nuovo", bodyLimit: 1024, CodeHandlers.resend)
        router.get("/accesso/azienda", CompanyChoiceHandlers.show)
        router.post("/accesso/azienda", bodyLimit: 1024, CompanyChoiceHandlers.choose)
        router.post("/accesso/invito/{id}/accetta", bodyLimit: 1024, CompanyChoiceHandlers.accept)

        router.get("/profilo", ProfileHandlers.show)
        router.post("/profilo/dati", bodyLimit: 4 * 1024, ProfileHandlers.saveNames)
        router.post("/profilo/password", bodyLimit: 8 * 1024, ProfileHandlers.changePassword)
        router.post("/profilo/immagine", bodyLimit: ProfileHandlers.pictureLimit + 16 * 1024, ProfileHandlers.uploadPicture)
        router.get("/profilo/immagine", ProfileHandlers.picture)
        router.post("/profilo/dispositivi/{id}/rimuovi", bodyLimit: 1024, ProfileHandlers.removeDevice)

        router.get("/password/recupero", RecoveryHandlers.showRequest)
        router.post("/password/recupero", bodyLimit: 2 * 1024, RecoveryHandlers.sendLink)
        router.get("/password/nuova", RecoveryHandlers.showNewPassword)
        router.post("/password/nuova", bodyLimit: 8 * 1024, RecoveryHandlers.setNewPassword)
        LegacyRoutes.register(&router)
    }

    /// portal-tickets: the support requests of the manual's chapter 3.
    public static func tickets(_ router: inout Router<Services>) {
        router.get("/ticket", TicketListHandlers.list)
        router.post("/ticket/cerca", bodyLimit: 4 * 1024, TicketListHandlers.search)
        router.get("/ticket/nuovo", NewTicketHandlers.show)
        router.post("/ticket/nuovo", bodyLimit: Uploads.bodyLimit, NewTicketHandlers.create)
        router.post("/ticket/anteprima", bodyLimit: 128 * 1024, TicketDetailHandlers.preview)
        router.get("/ticket/{number}", TicketDetailHandlers.show)
        router.post("/ticket/{number}", bodyLimit: Uploads.bodyLimit, TicketDetailHandlers.post)
        router.get("/ticket/{number}/allegati/{id}", TicketDetailHandlers.download)
    }

    /// portal-tenant: the dashboard and (next) the company administration.
    public static func tenant(_ router: inout Router<Services>) {
        router.get("/dashboard", DashboardHandlers.show)
        router.get("/dashboard/widget/{id}", DashboardHandlers.widget)
        router.get("/api/dashboard", DashboardHandlers.data)
        router.add("PUT", "/api/dashboard/layout", bodyLimit: DashboardHandlers.layoutBodyLimit, DashboardHandlers.saveLayout)
        router.post("/api/dashboard/layout", bodyLimit: DashboardHandlers.layoutBodyLimit, DashboardHandlers.saveLayout)

        router.get("/tenant", TenantInfoHandlers.general)
        router.get("/tenant/ruoli", TenantInfoHandlers.roles)
        router.get("/tenant/utenti", MemberHandlers.list)
        router.post("/tenant/utenti/{id}/ruolo", bodyLimit: 1024, MemberHandlers.changeRole)
        router.post("/tenant/utenti/{id}/rimuovi", bodyLimit: 1024, MemberHandlers.remove)
        router.get("/tenant/inviti", InvitationHandlers.list)
        router.get("/tenant/inviti/nuovo", InvitationHandlers.showForm)
        router.post("/tenant/inviti", bodyLimit: 2048, InvitationHandlers.create)
        router.post("/tenant/inviti/{id}/reinvia", bodyLimit: 1024, InvitationHandlers.resend)
        router.post("/tenant/inviti/{id}/rimuovi", bodyLimit: 1024, InvitationHandlers.cancel)
        router.get("/tenant/attivita", ActivityHandlers.show)
    }
}
