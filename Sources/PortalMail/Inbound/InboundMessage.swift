/// A received RFC 5322 message: the facts the mail gate decides on (who sent it, to which
/// address, whether a program sent it) and its content (`MailContent`).
public struct InboundMessage: Sendable {
    public let root: MIMEPart
    public let size: Int

    public init(_ bytes: [UInt8]) {
        root = MIMEPart(bytes[...])
        size = bytes.count
    }

    public var headers: MIMEHeaders { root.headers }

    /// The Message-ID without its angle brackets; nil when the message has none.
    public var messageID: String? {
        guard let raw = headers.first("message-id") else { return nil }
        let id = raw.trimmingCharacters(in: "<> \t")
        return id.isEmpty ? nil : String(id.prefix(250))
    }

    public var subject: String { headers.decoded("subject") ?? "" }

    /// The sender's bare address, lower-cased (Reply-To is not used: answers about a
    /// refusal go to whoever wrote, not to where they want replies). None unless the message
    /// has one From naming one mailbox: with two, the server's DMARC check and the gate could
    /// each read another, and a customer's address beside a stranger's passed as the customer.
    public var sender: String? {
        let from = headers.all("from")
        guard from.count == 1 else { return nil }
        let addresses = MailAddresses.parse(from[0])
        return addresses.count == 1 ? addresses[0] : nil
    }

    /// Every address the message was delivered to, the envelope's first (Delivered-To,
    /// X-Original-To, as Postfix and Dovecot add them), then To and Cc.
    public var recipients: [String] {
        ["delivered-to", "x-original-to", "envelope-to", "to", "cc"].flatMap { headers.all($0) }.flatMap(MailAddresses.parse)
    }

    /// Sent by a program (an out-of-office answer, a bounce, a mailing list): never
    /// answered, so that two robots cannot answer each other for ever (RFC 3834).
    public var isAutomatic: Bool {
        if let submitted = headers.first("auto-submitted")?.lowercased(), !submitted.hasPrefix("no") { return true }
        if let precedence = headers.first("precedence")?.lowercased().trimmingWhitespaceScalars(),
            ["bulk", "junk", "list", "auto_reply"].contains(precedence)
        {
            return true
        }
        if headers.first("x-autoreply") != nil || headers.first("x-autorespond") != nil { return true }
        if headers.first("list-id") != nil { return true }
        if let returnPath = headers.first("return-path"), returnPath.trimmingCharacters(in: "<> \t").isEmpty { return true }
        if root.contentType == "multipart/report" { return true }
        guard let sender else { return true }
        let local = sender.prefix { $0 != "@" }
        return ["mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply", "donotreply"].contains(String(local))
    }

    public var content: MailContent { MailContent(root) }

    /// Whether the receiving server `authservID` says the sender's domain passed DMARC: in the
    /// topmost `Authentication-Results` header with its name that has a DMARC result (the
    /// verdict it added last; a server removes those that arrive with its name from outside,
    /// RFC 8601 §5, and one that does not leaves them below its own; its other checks, DKIM or
    /// SPF, may add headers of their own above), a `dmarc=pass` whose `header.from` is the
    /// domain of the one sender the gate reads (a pass for another domain vouches for another
    /// From).
    public func passesDMARC(authservID: String) -> Bool {
        guard let sender, let at = sender.lastIndex(of: "@") else { return false }
        let domain = sender[sender.index(after: at)...]
        func words(_ text: Substring) -> [Substring] {
            text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).map { Substring($0) }
        }
        let verdicts = headers.all("authentication-results").compactMap { value -> [[Substring]]? in
            let parts = value.split(separator: ";")
            guard let id = parts.first.map(words)?.first, id == authservID.lowercased() else { return nil }
            let dmarc = parts.dropFirst().map(words).filter { $0.first?.hasPrefix("dmarc=") == true }
            return dmarc.isEmpty ? nil : dmarc
        }
        guard let latest = verdicts.first else { return false }
        return latest.contains { $0.first == "dmarc=pass" && $0.contains { $0 == "header.from=" + domain } }
    }
}

/// Bare addresses out of an address header (`"Rossi, Mario" <m@x.it>, b@y.it (Bianchi)`),
/// lower-cased; display names, comments and groups are skipped.
public enum MailAddresses {
    public static func parse(_ header: String) -> [String] {
        var addresses: [String] = []
        var current = ""
        var angle: String?
        var inAngle = false
        var quoted = false
        var comment = 0
        func finish() {
            let candidate = (angle ?? current).trimmingWhitespaceScalars().lowercased()
            if candidate.contains("@"), !candidate.contains(" ") { addresses.append(candidate) }
            current = ""
            angle = nil
        }
        for character in header {
            if quoted {
                if character == "\"" { quoted = false }
                continue
            }
            if comment > 0 {
                if character == "(" { comment += 1 } else if character == ")" { comment -= 1 }
                continue
            }
            switch character {
            case "\"": quoted = true
            case "(": comment = 1
            case "<":
                inAngle = true
                angle = ""
            case ">": inAngle = false
            case ",", ";":
                if !inAngle { finish() }
            case ":":
                if !inAngle { current = "" }  // a group's name
            default:
                if inAngle { angle?.append(character) } else { current.append(character) }
            }
        }
        finish()
        return addresses
    }
}
