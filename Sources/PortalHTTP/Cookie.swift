/// A `Set-Cookie` value. Defaults are the safe ones: HttpOnly, SameSite=Lax, path `/`.
public struct Cookie: Sendable {
    public var name: String
    public var value: String
    /// nil: a browser-session cookie, gone when the browser closes.
    public var maxAge: Int64?
    public var secure: Bool
    public var httpOnly = true
    public var sameSite = "Lax"

    public init(name: String, value: String, maxAge: Int64? = nil, secure: Bool) {
        self.name = name
        self.value = value
        self.maxAge = maxAge
        self.secure = secure
    }

    /// A cookie that tells the browser to forget `name`.
    public static func expired(_ name: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, secure: secure)
    }

    /// The portal's cookie names get the `__Host-` prefix over HTTPS (pinned to this host,
    /// path `/`, Secure); browsers refuse that prefix on plain HTTP, as in development.
    public static func name(_ base: String, secure: Bool) -> String {
        secure ? "__Host-" + base : base
    }

    public var headerValue: String {
        var parts = ["\(name)=\(value)", "Path=/"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if secure { parts.append("Secure") }
        if httpOnly { parts.append("HttpOnly") }
        parts.append("SameSite=\(sameSite)")
        return parts.joined(separator: "; ")
    }

    /// Parses a `Cookie:` header. The first value of a repeated name wins; malformed pairs are
    /// skipped. Works on the bytes: it runs on every request.
    public static func parse(header: String) -> [String: String] {
        var cookies: [String: String] = [:]
        var header = header
        header.withUTF8 { bytes in
            func trimmed(_ start: Int, _ end: Int) -> (Int, Int) {
                var start = start
                var end = end
                while start < end && (bytes[start] == 32 || bytes[start] == 9) { start += 1 }
                while end > start && (bytes[end - 1] == 32 || bytes[end - 1] == 9) { end -= 1 }
                return (start, end)
            }
            func text(_ range: (Int, Int)) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range.0..<range.1]), as: UTF8.self)
            }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: ";") { end += 1 }
                var equals = start
                while equals < end && bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                if equals < end {
                    let name = trimmed(start, equals)
                    var value = trimmed(equals + 1, end)
                    if value.1 - value.0 >= 2 && bytes[value.0] == UInt8(ascii: "\"") && bytes[value.1 - 1] == UInt8(ascii: "\"") {
                        value = (value.0 + 1, value.1 - 1)
                    }
                    if name.1 > name.0 {
                        let key = text(name)
                        if cookies[key] == nil { cookies[key] = text(value) }
                    }
                }
                start = end + 1
            }
        }
        return cookies
    }
}
