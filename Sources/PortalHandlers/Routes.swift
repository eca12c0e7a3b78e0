import PortalCore
import PortalHTTP

/// The routes of each handler executable, each in its access group (`Access`). nginx sends
/// each path prefix to one executable; a test ties this table to `nginx.conf`.
public enum Routes {
    /// portal-auth: login and logout, first access, e-mail code, company choice, profile, recovery,
    /// the classic portal's page and the manual's search without JavaScript.
    public static func auth(_ routes: inout RouteTable) {
        routes.get("/", VisitorGuard.self, LoginHandlers.home)
        routes.get("/login", VisitorGuard.self, LoginHandlers.showLogin)
        // The form carries `next`, up to SafeRedirect.maxLength encoded once more.
        routes.post("/login", VisitorGuard.self, bodyLimit: 40 * 1024, LoginHandlers.login)
        routes.post(
            "/logout", SignedInGuard.self, bodyLimit: 40 * 1024, checksAccessAtWrite: false, ownPageSuffices: true, LoginHandlers.logout)

        routes.get("/accesso/primo", LoginGuard<FirstAccessStep>.self, FirstAccessHandlers.show)
        routes.post("/accesso/primo", LoginGuard<FirstAccessStep>.self, bodyLimit: 64 * 1024, FirstAccessHandlers.create)
        routes.get("/accesso/codice", LoginGuard<CodeStep>.self, CodeHandlers.show)
        routes.post("/accesso/codice", LoginGuard<CodeStep>.self, bodyLimit: 2 * 1024, CodeHandlers.verify)
        routes.post("/accesso/codice/nuovo", LoginGuard<CodeStep>.self, bodyLimit: 1024, CodeHandlers.resend)
        routes.get("/accesso/azienda", CompanyChoiceGuard.self, CompanyChoiceHandlers.show)
        routes.post("/accesso/azienda", CompanyChoiceGuard.self, bodyLimit: 1024, CompanyChoiceHandlers.choose)
        routes.post("/accesso/esci", AnyLoginStepGuard.self, bodyLimit: 1024, ownPageSuffices: true, LeaveHandlers.leave)
        routes.post("/accesso/invito/{id}/accetta", CompanyChoiceGuard.self, bodyLimit: 1024, CompanyChoiceHandlers.accept)

        routes.get("/profilo", SignedInGuard.self, ProfileHandlers.show)
        routes.post("/profilo/dati", SignedInGuard.self, bodyLimit: 4 * 1024, ProfileHandlers.saveNames)
        // As much as nginx takes (64 KB): a password field has no maxlength (a paste cut short
        // would be another password), and a long paste is told beside its field.
        routes.post("/profilo/password", SignedInGuard.self, bodyLimit: 64 * 1024, ProfileHandlers.changePassword)
        for form in ["/profilo/dati", "/profilo/password", "/profilo/notifiche"] { formPage(&routes, form, SignedInGuard.self, "/profilo") }
        routes.post(
            "/profilo/immagine", SignedInGuard.self, bodyLimit: ProfileHandlers.pictureUploadLimit,
            ProfileHandlers.uploadPicture)
        routes.get("/profilo/immagine", SignedInGuard.self, ProfileHandlers.picture)
        routes.post("/profilo/immagine/rimuovi", SignedInGuard.self, bodyLimit: 1024, ProfileHandlers.removePicture)
        routes.post("/profilo/dispositivi/{id}/rimuovi", SignedInGuard.self, bodyLimit: 1024, ProfileHandlers.removeDevice)
        routes.post("/profilo/notifiche", SignedInGuard.self, bodyLimit: 1024, NotificationSettings.save)
        routes.post("/profilo/sessioni/{id}/termina", SignedInGuard.self, bodyLimit: 1024, SessionHandlers.end)
        routes.post("/profilo/sessioni/termina-altre", SignedInGuard.self, bodyLimit: 1024, SessionHandlers.endOthers)

        routes.get("/password/recupero", VisitorGuard.self, RecoveryHandlers.showRequest)
        routes.post("/password/recupero", VisitorGuard.self, bodyLimit: 2 * 1024, RecoveryHandlers.sendLink)
        routes.get("/password/nuova", VisitorGuard.self, RecoveryHandlers.showNewPassword)
        routes.post("/password/nuova", VisitorGuard.self, bodyLimit: 64 * 1024, RecoveryHandlers.setNewPassword)
        routes.post("/password/verifica", VisitorGuard.self, bodyLimit: 1024, RecoveryHandlers.checkLink)

        routes.get("/portale-classico", VisitorGuard.self, LegacyHandlers.show)
        routes.post("/portale-classico", VisitorGuard.self, bodyLimit: 2 * 1024, LegacyHandlers.submit)

        routes.get("/cerca.html", VisitorGuard.self, DocsSearchHandlers.search)
    }

