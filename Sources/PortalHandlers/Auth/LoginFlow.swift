import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// What happens after a correct password. Each later step of the access chapter (first
/// access, e-mail code, company choice) is decided here, before the session exists.
enum LoginFlow {
    static func passwordAccepted(
        user: UserRecord, remember: Bool, next: String, _ request: Request, _ services: Services
    ) throws -> Response {
        let now = services.now
        let memberships = try TenantStore(services.database).memberships(userID: user.id)
        guard !memberships.isEmpty || user.isOperator else {
            try audit("login_refused", user: user, tenantID: nil, detail: "no company", request, services)
            let visitor = Cookies.visitor(for: request)
            var page = LoginPage(csrfToken: CSRF.token(for: visitor.value, secret: services.secret))
            page.email = user.email
            page.error = Text.noCompany
            return Response.html(page.render(), status: 403)
        }
        let tenant = memberships.first { $0.tenant.id == user.lastTenantID } ?? memberships.first
        return try startSession(
            user: user, tenantID: tenant?.tenant.id, remember: remember, next: next, request, services, now: now)
    }

    /// A fresh session id at every login: a cookie planted before login is never promoted.
    static func startSession(
        user: UserRecord, tenantID: Int64?, remember: Bool, next: String, _ request: Request, _ services: Services,
        now: Timestamp
    ) throws -> Response {
        let token = Token.generate()
        try services.database.write {
            if let old = Cookies.sessionValue(request), Token.isWellFormed(old) {
                try SessionStore(services.database).delete(tokenHash: Token.hash(old))
            }
            _ = try SessionStore(services.database).create(
                tokenHash: token.hash, userID: user.id, tenantID: tenantID, remember: remember,
                userAgent: request.userAgent, clientIP: request.clientAddress, now: now)
            try UserStore(services.database).clearFailedLogins(userID: user.id)
            if let tenantID { try UserStore(services.database).setLastTenant(userID: user.id, tenantID: tenantID) }
            try AuditStore(services.database).record(
                "login_ok", tenantID: tenantID, userID: user.id, actorEmail: user.email, clientIP: request.clientAddress,
                now: now)
        }
        var response = try Response.redirect(to: SafeRedirect.path(next))
        try response.setCookie(Cookies.sessionCookie(token: token.value, remember: remember, request: request))
        return response
    }

    static func audit(
        _ event: String, user: UserRecord, tenantID: Int64?, detail: String, _ request: Request, _ services: Services
    ) throws {
        try services.database.write {
            try AuditStore(services.database).record(
                event, tenantID: tenantID, userID: user.id, actorEmail: user.email, detail: detail,
                clientIP: request.clientAddress, now: services.now)
        }
    }
}
