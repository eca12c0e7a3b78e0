import PortalCore
import PortalHTTP

/// The routes of one handler executable, each in its access group. Adding a route wraps its
/// handler in the group's guard: the context is resolved once, the body of a state-changing
/// request is decoded once and its CSRF token checked, and only then does the handler run.
public struct RouteTable {
    typealias Handler = (Request, Services) throws -> Response

    public private(set) var router = Router()
    private(set) var handlers: [Handler] = []
    /// Per route, whether its group lets the request in (throws its refusal when not): asked
    /// only before refusing a known route's other method or its too large body.
    private(set) var admissions: [(Request, Services) throws -> Void] = []

    public init() {}

    /// `refill`, on the ticket forms: nothing typed is lost (`KeptForms`). A form sent after
    /// its session ended is kept for after the login; one refused for its token (the session
    /// was replaced meanwhile) is refused with its page showing it again, filled in.
    /// `refillKeepsFiles: false`: its page shows no kept files (the desk's ticket page), so a
    /// form kept after the session ended keeps none and the login says so.
    /// `malformedJSON`: what a JSON body that does not parse is told; the dashboard's layout
    /// (a JSON route) names the layout, a form's route says the request is not valid.
    /// `checksAccessAtWrite: false`: for "Esci" alone, which ends its own session and must
    /// clear the browser's cookies whether or not the session is still there.
    /// `ownPageSuffices`: the "Esci" buttons, done without a matching token when the
    /// portal's own page sent them (`isOwnPage`): the tab was drawn for an earlier session or
    /// login of this browser, and a 403 page without a menu left the person signed in.
    mutating func add<Guard: AccessGuard>(
        _ method: String, _ path: String, _ group: Guard.Type, bodyLimit: Int = 0, keepsOversizedForm: Bool = false,
        malformedJSON: String = Text.errorBadRequest, checksAccessAtWrite: Bool = true, ownPageSuffices: Bool = false,
        refill: ((Request, Guard.Context, FormData) throws -> Response)? = nil, refillKeepsFiles: Bool = true,
        _ handler: @escaping (Request, Guard.Context) throws -> Response
    ) {
        let index = router.add(method, path, bodyLimit: bodyLimit, access: Guard.access.rawValue, keepsOversizedForm: refill != nil || keepsOversizedForm)
        let changesState = router.routes[index].changesState
        admissions.append { request, services in _ = try Guard.resolve(request, services) }
        handlers.append { request, services in
            var request = request
            /// A refusal of the group: at the start, or at a write (below).
            func refused(_ error: Error) throws -> Response {
                // Keeping the form is a write of its own, for someone whose access just ended.
                services.database.writeCheck = nil
                switch error {
                case let refusal as HTTPError where refill != nil && refusal.location != nil:
                    guard let kept = try KeptForms.keep(request, services, refusedTo: refusal.location) else { throw refusal }
                    return kept
                case let refusal as HTTPError where refill != nil && changesState && refusal.isSignedOutNotFound:
                    // The desk's 404 for a session that ended (it does not exist for visitors): a
                    // form its page signed for an active operator is kept as a customer's is, and
                    // the operator goes on at the login; anyone else's post stays a plain 404.
                    switch try KeptForms.operatorForm(request, services) {
                    case .active:
                        guard let kept = try KeptForms.keep(request, services, keepsFiles: refillKeepsFiles) else { throw refusal }
                        return kept
                    case .deactivated:
                        return try Response.redirect(to: "/login?avviso=operatore-disattivato")
                    case .other:
                        throw refusal
                    }
                case let redirect as Redirect where refill != nil && changesState:
                    // The session no longer has its company (deactivated meanwhile): the company
                    // choice, with the form kept for when the company can be entered again.
                    guard let kept = try KeptForms.keep(request, services, refusedTo: redirect.location) else { throw redirect }
                    return kept
                default:
                    throw error
                }
            }
            let context: Guard.Context
            do {
                context = try Guard.resolve(request, services)
            } catch {
                return try refused(error)
            }
            if changesState {
                try request.decodeBody(malformedJSON: malformedJSON)
                do {
                    try CSRF.check(request, expected: Guard.csrfToken(context))
                } catch is HTTPError where ownPageSuffices && RouteTable.isOwnPage(request, services) {
                    // «Esci» from a tab drawn for an earlier session of this browser (a company
                    // chosen in another tab, a login since): its token is that session's. Sent
                    // by the portal's own page, it ends the session all the same (another
                    // site's post brings no cookie: they are SameSite).
                } catch let refusal as HTTPError {
                    // Only its writer gets a form back: after "Esci" and another person's login
                    // in the same browser, a stale tab's reply was shown to them, ready to send.
                    guard let refill, let owner = Guard.formOwner(context), KeptForms.owner(of: request, key: services.secretKey) == owner
                    else { throw refusal }
                    var page = try refill(request, context, try KeptForms.refilled(request, services))
                    // A page that has its own status (the offer to switch company, 409) keeps it.
                    if page.status == 200 { page.status = refusal.status }
                    return page
                }
            }
            // What a session's request writes is written only while the session, its company
            // and its role still hold: the guard is asked again inside each of the request's
            // write transactions. A removal, a demotion, a deactivation or a password change
            // that commits while the request runs wins; the request is refused as if it had
            // come after (a ticket form kept for after the login). Only the guard's refusals
            // are the group's: a database that fails meanwhile is a save fault as anywhere.
            if changesState && checksAccessAtWrite && Guard.access.isSession {
                services.database.writeCheck = {
                    do {
                        _ = try Guard.resolve(request, services)
                    } catch let refusal where refusal is HTTPError || refusal is Redirect {
                        throw AccessEnded(refusal: refusal)
                    }
                }
            }
            defer { services.database.writeCheck = nil }
            do {
                var response = try handler(request, context)
                try Guard.finish(&response, context)
                return response
            } catch let ended as AccessEnded {
                return try refused(ended.refusal)
            }
        }
    }

