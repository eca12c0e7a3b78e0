import Glibc
import PortalCore
import PortalCrypto

public struct MailError: Error, CustomStringConvertible {
    public let description: String
}

/// An RFC 5322 message: UTF-8 subject as an RFC 2047 encoded word, UTF-8 body in base64,
/// CRLF line endings. Any header value with CR or LF is refused.
public struct MailMessage: Sendable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var body: String
    public var date: Timestamp
    public var messageID: String
    /// Where answers go: a ticket's reply address.
    public var replyTo: String?
    /// The conversation's root (`<ticket-1453@domain>`): In-Reply-To and References, so that
    /// mail programs show a ticket's e-mails as one thread.
    public var inReplyTo: String?
    /// The outbox row it came from: file names sort in the order the messages were queued.
    public var sequence: Int64 = 0

    public init(from: String, to: [String], subject: String, body: String, date: Timestamp, domain: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        messageID = "<\(Base64URL.encode(Random.bytes(12)))@\(domain)>"
    }

    /// The bare address of `from` ("Name <a@b>" → "a@b"), for the SMTP envelope.
    public var envelopeFrom: String {
        guard let open = from.lastIndex(of: "<"), let close = from.lastIndex(of: ">"), open < close else { return from }
        return String(from[from.index(after: open)..<close])
    }

    public func encoded() throws -> String {
        let optional = [replyTo, inReplyTo].compactMap { $0 }
        for value in [from, subject, messageID] + to + optional where value.contains(where: \.isNewline) {
            throw MailError(description: "line break in a header value")
        }
        var lines = [
            "From: \(MailMessage.encodeDisplayName(from))",
            "To: \(to.joined(separator: ", "))",
            "Subject: \(MailMessage.encodeWord(subject))",
            "Date: \(MailMessage.rfc5322Date(date))",
            "Message-ID: \(messageID)",
        ]
        if let replyTo { lines.append("Reply-To: \(replyTo)") }
        if let inReplyTo {
            lines.append("In-Reply-To: \(inReplyTo)")
            lines.append("References: \(inReplyTo)")
        }
        lines += [
            // Every message of the portal is sent by a program: out-of-office answers must not
            // answer it (RFC 3834), and the mail gate ignores such answers itself.
            "Auto-Submitted: auto-generated",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        let normalized = body.replacingLineEndings()
        let encoded = Base64.encode(Array(normalized.utf8))
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Leaves ASCII as it is and wraps anything else in `=?UTF-8?B?…?=` words of at most 75
    /// characters (RFC 2047), each on a folded line of its own, never splitting a character:
    /// one long word of 230 characters is what some spam filters count against a message.
    /// ASCII holding "=?" is encoded too: a title typed as an encoded word
    /// (`=?UTF-8?Q?=E2=80=AE…?=`) was decoded by mail programs into the characters the
    /// portal refuses in a title (a right-to-left override showing "exe.pdf").
    static func encodeWord(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) && !text.contains("=?") { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // By Unicode scalar: a word may end between the scalars of one character (a letter
        // and its accents), never inside one's bytes.
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            // 39 bytes are 52 characters of base64: with "=?UTF-8?B?" and "?=", 64, so that
            // "Subject: " and the first word stay within a line of 76.
            if !chunk.isEmpty && chunk.count + bytes.count > 39 {
                words.append("=?UTF-8?B?" + Base64.encode(chunk) + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Base64.encode(chunk) + "?=") }
        return words.joined(separator: "\r\n ")
    }

    static func encodeDisplayName(_ address: String) -> String {
        guard let open = address.lastIndex(of: "<") else { return address }
        let name = String(address[..<open]).trimmingWhitespace()
        let rest = String(address[open...])
        return name.isEmpty ? rest : encodeWord(name) + " " + rest
    }

    static func rfc5322Date(_ timestamp: Timestamp) -> String {
        var seconds = time_t(timestamp)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(parts.tm_mday) \(months[Int(parts.tm_mon)]) \(1900 + parts.tm_year) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }
}

extension String {
    /// Every line ending as CRLF, as SMTP and RFC 5322 want.
    func replacingLineEndings() -> String {
        var out = ""
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { out += "\r\n" }
                previousWasCR = false
            } else if scalar == "\r" {
                out += "\r\n"
                previousWasCR = true
            } else {
                out.unicodeScalars.append(scalar)
                previousWasCR = false
            }
        }
        return out
    }
}
