extension Migrations {
    /// Answering by e-mail: the outbox carries a message's Reply-To and its ticket's thread
    /// (for In-Reply-To and References); each received message is remembered by its
    /// Message-ID (a second delivery adds nothing), and each answer to a refused one by its
    /// sender (at most one an hour).
    static let mailGate = Migration(
        name: "0011_mailgate",
        sql: """
            ALTER TABLE outbox ADD COLUMN reply_to TEXT;
            -- the ticket's conversation, e.g. 'ticket-1453': every e-mail about it refers to one root
            ALTER TABLE outbox ADD COLUMN thread TEXT;

            CREATE TABLE inbound_mail (
                message_id TEXT PRIMARY KEY,
                sender TEXT NOT NULL,
                ticket_number INTEGER,
                -- 'reply', 'note', or why it was refused ('not_a_reply', 'forged', 'not_allowed'…)
                outcome TEXT NOT NULL,
                received_at INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE inbound_answers (
                sender TEXT PRIMARY KEY,
                answered_at INTEGER NOT NULL
            ) STRICT;
            """)
}
