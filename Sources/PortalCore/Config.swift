#if canImport(Glibc)
    import Glibc
#endif

/// The portal's settings: one `KEY=value` file (named by `PORTAL_CONFIG`), overridden by
/// environment variables of the same names. Every executable reads it the same way.
public struct Config: Sendable {
    public var values: [String: String]

    public init(values: [String: String]) { self.values = values }

    /// Reads `PORTAL_CONFIG` (if set) and then the environment. Without `PORTAL_CONFIG`, the
    /// development configuration that `make run` writes (`$PORTAL_VAR/portal.conf`, `var/`
    /// by default) is read when it exists: `portal-admin` in another terminal then writes
    /// the same links as the running portal (`make run PORT=9000`).
    public static func load(environment: [String: String] = Config.processEnvironment()) throws -> Config {
        var merged: [String: String] = [:]
        if let path = environment["PORTAL_CONFIG"], !path.isEmpty {
            guard let text = readTextFile(path) else {
                throw ConfigError(message: Text.Console.configUnreadable(path))
            }
            merged = try parse(text, source: path)
        } else {
            let path = developmentFile(environment)
            if let text = readTextFile(path) { merged = try parse(text, source: path) }
        }
        for (key, value) in environment where key.hasPrefix("PORTAL_") { merged[key] = value }
        let config = Config(values: merged)
        // The development default (http://127.0.0.1:8080) is `make run`'s; a server's
        // configuration without the setting sent customers links to that.
        if environment["PORTAL_CONFIG"].map({ !$0.isEmpty }) == true, merged["PORTAL_PUBLIC_URL"] == nil {
            throw ConfigError(message: Text.Console.publicURLMissing)
        }
        try config.checkPublicURL()
        return config
    }

    /// Every e-mail's links are made of it: "portale.example.com" gave links no mail program
    /// opens, and "ftp://…" was taken as well.
    func checkPublicURL() throws {
        guard let url = values["PORTAL_PUBLIC_URL"] else { return }
        let lower = url.lowercased()
        let host = lower.hasPrefix("https://") ? lower.dropFirst(8) : lower.hasPrefix("http://") ? lower.dropFirst(7) : nil
        guard let host, let first = host.first, first != "/", !host.contains(where: { $0 == " " || $0 == "?" || $0 == "#" }) else {
            throw ConfigError(
                message: Text.Console.publicURLInvalid(url))
        }
    }

    /// Where `make run` (scripts/dev-config.sh) writes its settings.
    public static func developmentFile(_ environment: [String: String]) -> String {
        let folder = environment["PORTAL_VAR"].flatMap { $0.isEmpty ? nil : $0 } ?? "var"
        return folder + "/portal.conf"
    }

    public static func parse(_ text: String, source: String) throws -> [String: String] {
        var result: [String: String] = [:]
        // "\r\n" is one Character: split on it too, or a CRLF file would read as one line.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, rawLine) in lines.enumerated() {
            let line = String(rawLine).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigError(message: Text.Console.configLine(source, index + 1))
            }
            let key = String(line[..<equals]).trimmingWhitespace()
            var value = String(line[line.index(after: equals)...]).trimmingWhitespace()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            result[key] = value
        }
        return result
    }

    public func string(_ key: String, default fallback: String) -> String {
        if let value = values[key], !value.isEmpty { return value }
        return fallback
    }

    public func int(_ key: String, default fallback: Int) -> Int {
        values[key].flatMap { Int($0) } ?? fallback
    }

    public func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let value = values[key]?.lowercased() else { return fallback }
        return ["1", "true", "yes", "on"].contains(value)
    }

    // MARK: - Named settings, with the development defaults `make run` relies on.

    public var varDirectory: String { string("PORTAL_VAR", default: "var") }
    public var databasePath: String { string("PORTAL_DB", default: varDirectory + "/portal.sqlite3") }
    public var publicURL: String {
        var url = string("PORTAL_PUBLIC_URL", default: "http://127.0.0.1:8080")
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
    /// The portal is reached over HTTPS, whoever terminates TLS (nginx or a proxy in front):
    /// cookies are then `Secure` with the `__Host-` prefix even when nginx itself sees HTTP.
    public var servesHTTPS: Bool { publicURL.lowercased().hasPrefix("https://") }
    /// How long a "Ricordami" session may stay unused before it ends (days, default 7; a
    /// value that is not a whole number of days from 1 to 30 keeps the default).
    public var rememberedSessionIdle: Int64 {
        let days = int("PORTAL_REMEMBERED_IDLE_DAYS", default: 7)
        return Int64((1...30).contains(days) ? days : 7) * 24 * 3600
    }
    public var mailDirectory: String { string("PORTAL_MAIL_DIR", default: varDirectory + "/mail") }
    public var attachmentsDirectory: String { string("PORTAL_ATTACHMENTS_DIR", default: varDirectory + "/attachments") }
    /// Not a "noreply" address even by default: replies to it are how customers answer by
    /// e-mail (its "+token" form is each e-mail's Reply-To), and the e-mails invite them to.
    public var mailFrom: String {
        string("PORTAL_MAIL_FROM", default: string("PORTAL_PRODUCT_NAME", default: "Customer Portal") + " <assistenza@portal.invalid>")
    }
    /// The vendor's support desk: hears of new tickets, of replies nobody has taken, and of
    /// companies without users on the classic portal. Defaults to the sender's address.
    public var supportAddress: EmailAddress? {
        EmailAddress(string("PORTAL_SUPPORT_EMAIL", default: "")) ?? Config.address(in: mailFrom)
    }

    /// The address inside "Name <address>" (or the whole value when it is a bare address).
    static func address(in mailbox: String) -> EmailAddress? {
        guard let open = mailbox.lastIndex(of: "<"), let close = mailbox.lastIndex(of: ">"), open < close else {
            return EmailAddress(mailbox)
        }
        return EmailAddress(String(mailbox[mailbox.index(after: open)..<close]))
    }
    public var siteSource: String { string("PORTAL_SITE_SOURCE", default: "site") }
    public var siteOutput: String { string("PORTAL_SITE_OUT", default: varDirectory + "/www") }

    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer = pointer.advanced(by: 1)
        }
        return result
    }
}

public struct ConfigError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Reads a whole file as UTF-8 without Foundation, so that the handlers stay small.
public func readTextFile(_ path: String) -> String? {
    guard let bytes = readFileBytes(path) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
}

public func readFileBytes(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count > 0 { result.append(contentsOf: buffer[0..<count]) }
        if count < buffer.count { break }
    }
    return ferror(file) == 0 ? result : nil
}
