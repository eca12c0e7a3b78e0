import PortalCore

/// One row of "Coda ticket": what its columns show and nothing else. A page of whole tickets
/// (`t.*`, the requester's and the operator's e-mail, the company's P.IVA) read and decoded
/// three times the columns the queue shows, on every request.
public struct QueueRow: Sendable {
    public let id: Int64
    public let number: Int64
    public let title: String
    public let tenantName: String
    public let requesterName: String
    public let priority: Priority
    public let status: TicketStatus
    public let operatorName: String?
    /// The deadline of "Tempi di risposta" an open ticket runs towards (nil when closed).
    public let dueAt: Timestamp?
    public let firstAnsweredAt: Timestamp?
    /// The customer's last message ("In attesa da"), kept on the ticket by triggers (0017).
    public let customerLastMessageAt: Timestamp?
    /// The ticket's last reply is an operator's: the desk has answered and waits.
    public let lastReplyByOperator: Bool
    /// Its company was deactivated: its row says so (it read as any other to work on).
    public let tenantDeactivated: Bool

    /// Who owes the next message: the customer wrote last (and is waiting), or the desk did.
    public var awaitsDesk: Bool { customerLastMessageAt != nil && !lastReplyByOperator }

    /// What the deadline is for: the first answer until an operator has replied.
    public var dueKind: ResponseTargets.Kind { firstAnsweredAt == nil ? .firstAnswer : .resolution }

    /// The columns `init` reads, `t` being the tickets, `te` their companies and `op` the
    /// operator's user row.
    static let select = """
        SELECT t.id, t.number, t.title, t.requester_name, t.priority, t.status, t.due_at, t.first_answered_at,
            t.customer_replied_at, te.name AS tenant_name, trim(op.first_name || ' ' || op.last_name) AS operator_name,
            t.last_reply_by_operator, te.deactivated_at IS NOT NULL AS tenant_deactivated
        """

    /// The names of `select`, in order.
    static let columnNames = [
        "id", "number", "title", "requester_name", "priority", "status", "due_at", "first_answered_at",
        "customer_replied_at", "tenant_name", "operator_name", "last_reply_by_operator", "tenant_deactivated",
    ]

    /// The rows `select` names besides the ticket's.
    static let joins = " JOIN tenants te ON te.id = t.tenant_id LEFT JOIN users op ON op.id = t.operator_id"

    /// Read by position, in the order of `select`, as `TicketSummary` (debug builds, and so
    /// the tests, check that the select list and the names agree).
    init(_ row: Row) {
        assert(row.hasColumns(QueueRow.columnNames), "QueueRow.select and columnNames disagree")
        id = row.int(at: 0)
        number = row.int(at: 1)
        title = row.string(at: 2)
        requesterName = row.string(at: 3)
        priority = Priority(rawValue: row.string(at: 4)) ?? .normal
        status = TicketStatus(rawValue: row.string(at: 5)) ?? .unassigned
        dueAt = row.optionalInt(at: 6)
        firstAnsweredAt = row.optionalInt(at: 7)
        customerLastMessageAt = row.optionalInt(at: 8)
        tenantName = row.string(at: 9)
        operatorName = row.optionalString(at: 10)?.trimmingWhitespace()
        lastReplyByOperator = row.int(at: 11) != 0
        tenantDeactivated = row.int(at: 12) != 0
    }
}
