extension Migrations {
    /// The customers' ticket list and the dashboard's "Elenco ticket" read a company's tickets
    /// from one index that holds what they show (`TicketSummary`) and filter on: a company's
    /// tickets are spread over the table, one page each, as they were opened among everyone
    /// else's; in this index they sit together on a few pages. Newest first is the index's
    /// own order to the last tie (`id DESC`); the other orders sort the company's entries.
    /// Counts with any filter are read from it too. It replaces the three narrow indexes of
    /// the list's orders.
    static let customerListIndexes = Migration(
        name: "0016_customer_list_indexes",
        sql: """
            DROP INDEX tickets_by_tenant_created;
            DROP INDEX tickets_by_tenant_reply;
            DROP INDEX tickets_by_tenant_priority;
            CREATE INDEX tickets_cards ON tickets(
                tenant_id, created_at DESC, id DESC, status, priority, request_type, last_reply_at, priority_rank,
                number, title, requester_name, area, operator_id, closed_at, first_line);
            """)
}
