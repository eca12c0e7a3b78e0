import PortalCore

/// A ticket as the dashboard's "Elenco ticket" shows it (Priorità, Stato, Titolo,
/// Richiedente, Operatore): the columns it needs and no more.
public struct DashboardTicket: Sendable {
    public let number: Int64
    public let title: String
    public let requesterName: String
    public let priority: Priority
    public let status: TicketStatus
    public let operatorName: String?
}

extension TicketStore {
    /// The company's newest tickets, in the list's default order, from the `tickets_cards`
    /// index alone (and the operator's name). Read by position: the dashboard's data is
    /// answered on every login and every "Aggiorna", for a different company each time.
    public func newest(tenantID: Int64, limit: Int) throws -> [DashboardTicket] {
        try database.query(
            """
            SELECT t.number, t.title, t.requester_name, t.priority, t.status, op.first_name, op.last_name
            FROM tickets t INDEXED BY tickets_cards LEFT JOIN users op ON op.id = t.operator_id
            WHERE t.tenant_id = ? ORDER BY t.created_at DESC, t.id DESC LIMIT ?
            """, [tenantID, limit]
        ).map { row in
            DashboardTicket(
                number: row.int(at: 0), title: row.string(at: 1), requesterName: row.string(at: 2),
                priority: Priority(rawValue: row.string(at: 3)) ?? .normal,
                status: TicketStatus(rawValue: row.string(at: 4)) ?? .unassigned,
                operatorName: row.optionalString(at: 5).map { TicketStore.fullName($0, row.string(at: 6)) })
        }
    }

    /// "Nome Cognome" as the ticket list shows it (`TicketSummary`: trimmed of whitespace),
    /// joined here rather than in SQL, where it cost a string allocation per row inside
    /// SQLite. Names saved by the forms are trimmed already: `trimmingWhitespace` then
    /// returns them as they are.
    static func fullName(_ first: String, _ last: String) -> String {
        (first + " " + last).trimmingWhitespace()
    }
}
