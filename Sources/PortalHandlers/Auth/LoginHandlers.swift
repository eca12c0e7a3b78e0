import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// GET and POST /login, POST /logout.
enum LoginHandlers {
    static func showLogin(_ request: Request, _ context: VisitorContext) throws -> Response {
        let wanted = EmailAddress(request.query["email"] ?? "")
        if let signedIn = context.signedIn {
            // The invitation e-mail to a further company sends its person here: signed in
            // already, they went to the dashboard, where nothing shows an invitation.
            let invited = try !signedIn.user.isOperator && request.query["next"] == nil
                && !InvitationStore(context.services.database).pending(
                    email: EmailAddress(signedIn.user.email)!, now: context.services.now).isEmpty
            let home = SafeRedirect.path(
                request.query["next"], fallback: invited ? CompanyChoiceHandlers.path : SafeRedirect.home(for: signedIn.user))
            guard let wanted, wanted.value != EmailAddress(signedIn.user.email)?.value else { throw Redirect(to: home) }
            var page = LoginPage(email: wanted.value, csrfToken: context.csrfToken)
            page.signedIn = (signedIn.user.displayName, home, signedIn.csrfToken)
            page.notice = request.query["avviso"].flatMap { notices[$0] }
            page.next = SafeRedirect.path(request.query["next"], fallback: "")
            return Response.html(page.render())
        }
        var page = LoginPage(csrfToken: context.csrfToken)
        page.email = wanted?.value ?? ""
        page.next = SafeRedirect.path(request.query["next"], fallback: "")
        page.notice = request.query["avviso"].flatMap { notices[$0] }
        return Response.html(page.render())
    }

    /// Messages other pages leave for the login page (`/login?avviso=…`).
    static let notices = [
        "uscito": Text.loggedOut, "scaduto": Text.loginStepExpired, "creato": Text.userCreated,
        "creato-altrove": Text.userCreatedElsewhere,
        "cambiata": Text.passwordChanged, "reimpostata": Text.recoveryDone, "sessione": Text.sessionExpired,
        "password-cambiata": Text.sessionEndedByPasswordChange,
        "sessione-terminata": Text.sessionEndedByOwner,
        "sessione-terminata-modulo": Text.loginForUnsentFormEndedByOwner,
        "modulo": Text.loginForKeptForm, "modulo-senza-allegati": Text.loginForKeptFormWithoutFiles,
        "modulo-terminata": Text.loginForKeptFormEndedByOwner,
        "modulo-senza-allegati-terminata": Text.loginForKeptFormWithoutFilesEndedByOwner,
        "rimosso-da-te": Text.removedYourself, "rimosso": Text.removedByAdministrator,
        "rimosso-modulo": Text.removedByAdministratorForm, "modulo-non-salvato": Text.formNotKeptRemoved,
        "operatore-disattivato": Text.operatorDeactivatedForm,
        "modulo-non-conservato": Text.loginForLostForm, "modulo-non-inviato": Text.loginForUnsentForm,
    ]

    /// What the trail keeps of the typed "Email": an address, or a word saying it was not one
    /// (a password typed in the wrong field was kept and shown in "Registro attività").
    static func recorded(_ typed: String) -> String { EmailAddress(typed)?.value ?? Text.auditNotAnAddress }

    static func login(_ request: Request, _ context: VisitorContext) throws -> Response {
        let services = context.services
        let form = request.form
        let typedEmail = (form["email"] ?? "").trimmingWhitespace()
        let password = form["password"] ?? ""
        let remember = form.isChecked("remember")
        let next = SafeRedirect.path(form["next"], fallback: "")
        var page = LoginPage(
            email: String(typedEmail.prefix(254)), remember: remember, next: next,
            csrfToken: context.csrfToken)

        // Said beside the field, as every form says it: the browser's own check is off
        // (`novalidate`), and a malformed address is no password guess to count.
        if typedEmail.isEmpty { page.fieldErrors["email"] = Text.fieldRequired }
        else if EmailAddress(typedEmail) == nil { page.fieldErrors["email"] = EmailAddress.refusal(typedEmail) }
        if password.isEmpty { page.fieldErrors["password"] = Text.fieldRequired }
        guard page.fieldErrors.isEmpty else {
            page.error = typedEmail.isEmpty && password.isEmpty ? Text.loginFieldsRequired : nil
            return Response.html(page.render(), status: 422)
        }
        let now = services.now
        let source = LoginThrottle.Source(typedEmail: typedEmail, request)
        // A source that must wait is answered without looking at the password: the same for
        // an address with or without an account, and the owner elsewhere is not concerned.
        let wait = try LoginThrottle.wait(source, services)
        guard wait == 0 else {
            try services.database.write { tx in
                try AuditStore.record(in: tx, "login_failed", actorEmail: LoginHandlers.recorded(typedEmail), detail: "throttled", clientIP: request.clientAddress,
                    now: now)
            }
            page.error = Text.loginThrottled(seconds: wait)
            return Response.html(page.render(), status: 429)
        }
        let user = try EmailAddress(typedEmail).flatMap { try UserStore(services.database).find(email: $0) }
        // The same argon2id work whether or not the account exists, so timing reveals nothing.
        let matches = PasswordHasher.verify(password, against: user?.passwordHash ?? PasswordHasher.decoy)
        guard let user, matches else {
            try services.database.write { tx in
                try LoginThrottle.recordFailure(in: tx, source, user: user, request, services)
                try AuditStore.record(in: tx, "login_failed", tenantID: user?.lastTenantID, userID: user?.id, actorEmail: LoginHandlers.recorded(typedEmail),
                    clientIP: request.clientAddress, now: now)
            }
            page.error = Text.loginFailed
            return Response.html(page.render(), status: 422)
        }
        try LoginThrottle.recordSuccess(source, services)
        do {
            return try AccessFlow.passwordAccepted(
                user: user, remember: remember, next: next, codeAlways: LoginThrottle.underAttack(user, now: now), request, services)
        } catch let refusal as LoginPageError {
            page.error = refusal.message
            return Response.html(page.render(), status: 403)
        }
    }

    static func logout(_ request: Request, _ context: SignedInContext) throws -> Response {
        let services = context.services
        let current = context.current
        try services.database.write { tx in
            try SessionStore(services.database).delete(id: current.session.id)
            try AuditStore.record(in: tx, "logout", tenantID: current.tenantID, userID: current.user.id, actorEmail: current.user.email,
                clientIP: request.clientAddress, now: services.now)
        }
        // "Esci" of the login page opened for another address: the form comes back with it,
        // and with where that address's login was to lead.
        let form = request.form
        let wanted = EmailAddress(form["email"] ?? "").map { "&email=" + PercentEncoding.encode($0.value) } ?? ""
        let next = SafeRedirect.path(form["next"], fallback: "")
        var response = try Response.redirect(
            to: "/login?avviso=uscito" + wanted + (next.isEmpty ? "" : "&next=" + PercentEncoding.encode(next)))
        try response.setCookie(Cookies.clearSession(request))
        // The drafts this browser kept (assets/drafts.js) go with the session: the next person
        // at a shared computer finds none.
        try response.setHeader("Clear-Site-Data", "\"storage\"")
        return response
    }

    static func home(_ request: Request, _ context: VisitorContext) throws -> Response {
        try Response.redirect(to: context.signedIn.map { SafeRedirect.home(for: $0.user) } ?? "/login", status: 302)
    }
}
