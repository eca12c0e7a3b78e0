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

    /// Parses a `Cookie:` header. The first value of a repeated name wins; malformed pairs are skipped.
    public static func parse(header: String) -> [String: String] {
        var cookies: [String: String] = [:]
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let name = parts[0].trimmingCharacters()
            var value = parts[1].trimmingCharacters()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !name.isEmpty, cookies[name] == nil else { continue }
            cookies[name] = value
        }
        return cookies
    }
}
