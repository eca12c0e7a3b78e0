import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// GET and POST /login, POST /logout.
enum LoginHandlers {
    static func showLogin(_ request: Request, _ services: Services) throws -> Response {
        if try CurrentUser.find(request, services) != nil {
            throw Redirect(to: SafeRedirect.path(request.query["next"]))
        }
        let visitor = Cookies.visitor(for: request)
        var page = LoginPage(csrfToken: CSRF.token(for: visitor.value, secret: services.secret))
        page.email = EmailAddress(request.query["email"] ?? "")?.value ?? ""
        page.next = SafeRedirect.path(request.query["next"], fallback: "")
        page.notice = request.query["avviso"].flatMap { notices[$0] }
        var response = Response.html(page.render())
        if let cookie = visitor.newCookie { try response.setCookie(cookie) }
        return response
    }

    /// Messages other pages leave for the login page (`/login?avviso=…`).
    static let notices = [
        "uscito": Text.loggedOut, "scaduto": Text.loginStepExpired, "creato": Text.userCreated,
        "cambiata": Text.passwordChanged, "reimpostata": Text.recoveryDone, "sessione": Text.sessionExpired,
    ]

    static func login(_ request: Request, _ services: Services) throws -> Response {
        let form = try request.form()
        try CSRF.verify(form, cookieValue: Cookies.visitorValue(request), secret: services.secret)
        let typedEmail = (form["email"] ?? "").trimmingWhitespace()
        let password = form["password"] ?? ""
        let remember = form.isChecked("remember")
        let next = SafeRedirect.path(form["next"], fallback: "")
        var page = LoginPage(
            email: String(typedEmail.prefix(254)), remember: remember, next: next,
            csrfToken: CSRF.token(for: Cookies.visitorValue(request) ?? "", secret: services.secret))

        guard !typedEmail.isEmpty, !password.isEmpty else {
            page.error = Text.loginFailed
            return Response.html(page.render(), status: 422)
        }
        let now = services.now
        let email = EmailAddress(typedEmail)
        let user = try email.flatMap { try UserStore(services.database).find(email: $0) }
        // The same argon2id work whether or not the account exists, so timing reveals nothing.
        let throttled = user.map { LoginThrottle.mustWait($0, now: now) } ?? false
        let matches = PasswordHasher.verify(password, against: user?.passwordHash ?? PasswordHasher.decoy)
        guard let user, matches, !throttled else {
            try services.database.write {
                if let user {
                    try UserStore(services.database).recordFailedLogin(userID: user.id, now: now, window: LoginThrottle.window)
                }
                try AuditStore(services.database).record(
                    "login_failed", tenantID: user?.lastTenantID, userID: user?.id, actorEmail: page.email,
                    detail: throttled ? "throttled" : "", clientIP: request.clientAddress, now: now)
            }
            page.error = Text.loginFailed
            return Response.html(page.render(), status: 422)
        }
        do {
            return try AccessFlow.passwordAccepted(user: user, remember: remember, next: next, request, services)
        } catch let refusal as LoginPageError {
            page.error = refusal.message
            return Response.html(page.render(), status: 403)
        }
    }

    static func logout(_ request: Request, _ services: Services) throws -> Response {
        let form = try request.form()
        guard let current = try CurrentUser.find(request, services) else {
            // Already logged out (expired or another tab): nothing to end, go to the login page.
            throw Redirect(to: "/login")
        }
        try current.verify(form, request, services)
        try services.database.write {
            try SessionStore(services.database).delete(id: current.session.id)
            try AuditStore(services.database).record(
                "logout", tenantID: current.tenantID, userID: current.user.id, actorEmail: current.user.email,
                clientIP: request.clientAddress, now: services.now)
        }
        var response = try Response.redirect(to: "/login?avviso=uscito")
        try response.setCookie(Cookies.clearSession(request))
        return response
    }

    static func home(_ request: Request, _ services: Services) throws -> Response {
        try Response.redirect(to: try CurrentUser.find(request, services) == nil ? "/login" : "/dashboard", status: 302)
    }
}
