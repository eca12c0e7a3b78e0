/// The settings of answering by e-mail (`portal-mailgate`, the mailer's IMAP fetch).
extension Config {
    /// Keys the tokens in the Reply-To addresses of ticket e-mails. Without it (or shorter
    /// than 16 characters) e-mails carry no Reply-To and answering by e-mail is off.
    public var replyKey: [UInt8]? {
        let key = string("PORTAL_MAIL_REPLY_KEY", default: "")
        return key.utf8.count >= 16 ? Array(key.utf8) : nil
    }

    /// The mailbox whose `+` addresses receive the replies: `PORTAL_MAIL_REPLY_ADDRESS`, by
    /// default the address of `PORTAL_MAIL_FROM`.
    public var replyMailbox: EmailAddress? {
        EmailAddress(string("PORTAL_MAIL_REPLY_ADDRESS", default: "")) ?? Config.address(in: mailFrom)
    }

    /// The portal's own addresses: the sender's and the reply mailbox, each with any "+" tag
    /// after it (the reply addresses are the mailbox's local part, "+", a token). A message
    /// claiming one of them is never answered: the answer would go to the portal itself (its
    /// own mailbox, or a reply address that brings it back to the gate).
    public func isPortalsOwn(_ address: EmailAddress) -> Bool {
        [Config.address(in: mailFrom), replyMailbox].contains { own in
            guard let own, address.domain == own.domain else { return false }
            return address.localPart == own.localPart || address.localPart.hasPrefix(own.localPart + "+")
        }
    }

    /// The largest message the gate reads (bytes); a larger one is refused whole.
    public var mailGateMaxBytes: Int { int("PORTAL_MAILGATE_MAX_BYTES", default: 25 * 1024 * 1024) }

    /// The development folder whose dropped `.eml` files `portal-mailer` delivers to the gate.
    public var mailInDirectory: String { string("PORTAL_MAIL_IN_DIR", default: "") }

    /// The receiving mail server's name in its `Authentication-Results` headers (RFC 8601):
    /// when set, a reply is taken only if that server says its sender passed DMARC. The
    /// sender's address decides who wrote (an operator on the support's shared address), and
    /// without this check it is whatever the message says.
    public var mailAuthservID: String? {
        let value = string("PORTAL_MAIL_AUTHSERV_ID", default: "").trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    /// `imaps://host:993/INBOX`: the mailbox `portal-mailer` fetches replies from, if any.
    public var imapURL: String { string("PORTAL_IMAP_URL", default: "") }
}
