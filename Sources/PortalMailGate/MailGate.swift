import PortalCore
import PortalCrypto
import PortalDomain
import PortalHandlers
import PortalMail
import PortalStore

/// The one way a received e-mail reaches a ticket, whether Postfix pipes it to
/// `portal-mailgate` or `portal-mailer` fetches it from a mailbox: programs' messages are
/// ignored, the reply address names the ticket and the person, the new text is cut from the
/// quoted history, files follow the forms' upload rules, and the reply, note or refusal is
/// recorded once per Message-ID.
public struct MailGate {
    let services: Services

    public init(services: Services) { self.services = services }

    /// Whether a message the gate failed on may pass later: the database locked or the disk
    /// full or failing. Anything else (a fault in the message's handling) fails the same way
    /// every time, so the message is put aside and logged instead of retried forever.
    public static func mayPassLater(_ error: any Error) -> Bool {
        if let error = error as? DatabaseError { return error.isTransient }
        return error is ContentStoreError
    }

    var replies: MailReplyService { MailReplyService(database: services.database, config: services.config) }

    /// `bytes` is the message, or its first bytes when `truncated` (it was larger than the
    /// limit); `envelope` are the recipients the mail server named, if any.
    @discardableResult
    public func deliver(_ bytes: [UInt8], truncated: Bool = false, envelope: [String] = [], now: Timestamp) throws
        -> MailReplyService.Outcome
    {
        let message = InboundMessage(bytes)
        let messageID = message.messageID ?? "sha256:" + Digest.sha256Hex(bytes)
        let outcome = try decide(message, messageID: messageID, truncated: truncated, envelope: envelope, now: now)
        var fields = [("outcome", MailGate.describe(outcome))]
        if case .refused(let refusal, let answered) = outcome {
            fields += [("reason", refusal.code), ("answered", answered ? "1" : "0")]
        }
        Log.event("mail_received", fields)
        return outcome
    }

    func decide(_ message: InboundMessage, messageID: String, truncated: Bool, envelope: [String], now: Timestamp) throws
        -> MailReplyService.Outcome
    {
        let service = replies
        if try InboundMailStore(services.database).outcome(messageID: messageID) != nil { return .duplicate }
        let sender = message.sender
        if message.isAutomatic { return try service.ignore(messageID: messageID, sender: sender, now: now) }
        func refuse(_ refusal: MailReplyService.Refusal, ticket: Int64? = nil) throws -> MailReplyService.Outcome {
            try service.refuse(
                refusal, messageID: messageID, sender: sender, ticketNumber: ticket, automatic: false,
                now: now)
        }
        // A sender the receiving server does not vouch for: From alone let anyone holding a
        // reply address write as an operator. Not answered (the address is likely not theirs).
        if let server = services.config.mailAuthservID, !message.passesDMARC(authservID: server) {
            return try service.refuse(
                .unauthenticated, messageID: messageID, sender: sender, ticketNumber: nil, automatic: true, now: now)
        }
        if truncated { return try refuse(.tooLarge(megabytes: services.config.mailGateMaxBytes / (1024 * 1024))) }
        let target: MailReplyService.Target
        switch try service.resolve(recipients: envelope + message.recipients, sender: sender) {
        case .failure(let refusal): return try refuse(refusal)
        case .success(let found): target = found
        }
        let content = message.content
        // A reply with its quoted thread is far below this; megabytes of text cost a second of
        // CPU each to take apart, while the mailer's outgoing e-mails (login codes) wait.
        if content.text.utf8.count > MailGate.textBytesLimit { return try refuse(.tooLong, ticket: target.ticket.number) }
        // Outlook's rich-text wrapper (winmail.dat) is no file anybody chose: refusing the
        // reply for it named a file its writer never attached.
        let sent = content.files.filter { !MailGate.isOutlookWrapper($0.fileName, $0.contentType) }
        // Only an image is "shown inside the text": Apple Mail sends any file placed in the body
        // inline with a Content-ID, and a PDF or an .exe so sent was dropped without a word.
        let shownInText = { (file: MailContent.File) in file.isInline && file.contentType.lowercased().hasPrefix("image/") }
        let attached = sent.filter { !shownInText($0) }
        let body: (text: String, isNote: Bool)
        // Attached files make a reply without words (a signature's logo alone does not).
        switch service.body(ReplyText.extract(content.text), for: target, limit: MailUploads.messageLimit, hasFiles: !attached.isEmpty) {
        case .failure(let refusal): return try refuse(refusal, ticket: target.ticket.number)
        case .success(let accepted): body = accepted
        }
        let uploads = MailUploads(services: services)
        let quota = (tenantID: target.ticket.tenantID, enforcing: !target.isOperator)
        let files = try uploads.accept(
            attached.map { ($0.fileName, $0.contentType, $0.bytes) }, tenantID: quota.tenantID, enforcingQuota: quota.enforcing)
        if let error = files.error { return try refuse(.file(error), ticket: target.ticket.number) }
        var accepted = files.files
        // Images shown inside the text (a pasted screenshot, a signature's logo) are kept when
        // they follow the rules and left out otherwise: a logo in a format the portal refuses
        // must not cost the reply its text.
        for image in sent where shownInText(image) {
            let one = try uploads.accept(
                [(image.fileName, image.contentType, image.bytes)], tenantID: quota.tenantID, enforcingQuota: quota.enforcing)
            if one.error == nil && accepted.count < MailUploads.maxFiles {
                accepted += one.files
            } else {
                Log.event("mail_inline_image_left_out", [("ticket", String(target.ticket.number))])
            }
        }
        return try service.add(
            target, messageID: messageID, sender: sender ?? "", text: body.text, isNote: body.isNote, files: accepted,
            now: now)
    }

    static let textBytesLimit = 1024 * 1024

    static func isOutlookWrapper(_ name: String, _ type: String) -> Bool {
        type.lowercased().hasPrefix("application/ms-tnef") || name.lowercased() == "winmail.dat"
    }

    static func describe(_ outcome: MailReplyService.Outcome) -> String {
        switch outcome {
        case .reply: "reply"
        case .note: "note"
        case .duplicate: "duplicate"
        case .refused: "refused"
        case .ignored: "ignored"
        }
    }
}
