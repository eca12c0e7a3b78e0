import PortalCore
import PortalCrypto
import PortalHTML
import PortalHTTP
import PortalStore

/// The logged-in person behind a request, with the company the session works for.
struct CurrentUser {
    let session: SessionRecord
    let user: UserRecord
    let membership: MembershipRecord?
    let csrfToken: String

    var tenantID: Int64? { membership?.tenant.id }

    var viewer: Viewer {
        Viewer(
            displayName: user.displayName, companyName: membership?.tenant.name, csrfToken: csrfToken,
            mayAdministerTenant: membership?.role.mayAdministerTenant ?? false)
    }

    /// Finds the session of the request, or sends the browser to the login page and back here afterwards.
    static func require(_ request: Request, _ services: Services) throws -> CurrentUser {
        if let current = try find(request, services) { return current }
        let back = request.method == "GET" ? request.pathWithQuery : "/dashboard"
        throw Redirect(to: "/login?next=" + urlEncode(back))
    }

    static func find(_ request: Request, _ services: Services) throws -> CurrentUser? {
        guard let token = Cookies.sessionValue(request),
            let found = try SessionStore(services.database).findWithUser(tokenHash: Token.hash(token), now: services.now)
        else { return nil }
        // A membership removed since login ends the session's access to that company at once.
        if found.session.tenantID != nil && found.membership == nil {
            try SessionStore(services.database).delete(id: found.session.id)
            return nil
        }
        return CurrentUser(
            session: found.session, user: found.user, membership: found.membership,
            csrfToken: services.csrfTokens.token(for: token, secret: services.secret))
    }

    /// Checks the CSRF token of a logged-in form post.
    func verify(_ form: FormData, _ request: Request, _ services: Services) throws {
        try CSRF.verify(form, cookieValue: Cookies.sessionValue(request), secret: services.secret)
    }
}
