import PortalCrypto
import PortalHTTP

/// CSRF tokens are an HMAC of the cookie that identifies the browser (the session cookie,
/// or before login the visitor or login cookie) under the server secret: nothing to store,
/// and a token is worthless for any other browser or session.
enum CSRF {
    static func token(for cookieValue: String, key: HMACKey) -> String {
        Base64URL.encode(key.authenticate(Array(("csrf:" + cookieValue).utf8)))
    }

    /// The token a state-changing request sent: the `X-CSRF-Token` header (scripts), else the
    /// form's or the JSON body's `csrf` field.
    static func sent(_ request: Request) -> String? {
        request.headers["x-csrf-token"] ?? request.form["csrf"] ?? request.json?["csrf"]?.stringValue
    }

    /// Throws the "form expired" error unless the request carries `expected`.
    static func check(_ request: Request, expected: String?) throws {
        guard let expected, let sent = sent(request), ConstantTime.equal(sent, expected) else { throw HTTPError.csrf }
    }
}