    /// A form's own address opened as a page (Enter in the address bar that a refused send
    /// left on it, a bookmark, the history): the page the form is on, where it answered 405
    /// «Operazione non consentita» or, under "/ticket/", 404.
    static func formPage<Guard: AccessGuard>(_ routes: inout RouteTable, _ path: String, _ guard: Guard.Type, _ page: String) {
        routes.get(path, Guard.self) { _, _ in throw Redirect(to: page) }
    }

    /// portal-tickets: the support requests of the manual's chapter 3.
    public static func tickets(_ routes: inout RouteTable) {
        routes.get("/ticket", MemberGuard.self, TicketListHandlers.list)
        routes.post("/ticket/cerca", MemberGuard.self, bodyLimit: 4 * 1024, TicketListHandlers.search)
        // Before "/ticket/{number}", which would take them for a ticket's number (404).
        for form in ["/ticket/cerca", "/ticket/anteprima"] { formPage(&routes, form, MemberGuard.self, "/ticket") }
        routes.get("/ticket/nuovo", MemberGuard.self, NewTicketHandlers.show)
        routes.post("/ticket/nuovo", MemberGuard.self, bodyLimit: Uploads.bodyLimit, refill: NewTicketHandlers.refill,
            NewTicketHandlers.create)
        routes.post("/ticket/anteprima", MemberGuard.self, bodyLimit: 128 * 1024, TicketDetailHandlers.preview)
        routes.get("/ticket/{number}", MemberGuard.self, TicketDetailHandlers.show)
        routes.post("/ticket/{number}", MemberGuard.self, bodyLimit: Uploads.bodyLimit, refill: TicketDetailHandlers.refill,
            TicketDetailHandlers.post)
        routes.get("/ticket/{number}/allegati", MemberGuard.self, TicketAttachmentsPage.show)
        routes.get("/ticket/{number}/allegati/{id}", MemberGuard.self, TicketDetailHandlers.download)
    }

    /// portal-tenant: the dashboard and the company administration ("Gestione Tenant").
    public static func tenant(_ routes: inout RouteTable) {
        routes.get("/dashboard", SignedInGuard.self, DashboardHandlers.show)
        routes.post("/dashboard/widget", MemberGuard.self, bodyLimit: 1024, DashboardHandlers.changeWidgets)
        formPage(&routes, "/dashboard/widget", MemberGuard.self, "/dashboard")
        routes.get("/api/dashboard", MemberGuard.self, DashboardHandlers.data)
        routes.get("/api/dashboard/widget/{id}", MemberGuard.self, DashboardHandlers.widget)
        routes.add("PUT", "/api/dashboard/layout", MemberGuard.self, bodyLimit: DashboardHandlers.layoutBodyLimit,
                   malformedJSON: Text.layoutMalformed, DashboardHandlers.saveLayout)
        routes.post("/api/dashboard/layout", MemberGuard.self, bodyLimit: DashboardHandlers.layoutBodyLimit,
                    malformedJSON: Text.layoutMalformed, DashboardHandlers.saveLayout)

        routes.get("/tenant", AdministratorGuard.self, TenantInfoHandlers.general)
        routes.get("/tenant/ruoli", AdministratorGuard.self, TenantInfoHandlers.roles)
        routes.get("/tenant/utenti", AdministratorGuard.self, MemberHandlers.list)
        routes.get("/tenant/utenti/rimossi", AdministratorGuard.self, MemberHandlers.removedList)
        routes.post("/tenant/utenti/{id}/ruolo", AdministratorGuard.self, bodyLimit: 1024, MemberHandlers.changeRole)
        routes.post("/tenant/utenti/{id}/rimuovi", AdministratorGuard.self, bodyLimit: 1024, MemberHandlers.remove)
        routes.post("/tenant/utenti/{id}/ripristina", AdministratorGuard.self, bodyLimit: 1024, MemberHandlers.restore)
        for action in ["ruolo", "rimuovi"] {
            formPage(&routes, "/tenant/utenti/{id}/" + action, AdministratorGuard.self, "/tenant/utenti")
        }
        formPage(&routes, "/tenant/utenti/{id}/ripristina", AdministratorGuard.self, "/tenant/utenti/rimossi")
        routes.get("/tenant/inviti", AdministratorGuard.self, InvitationHandlers.list)
        routes.get("/tenant/inviti/nuovo", AdministratorGuard.self, InvitationHandlers.showForm)
        routes.post("/tenant/inviti", AdministratorGuard.self, bodyLimit: 8 * 1024, InvitationHandlers.create)
        routes.post("/tenant/inviti/{id}/reinvia", AdministratorGuard.self, bodyLimit: 1024, InvitationHandlers.resend)
        routes.post("/tenant/inviti/{id}/ruolo", AdministratorGuard.self, bodyLimit: 1024, InvitationHandlers.changeRole)
        routes.post("/tenant/inviti/{id}/rimuovi", AdministratorGuard.self, bodyLimit: 1024, InvitationHandlers.cancel)
        for action in ["reinvia", "ruolo", "rimuovi"] {
            formPage(&routes, "/tenant/inviti/{id}/" + action, AdministratorGuard.self, "/tenant/inviti")
        }
        routes.get("/tenant/attivita", AdministratorGuard.self, ActivityHandlers.show)
    }

