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

/// One worker's CSRF tokens of the sessions it has served. A token is a pure function of the
/// cookie and the server secret, and its HMAC was a fifth of the work of a page the worker
/// otherwise keeps; bounded, it starts again when full.
final class CSRFTokenCache {
    static let capacity = 1024
    private var tokens: [String: String] = [:]

    func token(for cookieValue: String, secret: [UInt8]) -> String {
        if let token = tokens[cookieValue] { return token }
        let token = CSRF.token(for: cookieValue, secret: secret)
        if tokens.count >= CSRFTokenCache.capacity { tokens.removeAll(keepingCapacity: true) }
        tokens[cookieValue] = token
        return token
    }
}

@available(*, unavailable)
extension CSRFTokenCache: Sendable {}
