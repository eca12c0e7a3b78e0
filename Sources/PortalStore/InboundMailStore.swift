import PortalCore

/// What the mail gate remembers: every message it took a decision on (by Message-ID, so a
/// second delivery of the same message changes nothing), and when it last answered each
/// sender of a refused message.
public struct InboundMailStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// Records the message inside the transaction of its effect; false when it was recorded
    /// before (a duplicate), and then nothing else may be written.
    public static func record(
        in tx: WriteTransaction, messageID: String, sender: String, ticketNumber: Int64?, outcome: String, now: Timestamp
    ) throws -> Bool {
        try tx.database.run(
            """
            INSERT INTO inbound_mail (message_id, sender, ticket_number, outcome, received_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (message_id) DO NOTHING
            """, [messageID, sender, ticketNumber, outcome, now])
        return tx.database.changes > 0
    }

    public func outcome(messageID: String) throws -> String? {
        try database.queryOne("SELECT outcome FROM inbound_mail WHERE message_id = ?", [messageID])?.string("outcome")
    }

    /// True (and remembered) when `sender` had no answer in the last hour.
    public static func mayAnswer(in tx: WriteTransaction, sender: String, now: Timestamp) throws -> Bool {
        let last = try tx.database.queryOne("SELECT answered_at FROM inbound_answers WHERE sender = ?", [sender])?
            .int("answered_at")
        if let last, now - last < 3600 { return false }
        try tx.database.run(
            """
            INSERT INTO inbound_answers (sender, answered_at) VALUES (?, ?)
            ON CONFLICT (sender) DO UPDATE SET answered_at = excluded.answered_at
            """, [sender, now])
        return true
    }
}
