import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// POST /accesso/esci: "Esci" of a login's steps ("Creazione Utente", the e-mail code,
/// "Scelta Tenant"). A session's "Esci" is `/logout`.
enum LeaveHandlers {
    /// Ends the login, so that the next person at a shared computer cannot take it up where
    /// it was left: it held for 30 minutes, past the password (and the code), and "Scelta
    /// Tenant" let them accept an invitation or enter a company, "Creazione Utente" choose the
    /// account's password. Back to an empty login (the address prefilled was the previous
    /// person's, in the history too); the browser's drafts go as well.
    static func leave(_ request: Request, _ context: LoginChallengeContext) throws -> Response {
        let services = context.services
        try services.database.write { tx in
            try LoginChallengeStore(services.database).delete(id: context.challenge.id)
            try AuditStore.record(in: tx, "login_abandoned", tenantID: nil, userID: context.user.id, actorEmail: context.user.email,
                clientIP: request.clientAddress, now: services.now)
        }
        var response = try Response.redirect(to: "/login?avviso=uscito")
        try response.setCookie(Cookies.clear(Cookies.login, request))
        try response.setHeader("Clear-Site-Data", "\"storage\"")
        return response
    }

    /// The button, at the foot of each step's page; `action` "/logout" for a session's
    /// "Scelta Tenant".
    static func form(csrfToken: String, action: String = "/accesso/esci") -> Node {
        el("form", ["class": "choice-logout", "method": "post", "action": action]) {
            FormField.csrf(csrfToken)
            el("button", ["type": "submit", "aria-label": Text.logoutName, "class": "button button--ghost"]) { Text.logout }
        }
    }
}
