import PortalCore
import PortalStore
import PortalCrypto

/// Delivers what is due in the outbox, one message at a time. A message is marked sent only
/// after the transport accepted it, so a crash can at worst send it twice, never lose it.
public struct Mailer {
    public let database: Database
    public let transport: any MailTransport
    public let from: String
    public let domain: String
    /// Messages the transport accepted whose sending could not be written down (a full disk,
    /// a database made read-only): the next passes write it down without sending them again.
    /// Without it each pass sent the first of the queue again, once a second, for as long as
    /// the fault lasted (45 copies of one notification in 50 s). Kept by this process: a
    /// mailer stopped meanwhile sends such a message once more, under the same Message-ID.
    private let sentNotRecorded = SentLedger()

    public init(database: Database, transport: any MailTransport, from: String) {
        self.database = database
        self.transport = transport
        self.from = from
        let address = from.split(separator: "@").last.map { String($0.prefix { $0 != ">" }) } ?? "portal.invalid"
        domain = address.isEmpty ? "portal.invalid" : address
    }

    /// Delivers what is due, one message at a time and at most `limit`, asking the queue
    /// again before each: a login code queued while thousands of notifications go out is the
    /// next one sent (urgent mail first, `OutboxStore.due`). Returns how many were delivered;
    /// the caller comes back at once while that is `limit`.
    @discardableResult
    public func deliverDue(limit: Int = 50) throws -> Int { try deliverDueReporting(limit: limit).delivered }

    /// The same, saying whether a secret (a code, a reset link, credentials) was among them.
    public func deliverDueReporting(limit: Int = 50) throws -> (delivered: Int, secret: Bool) {
        let outbox = OutboxStore(database)
        // Read, and written only the first time: a write transaction on every pass of the
        // mailer (twice a second) would compete with the handlers' writes.
        let settings = SettingsStore(database)
        let idKey = HMACKey(try settings.value("message_id_secret") ?? settings.ensure("message_id_secret") { Random.bytes(32) })
        var delivered = 0
        var deliveredSecret = false
        for _ in 0..<limit {
            guard let queued = try outbox.due(now: Clock.now(), limit: 1).first else { break }
            if sentNotRecorded.ids.contains(queued.id) {
                try outbox.markSent(id: queued.id, now: Clock.now())
                sentNotRecorded.ids.remove(queued.id)
                // Its body just cleared: the WAL's copy goes as after any secret's delivery.
                if queued.isSecret { deliveredSecret = true }
                Log.event("mail_sent_recorded", [("id", String(queued.id))])
                continue
            }
            var message = MailMessage(
                from: from, to: queued.recipients, subject: queued.subject, body: queued.body, date: queued.createdAt,
                domain: domain)
            message.sequence = queued.id
            // One per outbox row, the same at every attempt: a mailer killed between sending and
            // marking it sent sends it again under the same Message-ID, which mail programs
            // recognise as one message. Keyed by a secret of the installation, so that it never
            // shows the row's number (how much mail the portal sends); and not by the content,
            // which made two equal messages of the same second one message that mail programs
            // dropped as a duplicate.
            // With its time: a database restored from a backup gives its next rows the numbers
            // of messages already sent after the backup.
            let digest = idKey.authenticate(Array("outbox:\(queued.id):\(queued.createdAt)".utf8)).prefix(16)
            message.messageID = "<" + digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + "@\(domain)>"
            message.replyTo = queued.replyTo
            message.inReplyTo = queued.thread.map { "<\($0)@\(domain)>" }
            do {
                try transport.send(message)
            } catch {
                try outbox.markFailed(
                    id: queued.id, attempts: queued.attempts, error: "\(error)", now: Clock.now(), isSecret: queued.isSecret)
                Log.event("mail_failed", [("id", String(queued.id)), ("error", "\(error)")])
                // The server is likely down: the next pass tries again rather than this one
                // waiting out a timeout per message.
                break
            }
            do {
                try outbox.markSent(id: queued.id, now: Clock.now())
            } catch {
                sentNotRecorded.ids.insert(queued.id)
                Log.event("mail_sent_not_recorded", [("id", String(queued.id)), ("error", "\(error)")])
                throw error
            }
            delivered += 1
            if queued.isSecret { deliveredSecret = true }
            Log.event("mail_sent", [("id", String(queued.id))])
        }
        return (delivered, deliveredSecret)
    }

    /// The transport the configuration names: SMTP when `PORTAL_SMTP_HOST` is set, else files.
    public static func transport(for config: Config) -> any MailTransport {
        let host = config.string("PORTAL_SMTP_HOST", default: "")
        if host.isEmpty { return FileTransport(directory: config.mailDirectory) }
        let security = config.string("PORTAL_SMTP_SECURITY", default: "starttls").lowercased()
        return SMTPTransport(
            host: host, port: config.int("PORTAL_SMTP_PORT", default: 587), startTLS: security == "starttls",
            implicitTLS: security == "tls", user: config.string("PORTAL_SMTP_USER", default: ""),
            password: config.string("PORTAL_SMTP_PASSWORD", default: ""))
    }
}

/// The ids of `Mailer.sentNotRecorded`: a reference, so that the mailer's passes share it.
/// Used by the one mailer loop only.
final class SentLedger: @unchecked Sendable {
    var ids: Set<Int64> = []
}
