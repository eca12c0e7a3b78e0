import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// /password/recupero and /password/nuova. The answer never says whether an address has
/// an account; the link is single-use, valid one hour, and built from the public URL.
enum RecoveryHandlers {
    static func showRequest(_ request: Request, _ context: VisitorContext) throws -> Response {
        let response = Response.html(RecoveryPages.request(csrfToken: context.csrfToken))
        return response
    }

    static func sendLink(_ request: Request, _ context: VisitorContext) throws -> Response {
        let services = context.services
        let form = request.form
        let csrf = context.csrfToken
        let typed = (form["email"] ?? "").trimmingWhitespace()
        guard let email = EmailAddress(typed) else {
            let html = RecoveryPages.request(
                csrfToken: csrf, email: String(typed.prefix(254)), error: typed.isEmpty ? Text.fieldRequired : Text.emailInvalid)
            return Response.html(html, status: 422)
        }
        let now = services.now
        if let user = try UserStore(services.database).find(email: email) {
            let token = Token.generate()
            try services.database.write { tx in
                try PasswordResetStore(services.database).create(tokenHash: token.hash, userID: user.id, now: now)
                try OutboxStore.enqueue(in: tx, to: [email], subject: Text.recoveryMailSubject(),
                    body: Text.recoveryMailBody(link: services.config.publicURL + "/password/nuova?token=" + token.value),
                    now: now, kind: .secret)
                try AuditStore.record(in: tx, "password_reset_requested", tenantID: user.lastTenantID, userID: user.id, actorEmail: user.email,
                    clientIP: request.clientAddress, now: now)
            }
        }
        return Response.html(RecoveryPages.request(csrfToken: csrf, sent: true))
    }

    static func showNewPassword(_ request: Request, _ context: VisitorContext) throws -> Response {
        let services = context.services
        let token = request.query["token"] ?? ""
        guard Token.isWellFormed(token),
            try PasswordResetStore(services.database).userID(tokenHash: Token.hash(token), now: services.now) != nil
        else { return Response.html(RecoveryPages.invalidLink(), status: 404) }
        let response = Response.html(
            RecoveryPages.newPassword(csrfToken: context.csrfToken, token: token))
        return response
    }

    static func setNewPassword(_ request: Request, _ context: VisitorContext) throws -> Response {
        let services = context.services
        let form = request.form
        let token = form["token"] ?? ""
        guard Token.isWellFormed(token),
            let userID = try PasswordResetStore(services.database).userID(tokenHash: Token.hash(token), now: services.now),
            let user = try UserStore(services.database).find(id: userID)
        else { return Response.html(RecoveryPages.invalidLink(), status: 404) }
        let password = form["password"] ?? ""
        if let violation = PasswordPolicy.check(
            password, confirmation: form["password_confirmation"] ?? "", email: EmailAddress(user.email),
            names: [user.firstName, user.lastName])
        {
            let field = violation == .mismatch ? "password_confirmation" : "password"
            let html = RecoveryPages.newPassword(
                csrfToken: context.csrfToken, token: token,
                errors: [field: PasswordRules.message(for: violation)])
            return Response.html(html, status: 422)
        }
        try PasswordChange.apply(user: user, newPassword: password, event: "password_reset", request, services)
        var response = try Response.redirect(to: "/login?avviso=reimpostata&email=" + urlEncode(user.email))
        try response.setCookie(Cookies.clearSession(request))
        return response
    }
}
