import PortalCore
import PortalCrypto
import PortalHTML
import PortalHTTP
import PortalStore

/// The logged-in person behind a request, with the company the session works for, from one
/// query.
struct CurrentUser {
    let services: Services
    let session: SessionRecord
    let user: UserRecord
    let membership: MembershipRecord?
    /// The session cookie's value, which the CSRF token is made from.
    let token: String

    /// Made when a page or a check asks for it, not with every session lookup: an HMAC and
    /// its Base64 were a fifth of the lookup, and JSON answers and redirects never use it.
    var csrfToken: String { CSRF.token(for: token, key: services.secretKey) }

    var tenantID: Int64? { membership?.tenant.id }

    var viewer: Viewer {
        var viewer = Viewer(
            displayName: user.displayName, companyName: membership?.tenant.name, csrfToken: csrfToken,
            mayAdministerTenant: membership?.role.mayAdministerTenant ?? false, isOperator: user.isOperator,
            mayAdministerVendor: user.deskRole?.mayAdministerVendor ?? false)
        viewer.draftOwner = "\(user.id).\(tenantID ?? 0)"
        viewer.userID = user.id
        viewer.formOwner = KeptForms.ownerValue(userID: user.id, key: services.secretKey)
        viewer.pictureAddress = user.pictureSHA256.map { Viewer.pictureAddress(sha256: $0) }
        return viewer
    }

    /// The session of the request, or the refusal that sends a browser to the login page
    /// and back here afterwards (a script gets 401).
    static func require(_ request: Request, _ services: Services) throws -> CurrentUser {
        if let current = try find(request, services) { return current }
        try continueLogin(request, services)
        let page = SafeRedirect.returnAddress(for: request)
        // A session that ended: why, when the portal ended it for a reason the person should hear.
        let reason = try Cookies.sessionValue(request).map { value in
            try SessionStore(services.database).endedReason(tokenHash: Token.hash(value))
        }
        // A form of the portal's, sent from this browser: "Esci" is no form (pressed again it
        // is told as before), and a post that brings no cookie of the portal at all came from
        // another site (they are SameSite=Lax), which gets no words about a form of ours.
        let isOwnForm = request.method == "POST" && request.path != "/logout"
            && (Cookies.sessionValue(request) != nil || Cookies.visitorValue(request) != nil)
        guard isOwnForm else {
            let notice = reason.map { reason in
                switch reason {
                case .removedFromCompany: "rimosso"
                case .passwordChanged: "password-cambiata"
                case .endedByOwner: "sessione-terminata"
                case nil: "sessione"
                }
            }
            throw HTTPError.signInRequired(next: request.method == "GET" ? page : "/dashboard", notice: notice)
        }
        // A form sent after the session ended (Esci in another tab took the cookie with it):
        // the login said nothing and led to the dashboard. It says the form was not saved and
        // leads back to the page it was sent from (the ticket forms are kept whole instead,
        // `KeptForms`; a removal from the company has its own words).
        let notice = switch reason {
        case .some(.removedFromCompany): "rimosso-modulo"
        case .some(.passwordChanged): "password-cambiata"
        case .some(.endedByOwner): "sessione-terminata-modulo"
        default: "modulo-non-inviato"
        }
        throw HTTPError.signInRequired(next: formPage(request, publicURL: services.config.publicURL), notice: notice)
    }

    /// The page a form was sent from, by its Referer when it names a page of this portal's
    /// public address (another site's page sends its own address, whatever our policy); the
    /// dashboard otherwise.
    static func formPage(_ request: Request, publicURL: String) -> String {
        guard let page = refererPage(request, publicURL: publicURL) else { return "/dashboard" }
        return SafeRedirect.path(page, fallback: "/dashboard")
    }

    /// The page of the portal's public address (`publicURL`, without its final slash) that
    /// the request's `Referer` names: its path and query; nil for another site's.
    static func refererPage(_ request: Request, publicURL: String) -> String? {
        guard let referer = request.headers["referer"], referer.hasPrefix(publicURL + "/") else { return nil }
        return String(referer.dropFirst(publicURL.count).prefix { $0 != "#" })
    }

    /// A login under way in this browser (the code, "Scelta Tenant"): a page opened in another
    /// tab goes on at that step, and there after it, rather than at a new login that costs
    /// another of the quarter-hour's codes. `for`: whose login may (the desk's pages only an
    /// operator's: to anyone else they do not exist). Returns when there is none, and for what
    /// is no page opened by a person: a form sent from a tab whose session ended keeps its own
    /// answer (kept for after a new login, or "Esci"), and a script's request (`/api/`, a
    /// fetch) would have become the page the login ends on.
    static func continueLogin(
        _ request: Request, _ services: Services, for allowed: (UserRecord) -> Bool = { _ in true }
    ) throws {
        guard request.method == "GET" || request.method == "HEAD", !request.path.hasPrefix("/api/"),
            (request.headers["sec-fetch-mode"] ?? "navigate") == "navigate",
            let login = try LoginChallengeContext.find(request, services), login.challenge.stage != .firstAccess,
            allowed(login.user)
        else { return }
        let wanted = SafeRedirect.path(request.pathWithQuery, fallback: "")
        if request.method == "GET", !wanted.isEmpty {
            try services.database.write { _ in try LoginChallengeStore(services.database).setReturnTo(id: login.challenge.id, wanted) }
        }
        throw Redirect(to: LoginChallengeContext.page(of: login.challenge.stage))
    }

    static func find(_ request: Request, _ services: Services) throws -> CurrentUser? {
        guard let token = Cookies.sessionValue(request),
            let found = try SessionStore(services.database).findWithUser(
                tokenHash: Token.hash(token), now: services.now, rememberedIdle: services.config.rememberedSessionIdle)
        else { return nil }
        // A deactivated operator's sessions end with the deactivation; this catches one that
        // raced it.
        if found.user.deactivatedAt != nil {
            try SessionStore(services.database).delete(id: found.session.id)
            return nil
        }
        // A membership removed since login ends the session's access to that company at once.
        if found.session.tenantID != nil && found.membership == nil {
            try SessionStore(services.database).delete(id: found.session.id)
            return nil
        }
        return CurrentUser(
            services: services, session: found.session, user: found.user, membership: found.membership, token: token)
    }
}