    /// The group's refusal at a request's write, told apart from the handler's own errors.
    private struct AccessEnded: Error {
        let refusal: Error
    }

    mutating func get<Guard: AccessGuard>(
        _ path: String, _ group: Guard.Type, _ handler: @escaping (Request, Guard.Context) throws -> Response
    ) {
        add("GET", path, group, handler)
    }

    /// Sent from a page of the portal itself, as the browser says (`Sec-Fetch-Site`; a browser
    /// too old to say it, by a `Referer` of the portal's public address).
    static func isOwnPage(_ request: Request, _ services: Services) -> Bool {
        if let site = request.headers["sec-fetch-site"] { return site == "same-origin" }
        return CurrentUser.refererPage(request, publicURL: services.config.publicURL) != nil
    }

    /// `keepsOversizedForm`: a body past `bodyLimit` reaches the handler cut there
    /// (`Request.isTruncated`), as for the forms with `refill`, whose text comes first.
    mutating func post<Guard: AccessGuard>(
        _ path: String, _ group: Guard.Type, bodyLimit: Int, keepsOversizedForm: Bool = false,
        malformedJSON: String = Text.errorBadRequest, checksAccessAtWrite: Bool = true, ownPageSuffices: Bool = false,
        refill: ((Request, Guard.Context, FormData) throws -> Response)? = nil, refillKeepsFiles: Bool = true,
        _ handler: @escaping (Request, Guard.Context) throws -> Response
    ) {
        add(
            "POST", path, group, bodyLimit: bodyLimit, keepsOversizedForm: keepsOversizedForm, malformedJSON: malformedJSON,
            checksAccessAtWrite: checksAccessAtWrite, ownPageSuffices: ownPageSuffices, refill: refill,
            refillKeepsFiles: refillKeepsFiles, handler)
    }
}
