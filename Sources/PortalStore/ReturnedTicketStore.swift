import PortalCore

/// The tickets an operator's deactivation sent back to the queue (migration 0034).
public struct ReturnedTicketStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// Call inside the deactivation's write transaction, once the ticket is back in the queue
    /// (its lines written): `status` is the one it had.
    public func record(ticketID: Int64, operatorID: Int64, status: TicketStatus) throws {
        try database.run(
            """
            INSERT OR REPLACE INTO returned_tickets (ticket_id, operator_id, status, last_message_id)
            SELECT ?, ?, ?, coalesce(max(id), 0) FROM messages WHERE ticket_id = ?
            """, [ticketID, operatorID, status.rawValue, ticketID])
    }

    /// The operator's returned tickets still as the deactivation left them (in the queue,
    /// nobody's, not changed since), each with the status it had; and forgets them all: a
    /// later reactivation gives back only what a later deactivation returned.
    public func takeUntouched(operatorID: Int64) throws -> [(ticketNumber: Int64, status: TicketStatus)] {
        let rows = try database.query(
            """
            SELECT t.number, r.status FROM returned_tickets r JOIN tickets t ON t.id = r.ticket_id
            WHERE r.operator_id = ? AND t.status = 'unassigned' AND t.operator_id IS NULL
                AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND m.id > r.last_message_id)
            ORDER BY t.id
            """, [operatorID])
        try database.run("DELETE FROM returned_tickets WHERE operator_id = ?", [operatorID])
        return rows.compactMap { row in TicketStatus(rawValue: row.string("status")).map { (row.int("number"), $0) } }
    }
}