    /// portal-desk: the vendor's operators work every company's tickets ("Coda ticket").
    public static func desk(_ routes: inout RouteTable) {
        routes.get("/desk", OperatorGuard.self, DeskQueueHandlers.queue)
        routes.get("/desk/", OperatorGuard.self, DeskQueueHandlers.queue)
        routes.post("/desk/cerca", OperatorGuard.self, bodyLimit: 4 * 1024, DeskQueueHandlers.search)
        routes.get("/desk/ticket/{number}", OperatorGuard.self, DeskTicketHandlers.show)
        routes.post(
            "/desk/ticket/{number}", OperatorGuard.self, bodyLimit: Uploads.bodyLimit, refill: DeskTicketHandlers.refill,
            refillKeepsFiles: false, DeskTicketHandlers.post)
        routes.get("/desk/ticket/{number}/allegati/{id}", OperatorGuard.self, DeskTicketHandlers.download)
        routes.post("/desk/anteprima", OperatorGuard.self, bodyLimit: 128 * 1024, TicketDetailHandlers.deskPreview)
        routes.get("/desk/nuovo", OperatorGuard.self, DeskNewTicketHandlers.choose)
        routes.get("/desk/nuovo/{azienda}", OperatorGuard.self, DeskNewTicketHandlers.show)
        routes.post("/desk/nuovo/{azienda}", OperatorGuard.self, bodyLimit: Uploads.bodyLimit, refill: DeskNewTicketHandlers.refill,
                    DeskNewTicketHandlers.create)
        vendorAdministration(&routes)
    }

    /// portal-desk, for a "Responsabile" only: companies, the classic portal's requests,
    /// operators and the audit trail.
    static func vendorAdministration(_ routes: inout RouteTable) {
        routes.get("/desk/aziende", ManagerGuard.self, CompanyListHandlers.list)
        routes.get("/desk/aziende/nuova", ManagerGuard.self, CompanyListHandlers.showForm)
        // Each field's maxlength in the worst UTF-8 case, percent-encoded (9 bytes a character).
        routes.post("/desk/aziende", ManagerGuard.self, bodyLimit: 8 * 1024, CompanyListHandlers.create)
        routes.get("/desk/aziende/{id}", ManagerGuard.self, CompanyHandlers.show)
        routes.get("/desk/aziende/{id}/invita", ManagerGuard.self, CompanyHandlers.showInvite)
        routes.post("/desk/aziende/{id}/invita", ManagerGuard.self, bodyLimit: 2048, CompanyHandlers.invite)
        routes.post("/desk/aziende/{id}/inviti/{invitation}/reinvia", ManagerGuard.self, bodyLimit: 1024, CompanyHandlers.resend)
        routes.post("/desk/aziende/{id}/inviti/{invitation}/rimuovi", ManagerGuard.self, bodyLimit: 1024, CompanyHandlers.cancel)
        routes.post("/desk/aziende/{id}/disattiva", ManagerGuard.self, bodyLimit: 1024, CompanyHandlers.deactivate)
        routes.post("/desk/aziende/{id}/riattiva", ManagerGuard.self, bodyLimit: 1024, CompanyHandlers.reactivate)
        routes.get("/desk/portale-classico", ManagerGuard.self, LegacyRequestsHandlers.list)
        routes.get("/desk/operatori", ManagerGuard.self, OperatorHandlers.list)
        routes.get("/desk/operatori/nuovo", ManagerGuard.self, OperatorHandlers.showForm)
        routes.post("/desk/operatori", ManagerGuard.self, bodyLimit: 8 * 1024, OperatorHandlers.create)
        routes.post("/desk/operatori/{id}/ruolo", ManagerGuard.self, bodyLimit: 1024, OperatorHandlers.changeRole)
        routes.post("/desk/operatori/{id}/disattiva", ManagerGuard.self, bodyLimit: 1024, OperatorHandlers.deactivate)
        routes.post("/desk/operatori/{id}/riattiva", ManagerGuard.self, bodyLimit: 1024, OperatorHandlers.reactivate)
        routes.post("/desk/operatori/{id}/reinvia", ManagerGuard.self, bodyLimit: 1024, OperatorHandlers.resend)
        routes.get("/desk/registro", ManagerGuard.self, AuditLogHandlers.show)

        routes.get("/desk/tempi", ManagerGuard.self, TargetsHandlers.show)
        // As much as nginx takes: the holidays' two fields may hold 4,000 characters each, and
        // a longer paste is told beside its field (past 16 KB it was the page «Dati troppo grandi»).
        routes.post("/desk/tempi", ManagerGuard.self, bodyLimit: 64 * 1024, TargetsHandlers.save)
        routes.get("/desk/andamento", ManagerGuard.self, FiguresHandlers.show)
        routes.get("/desk/andamento/csv/{chart}", ManagerGuard.self, FiguresHandlers.csv)
    }
}
