import PortalCrypto
import PortalHTTP
import PortalStore

/// The portal's cookies and how they are named and set.
enum Cookies {
    static let session = "portal_session"
    static let visitor = "portal_visitor"

    static func sessionValue(_ request: Request) -> String? {
        request.cookies[Cookie.name(session, secure: request.isHTTPS)]
    }

    static func visitorValue(_ request: Request) -> String? {
        request.cookies[Cookie.name(visitor, secure: request.isHTTPS)]
    }

    /// Without "Ricordami" the cookie ends with the browser; with it, with the session's lifetime.
    static func sessionCookie(token: String, remember: Bool, request: Request) -> Cookie {
        Cookie(
            name: Cookie.name(session, secure: request.isHTTPS), value: token,
            maxAge: remember ? SessionStore.rememberedLifetime : nil, secure: request.isHTTPS)
    }

    static func clearSession(_ request: Request) -> Cookie {
        Cookie.expired(Cookie.name(session, secure: request.isHTTPS), secure: request.isHTTPS)
    }

    /// The visitor cookie of this request, or a new one to set with the response.
    static func visitor(for request: Request) -> (value: String, newCookie: Cookie?) {
        if let existing = visitorValue(request), Token.isWellFormed(existing) { return (existing, nil) }
        let value = Token.generate().value
        return (value, Cookie(name: Cookie.name(visitor, secure: request.isHTTPS), value: value, secure: request.isHTTPS))
    }
}
