extension Migrations {
    /// Whose the ticket's last reply is. "Coda ticket" said "risposto" or "da rispondere" by
    /// comparing the customer's last message with the last reply, in whole seconds: an answer in
    /// the same second as the customer's message read as still the desk's turn, until the next.
    static let lastReplySide = Migration(
        name: "0035_last_reply_side",
        sql: """
            ALTER TABLE tickets ADD COLUMN last_reply_by_operator INTEGER NOT NULL DEFAULT 0;
            UPDATE tickets SET last_reply_by_operator = coalesce((
                SELECT m.author_is_operator FROM messages m WHERE m.ticket_id = tickets.id AND m.kind = 'reply'
                ORDER BY m.id DESC LIMIT 1), 0);
            """)
}
