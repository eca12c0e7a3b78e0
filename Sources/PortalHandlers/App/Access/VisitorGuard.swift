import PortalCore
import PortalHTTP

/// A public page. Its forms are tied to the visitor cookie, set on the first page a browser
/// sees; a session, if the browser has one, is found too (the login page sends a signed-in
/// user on).
struct VisitorContext {
    let services: Services
    let visitorValue: String
    let newCookie: Cookie?
    let signedIn: CurrentUser?

    var csrfToken: String { CSRF.token(for: visitorValue, key: services.secretKey) }
}

enum VisitorGuard: AccessGuard {
    static let access = Access.visitor

    static func resolve(_ request: Request, _ services: Services) throws -> VisitorContext {
        let visitor = Cookies.visitor(for: request)
        let signedIn = Cookies.sessionValue(request) == nil ? nil : try CurrentUser.find(request, services)
        return VisitorContext(services: services, visitorValue: visitor.value, newCookie: visitor.newCookie, signedIn: signedIn)
    }

    /// A token made for a cookie the browser did not send cannot match: a POST without the
    /// visitor cookie is refused.
    static func csrfToken(_ context: VisitorContext) -> String? {
        context.newCookie == nil ? context.csrfToken : nil
    }

    static func finish(_ response: inout Response, _ context: VisitorContext) throws {
        if let cookie = context.newCookie { try response.setCookie(cookie) }
    }
}
