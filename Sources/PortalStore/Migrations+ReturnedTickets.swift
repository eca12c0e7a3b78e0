extension Migrations {
    /// The open tickets "Disattiva" sent back to the queue, with the operator and the status
    /// they had: "Riattiva" gives back those nobody touched since, as they were (a click on
    /// the wrong row cost re-sorting a dozen tickets whose "In sviluppo" and "Rinviato" were
    /// gone).
    static let returnedTickets = Migration(
        name: "0034_returned_tickets",
        sql: """
            CREATE TABLE returned_tickets (
                ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
                operator_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                status TEXT NOT NULL,
                -- the ticket's last message once returned: any later one (a reply, a change
                -- line) means somebody touched it, even within the same second
                last_message_id INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX returned_tickets_by_operator ON returned_tickets(operator_id);
            """)
}
