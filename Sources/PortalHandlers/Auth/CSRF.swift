import PortalCrypto
import PortalHTTP

/// CSRF tokens are an HMAC of the cookie that identifies the browser (the session cookie,
/// or before login the visitor cookie) under the server secret: nothing to store, and a
/// token is worthless for any other browser or session.
enum CSRF {
    static func token(for cookieValue: String, secret: [UInt8]) -> String {
        Base64URL.encode(Digest.hmacSHA256(Array(("csrf:" + cookieValue).utf8), key: secret))
    }

    /// Throws the "form expired" error unless the form carries the token of this cookie.
    static func verify(_ form: FormData, cookieValue: String?, secret: [UInt8]) throws {
        guard let cookieValue, let sent = form["csrf"],
            ConstantTime.equal(sent, token(for: cookieValue, secret: secret))
        else { throw HTTPError.csrf }
    }
}
