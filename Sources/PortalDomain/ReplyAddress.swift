import PortalCore
import PortalCrypto

/// The Reply-To address of a ticket e-mail, unique to the ticket and the person it goes to:
/// `assistenza+t1453.17.<mac>@example.com`, the mac an HMAC-SHA-256 of both numbers with
/// the configured key (120 bits, base32 in lower case, as mail servers may lower-case local
/// parts). Person 0 is the support desk's shared address, whose replies are signed by the
/// operator who sends them. Changing the ticket or the person breaks the mac.
///
/// The ticket's "Email" when it is no account of the company gets an address of its own too:
/// the requester's numbers, the mac made over the contact's address as well, so that it
/// matches only a message from that address (issue 18: unique to the ticket and the
/// recipient; a second recipient held the requester's key). Its replies still read as the
/// requester's (`MailReplyService.author`).
public struct ReplyAddress: Sendable {
    let key: [UInt8]
    let mailbox: EmailAddress

    /// Nil when answering by e-mail is not configured.
    public init?(config: Config) {
        guard let key = config.replyKey, let mailbox = config.replyMailbox else { return nil }
        self.key = key
        self.mailbox = mailbox
    }

    public static let deskPerson: Int64 = 0

    public func address(ticket: Int64, person: Int64, contact: EmailAddress? = nil) -> String {
        let local = mailbox.localPart
        let domain = mailbox.value.dropFirst(local.count + 1)
        return "\(local)+t\(ticket).\(person).\(mac(ticket: ticket, person: person, contact: contact))@\(domain)"
    }

    func mac(ticket: Int64, person: Int64, contact: EmailAddress? = nil) -> String {
        let text = contact.map { "portal-reply:\(ticket):\(person):contact:\($0.value)" } ?? "portal-reply:\(ticket):\(person)"
        let digest = Digest.hmacSHA256(Array(text.utf8), key: key)
        return Base32.encode(Array(digest.prefix(15)))
    }

    public enum Match: Sendable, Equatable {
        /// A reply address of ours whose mac is right.
        case valid(ticket: Int64, person: Int64)
        /// Shaped like one, but forged or altered.
        case forged
    }

    /// The first of `recipients` shaped like a reply address, checked; nil when none is. A
    /// contact's address is valid only with its `sender`.
    public func match(_ recipients: [String], sender: EmailAddress? = nil) -> Match? {
        var sawForged = false
        for recipient in recipients {
            guard let parsed = ReplyAddress.parse(recipient) else { continue }
            if ConstantTime.equal(parsed.mac, mac(ticket: parsed.ticket, person: parsed.person))
                || sender.map({ ConstantTime.equal(parsed.mac, mac(ticket: parsed.ticket, person: parsed.person, contact: $0)) }) == true
            {
                return .valid(ticket: parsed.ticket, person: parsed.person)
            }
            sawForged = true
        }
        return sawForged ? .forged : nil
    }

    /// Whether one of `recipients` is the address made for its ticket's contact (`contact`
    /// gives a ticket's, by number): a message to it from another address was sent by the
    /// wrong person (a forwarded notification), not to a forged address.
    public func isContactAddress(_ recipients: [String], contact: (Int64) throws -> EmailAddress?) rethrows -> Bool {
        for recipient in recipients {
            guard let parsed = ReplyAddress.parse(recipient), let address = try contact(parsed.ticket) else { continue }
            if ConstantTime.equal(parsed.mac, mac(ticket: parsed.ticket, person: parsed.person, contact: address)) { return true }
        }
        return false
    }

    /// `…+t<ticket>.<person>.<mac>@…`, whatever the mailbox's name (it may be delivered through an alias).
    static func parse(_ address: String) -> (ticket: Int64, person: Int64, mac: String)? {
        let local = address.lowercased().prefix { $0 != "@" }
        guard let plus = local.lastIndex(of: "+") else { return nil }
        let tag = local[local.index(after: plus)...]
        guard tag.hasPrefix("t") else { return nil }
        let fields = tag.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count <= 18, fields[1].count <= 18, let ticket = Int64(fields[0]),
            let person = Int64(fields[1]), ticket > 0, person >= 0, fields[2].count == 24
        else { return nil }
        return (ticket, person, String(fields[2]))
    }
}

/// RFC 4648 base32, lower case, without padding: safe in an e-mail's local part.
enum Base32 {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

    static func encode(_ bytes: [UInt8]) -> String {
        var out = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return out
    }
}
