import PortalCrypto
import PortalHTTP
import PortalStore

/// The portal's cookies and how they are named and set.
enum Cookies {
    static let session = "portal_session"
    static let visitor = "portal_visitor"
    /// The login in progress between the password and the session (code, company choice).
    static let login = "portal_login"
    /// Trusted devices ("Dispositivo sicuro"): each token skips the e-mail code for its user.
    /// Several tokens, newest first (`devices`): on an office's shared computer a colleague
    /// who ticked the box replaced the first person's token, and they were asked for a code
    /// again while their profile still listed the browser as trusted.
    static let device = "portal_device"
    /// How many people one browser remembers as trusted; the oldest goes first.
    static let devicesPerBrowser = 5
    /// A ticket form kept while its writer logs in again (`KeptForms`): two hours at most.
    static let keptForm = "portal_form"
    /// A browser this user logged in from before: a login without it is from a new device.
    static let browser = "portal_browser"

    static func value(_ base: String, _ request: Request) -> String? {
        guard let value = request.cookies[Cookie.name(base, secure: request.isHTTPS)], Token.isWellFormed(value) else {
            return nil
        }
        return value
    }

    static func make(_ base: String, value: String, maxAge: Int64? = nil, _ request: Request) -> Cookie {
        Cookie(name: Cookie.name(base, secure: request.isHTTPS), value: value, maxAge: maxAge, secure: request.isHTTPS)
    }

    static func clear(_ base: String, _ request: Request) -> Cookie {
        Cookie.expired(Cookie.name(base, secure: request.isHTTPS), secure: request.isHTTPS)
    }

    /// A cookie holding several tokens joined by "." (the kept forms'), each well formed.
    static func values(_ base: String, _ request: Request) -> [String] {
        (request.cookies[Cookie.name(base, secure: request.isHTTPS)] ?? "").split(separator: ".").map(String.init)
            .filter(Token.isWellFormed)
    }

    static func sessionValue(_ request: Request) -> String? { value(session, request) }

    /// The trusted-device tokens this browser holds, newest first: never more than the cookie
    /// is written with (a crafted cookie of hundreds was as many lookups under the write lock).
    static func devices(_ request: Request) -> [String] { Array(values(device, request).prefix(devicesPerBrowser)) }

    /// The cookie with `token` in front of `others` (the browser's tokens still trusting someone
    /// else, `AccessFlow.otherPeoplesDevices`), the oldest left out past `devicesPerBrowser`.
    static func addingDevice(_ token: String, keeping others: [String], _ request: Request) -> Cookie {
        adding(token, before: others, to: device, maxAge: TrustedDeviceStore.lifetime, request)
    }

    /// The known-browser tokens this browser holds, newest first, one per person as for trusted
    /// devices: with one, each colleague's login on a shared computer replaced the last one's,
    /// who was told of a "new device" at every next login.
    static func browsers(_ request: Request) -> [String] { Array(values(browser, request).prefix(devicesPerBrowser)) }

    /// The cookie with `token` in front of the browser's other known-browser tokens.
    static func addingBrowser(_ token: String, _ request: Request) -> Cookie {
        adding(token, before: browsers(request), to: browser, maxAge: KnownBrowserStore.lifetime, request)
    }

    /// A several-token cookie with `token` first, `others` after it once each, the oldest left
    /// out past `devicesPerBrowser`.
    private static func adding(_ token: String, before others: [String], to base: String, maxAge: Int64, _ request: Request)
        -> Cookie
    {
        let tokens = [token] + others.filter { $0 != token }
        return make(base, value: tokens.prefix(devicesPerBrowser).joined(separator: "."), maxAge: maxAge, request)
    }

    static func visitorValue(_ request: Request) -> String? { value(visitor, request) }

    /// Without "Ricordami" the cookie ends with the browser; with it, with the session's
    /// lifetime (the server ends it sooner when it stays unused, `Config.rememberedSessionIdle`).
    static func sessionCookie(token: String, remember: Bool, request: Request) -> Cookie {
        make(session, value: token, maxAge: remember ? SessionStore.rememberedLifetime : nil, request)
    }

    static func clearSession(_ request: Request) -> Cookie { clear(session, request) }

    /// The visitor cookie of this request, or a new one to set with the response.
    static func visitor(for request: Request) -> (value: String, newCookie: Cookie?) {
        if let existing = visitorValue(request) { return (existing, nil) }
        let value = Token.generate().value
        return (value, make(visitor, value: value, request))
    }
}
