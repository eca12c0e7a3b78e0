import PortalCore

public struct TicketRecord: Sendable {
    public let id: Int64
    public let tenantID: Int64
    public let tenantName: String
    public let number: Int64
    public let title: String
    public let requesterID: Int64?
    public let requesterName: String
    public let requesterEmail: String?
    public let contactEmail: String
    public let phone: String
    public let contactPreference: ContactPreference
    public let requestType: RequestType
    public let area: RequestArea
    public let priority: Priority
    public let status: TicketStatus
    public let operatorID: Int64?
    public let operatorName: String?
    public let operatorEmail: String?
    /// A closed ticket keeps the operator who followed it, who may have been deactivated
    /// since (deactivation sends back only the open ones): reopened, it is nobody's.
    public let operatorDeactivated: Bool
    public let referentID: Int64?
    public let referentName: String?
    public let technicalDetails: String
    public let firstLine: String
    public let createdAt: Timestamp
    public let updatedAt: Timestamp
    public let lastReplyAt: Timestamp
    public let closedAt: Timestamp?
    /// The first operator's reply; until then the clock runs towards the first answer.
    public let firstAnsweredAt: Timestamp?
    /// The deadline of "Tempi di risposta" an open ticket runs towards (nil when closed).
    public let dueAt: Timestamp?

    init(_ row: Row) {
        id = row.int("id")
        tenantID = row.int("tenant_id")
        tenantName = row.string("tenant_name")
        number = row.int("number")
        title = row.string("title")
        requesterID = row.optionalInt("requester_id")
        requesterName = row.string("requester_name")
        requesterEmail = row.optionalString("requester_email")
        contactEmail = row.string("contact_email")
        phone = row.string("phone")
        contactPreference = ContactPreference(rawValue: row.string("contact_preference")) ?? .web
        requestType = RequestType(rawValue: row.string("request_type")) ?? .assistance
        area = RequestArea(rawValue: row.string("area")) ?? .management
        priority = Priority(rawValue: row.string("priority")) ?? .normal
        status = TicketStatus(rawValue: row.string("status")) ?? .unassigned
        operatorID = row.optionalInt("operator_id")
        operatorName = row.optionalString("operator_name")?.trimmingWhitespace()
        operatorEmail = row.optionalString("operator_email")
        operatorDeactivated = row.optionalInt("operator_deactivated") == 1
        referentID = row.optionalInt("referent_id")
        referentName = row.optionalString("referent_name")?.trimmingWhitespace()
        technicalDetails = row.string("technical_details")
        firstLine = row.string("first_line")
        createdAt = row.int("created_at")
        updatedAt = row.int("updated_at")
        lastReplyAt = row.int("last_reply_at")
        closedAt = row.optionalInt("closed_at")
        firstAnsweredAt = row.optionalInt("first_answered_at")
        dueAt = row.optionalInt("due_at")
    }

    /// Whether an active operator has the ticket: a deactivated one no longer works it.
    public var hasActiveOperator: Bool { operatorID != nil && !operatorDeactivated }

    /// What the deadline is for: the first answer until an operator has replied.
    public var dueKind: ResponseTargets.Kind { firstAnsweredAt == nil ? .firstAnswer : .resolution }

    /// The addresses that hear about this ticket: the requester's account and the e-mail
    /// typed on the ticket, when they differ.
    public var requesterAddresses: [EmailAddress] {
        [requesterEmail, contactEmail].compactMap { $0.flatMap(EmailAddress.init) }
            .reduce(into: [EmailAddress]()) { list, address in if !list.contains(address) { list.append(address) } }
    }
}

/// What a row of the thread is: a message of the conversation, an operator's internal note
/// (never shown to customers nor sent), or one line of a change that both sides see.
public enum MessageKind: String, Sendable {
    case reply, note, event
}

public struct TicketMessage: Sendable {
    public let id: Int64
    public let authorName: String
    public let authorIsOperator: Bool
    public let kind: MessageKind
    public let body: String
    public let createdAt: Timestamp
}

public struct TicketAttachment: Sendable {
    public let id: Int64
    public let messageID: Int64?
    public let fileName: String
    public let contentType: String
    public let size: Int64
    public let sha256: String
    public let createdAt: Timestamp
}

public struct TicketPage: Sendable {
    public let tickets: [TicketSummary]
    public let total: Int
}

/// A ticket as lists show it (the customers' list, the dashboard's "Elenco ticket"): the
/// columns of the `tickets_cards` index, so a page is read from the company's few index
/// pages rather than from one table page per ticket (migration 0016).
public struct TicketSummary: Sendable {
    public let number: Int64
    public let title: String
    public let requesterName: String
    public let area: RequestArea
    public let priority: Priority
    public let status: TicketStatus
    public let operatorName: String?
    public let firstLine: String
    public let createdAt: Timestamp
    public let closedAt: Timestamp?

    /// The columns `init` reads, `t` being the tickets and `op` the operator's user row.
    static let columns = """
        t.number, t.title, t.requester_name, t.area, t.priority, t.status, t.first_line, t.created_at, t.closed_at,
            trim(op.first_name || ' ' || op.last_name) AS operator_name
        """

    /// The names of `columns`, in order.
    static let columnNames = [
        "number", "title", "requester_name", "area", "priority", "status", "first_line", "created_at", "closed_at",
        "operator_name",
    ]

    /// Read by position, in the order of `columns`: a list page reads twenty of them, and
    /// looking each value up by name cost a fifth of reading the rows (debug builds, and so
    /// the tests, check that the select list and the names agree).
    init(_ row: Row) {
        assert(row.hasColumns(TicketSummary.columnNames), "TicketSummary.columns and columnNames disagree")
        number = row.int(at: 0)
        title = row.string(at: 1)
        requesterName = row.string(at: 2)
        area = RequestArea(rawValue: row.string(at: 3)) ?? .management
        priority = Priority(rawValue: row.string(at: 4)) ?? .normal
        status = TicketStatus(rawValue: row.string(at: 5)) ?? .unassigned
        firstLine = row.string(at: 6)
        createdAt = row.int(at: 7)
        closedAt = row.optionalInt(at: 8)
        operatorName = row.optionalString(at: 9)?.trimmingWhitespace()
    }
}
