extension Migrations {
    /// A person's new tickets of the last hour are counted at every new ticket (the limit of
    /// `TicketService.create`): a range of this index, where `(requester_id)` alone read the
    /// row of every ticket the person ever opened.
    static let ticketCreationLimit = Migration(
        name: "0031_ticket_creation_limit",
        sql: """
            DROP INDEX tickets_by_requester;
            CREATE INDEX tickets_by_requester ON tickets(requester_id, created_at);
            """)
}
