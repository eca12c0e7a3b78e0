import PortalCore

public struct OutboxMessage: Sendable, Equatable {
    public let id: Int64
    public let recipients: [String]
    public let subject: String
    public let body: String
    public let createdAt: Timestamp
    public let attempts: Int
    public let sentAt: Timestamp?
    public let lastError: String?
    /// Set when a restore from a backup dropped the message unsent (`discardQueued`).
    public let discardedAt: Timestamp?
    /// The address answers go to (a ticket's reply address), if any.
    public let replyTo: String?
    /// The conversation the message belongs to (`ticket-1453`), for In-Reply-To/References.
    public let thread: String?
    /// A code, a reset link or provisional credentials: its body is cleared once delivered.
    public var isSecret = false
}

public struct OutboxError: Error, CustomStringConvertible {
    public let description: String
}

/// E-mails waiting for `portal-mailer`. A message is enqueued inside the transaction of the
/// change that causes it, so that it exists exactly when the change does.
public struct OutboxStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// `text` with each run of line breaks (every kind `Character.isNewline` knows) as a space.
    static func singleLine(_ text: String) -> String {
        text.contains(where: \.isNewline) ? text.replacingRuns(where: \.isNewline) : text
    }

    /// Keeps header injection out here, at the only door into the outbox: a subject is made
    /// of what people typed (a title, a company's name, a received e-mail's subject), so its
    /// line breaks of any kind (CR, LF, U+2028…) become spaces rather than an error that would
    /// undo the change or leave the message unsendable. Inside the transaction of the change
    /// that causes the e-mail.
    @discardableResult
    public static func enqueue(
        in transaction: WriteTransaction, to recipients: [EmailAddress], subject: String, body: String, now: Timestamp,
        kind: MailKind = .notification, replyTo: String? = nil, thread: String? = nil
    ) throws -> Int64 {
        let database = transaction.database
        guard !recipients.isEmpty else { throw OutboxError(description: "no recipients") }
        let subject = OutboxStore.singleLine(subject)
        for value in [replyTo, thread].compactMap({ $0 }) where value.contains(where: { $0.isNewline || $0 == "<" || $0 == ">" }) {
            throw OutboxError(description: "line break or bracket in a header value")
        }
        let unique = recipients.map(\.value).reduce(into: [String]()) { list, address in
            if !list.contains(address) { list.append(address) }
        }
        try database.run(
            """
            INSERT INTO outbox (recipients, subject, body, created_at, next_attempt_at, priority, secret, reply_to, thread)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [unique.joined(separator: ","), subject, body, now, now, kind.priority, kind.isSecret, replyTo, thread])
        return database.lastInsertRowID
    }

    /// Urgent messages (codes, links, invitations) first, then notifications, each in the
    /// order they were queued.
    public func due(now: Timestamp, limit: Int = 20) throws -> [OutboxMessage] {
        try database.query(
            """
            SELECT id, recipients, subject, body, created_at, attempts, sent_at, last_error, discarded_at, reply_to, thread, secret
            FROM outbox
            WHERE sent_at IS NULL AND discarded_at IS NULL AND next_attempt_at <= ? ORDER BY priority, id LIMIT ?
            """, [now, limit]
        ).map(OutboxStore.message)
    }

    public func all(limit: Int = 100) throws -> [OutboxMessage] {
        try database.query(
            """
            SELECT id, recipients, subject, body, created_at, attempts, sent_at, last_error, discarded_at, reply_to, thread
            FROM outbox ORDER BY id DESC LIMIT ?
            """, [limit]
        ).map(OutboxStore.message)
    }

    /// A delivered secret keeps its subject and recipients for the record, not its body.
    public func markSent(id: Int64, now: Timestamp) throws {
        try database.run(
            """
            UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL,
                body = CASE WHEN secret = 1 THEN '' ELSE body END
            WHERE id = ?
            """, [now, id])
    }

    /// After a restore: what the backup had queued was meant for then, and may have gone out
    /// since; it stays listed but is never sent. Returns how many messages were dropped.
    @discardableResult
    public func discardQueued(now: Timestamp) throws -> Int {
        try database.run(
            """
            UPDATE outbox SET discarded_at = ?, body = CASE WHEN secret = 1 THEN '' ELSE body END
            WHERE sent_at IS NULL AND discarded_at IS NULL
            """, [now])
        return database.changes
    }

    /// Exponential back-off: 30 s, 1 min, 2 min … capped at one hour; never given up on.
    /// Tried again later, each time twice as late: from 30 seconds up to an hour; a secret (a
    /// login code, a reset link) from 5 seconds up to a minute, as it is waited for at a
    /// screen and worthless within minutes (after an outage of the mail server a code came a
    /// minute late, expired).
    public func markFailed(id: Int64, attempts: Int, error: String, now: Timestamp, isSecret: Bool = false) throws {
        let delay = isSecret
            ? min(Int64(5) << Int64(min(attempts, 4)), 60) : min(Int64(30) << Int64(min(attempts, 7)), 3600)
        try database.run(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
            [String(error.prefix(500)), now + delay, id])
    }

    static func message(_ row: Row) -> OutboxMessage {
        var message = OutboxMessage(
            id: row.int("id"), recipients: row.string("recipients").split(separator: ",").map(String.init),
            subject: row.string("subject"), body: row.string("body"), createdAt: row.int("created_at"),
            attempts: Int(row.int("attempts")), sentAt: row.optionalInt("sent_at"),
            lastError: row.optionalString("last_error"), discardedAt: row.optionalInt("discarded_at"),
            replyTo: row.optionalString("reply_to"), thread: row.optionalString("thread"))
        message.isSecret = row.columns.position(of: "secret") != nil && row.int("secret") == 1
        return message
    }
}
