import PortalCore

public struct NewTicket: Sendable {
    public var tenantID: Int64
    public var title: String
    public var requesterID: Int64?
    public var requesterName: String
    public var contactEmail: String
    public var phone: String = ""
    public var contactPreference: ContactPreference = .web
    public var requestType: RequestType = .assistance
    public var area: RequestArea
    public var priority: Priority
    public var description: String
    public var technicalDetails: String = ""
    /// The list's preview, as plain text: the caller derives it from the description's
    /// Markdown (the store has no Markdown parser). Without it, the description's first line.
    public var firstLine: String?

    // Written out, like every public struct's init (`Request`, `SMTPTransport`, `SiteBuilder`):
    // Swift generates memberwise inits only for the struct's own module.
    public init(
        tenantID: Int64, title: String, requesterID: Int64?, requesterName: String, contactEmail: String,
        area: RequestArea, priority: Priority, description: String
    ) {
        self.tenantID = tenantID
        self.title = title
        self.requesterID = requesterID
        self.requesterName = requesterName
        self.contactEmail = contactEmail
        self.area = area
        self.priority = priority
        self.description = description
    }
}

public struct NewAttachment: Sendable {
    public let fileName: String
    public let contentType: String
    public let size: Int64
    public let sha256: String

    public init(fileName: String, contentType: String, size: Int64, sha256: String) {
        self.fileName = fileName
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
    }
}

public struct TicketCounts: Sendable, Equatable {
    public let open: Int64
    public let closed: Int64
    public var total: Int64 { open + closed }
}

/// Tickets, their messages and files. Every read a customer triggers takes the tenant id
/// from the session: another company's ticket is indistinguishable from a missing one.
public struct TicketStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    static let select = """
        SELECT t.*, te.name AS tenant_name, req.email AS requester_email,
            trim(op.first_name || ' ' || op.last_name) AS operator_name, op.email AS operator_email,
            op.deactivated_at IS NOT NULL AS operator_deactivated,
            CASE WHEN ref.id IS NULL THEN NULL
                 ELSE coalesce(nullif(trim(ref.first_name || ' ' || ref.last_name), ''), ref.email) END AS referent_name
        FROM tickets t
        JOIN tenants te ON te.id = t.tenant_id
        LEFT JOIN users req ON req.id = t.requester_id
        LEFT JOIN users op ON op.id = t.operator_id
        LEFT JOIN users ref ON ref.id = t.referent_id
        """

    /// Inserts the ticket and its first message; the caller wraps it in a write transaction.
    /// Numbers are global and consecutive, as the customers quote them ("#1453"). The row is
    /// written once, complete: its deadline (what `refreshDue` would set) and its reply time
    /// (what `addMessage` would set) go with the insert, not as updates after it, each of
    /// which rewrote the row, its indexes and its company's stamp inside the single writer's
    /// lock.
    /// `openingLine`: the thread's line above the request when an operator opened it for the
    /// customer (its author and words), so that the conversation starts with who wrote it down.
    public func create(
        _ ticket: NewTicket, openingLine: (author: UserRecord, text: String)? = nil, now: Timestamp
    ) throws -> (id: Int64, number: Int64, messageID: Int64) {
        let number = try database.scalarInt("SELECT coalesce(max(number), 1000) + 1 FROM tickets")
        let firstLine = ticket.firstLine ?? ticket.description.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let status = TicketStatus.unassigned
        let due = try ResponseTargetStore(database).settings().due(
            createdAt: now, priority: ticket.priority, status: status, firstAnsweredAt: nil)?.at
        try database.run(
            """
            INSERT INTO tickets (tenant_id, number, title, requester_id, requester_name, contact_email, phone,
                contact_preference, request_type, area, priority, priority_rank, status, referent_id, technical_details,
                first_line, created_at, updated_at, last_reply_at, due_at, phone_digits)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                ticket.tenantID, number, ticket.title, ticket.requesterID, ticket.requesterName, ticket.contactEmail,
                ticket.phone, ticket.contactPreference.rawValue, ticket.requestType.rawValue, ticket.area.rawValue,
                ticket.priority.rawValue, ticket.priority.rank, status.rawValue, ticket.requesterID, ticket.technicalDetails,
                String(firstLine.prefix(200)), now, now, now, due, PhoneNumber.searchDigits(ticket.phone),
            ])
        let id = database.lastInsertRowID
        if let openingLine {
            _ = try insertMessage(
                ticketID: id, authorID: openingLine.author.id, authorName: openingLine.author.displayName, isOperator: true,
                kind: .event, body: openingLine.text, now: now)
        }
        let messageID = try insertMessage(
            ticketID: id, authorID: ticket.requesterID, authorName: ticket.requesterName, isOperator: false, kind: .reply,
            body: ticket.description, now: now)
        return (id, number, messageID)
    }

    /// A reply moves "Data ultima risposta"; a note or a change line only the activity that
    /// orders the operators' queue.
    @discardableResult
    public func addMessage(
        ticketID: Int64, authorID: Int64?, authorName: String, isOperator: Bool, kind: MessageKind = .reply, body: String,
        now: Timestamp
    ) throws -> Int64 {
        let id = try insertMessage(
            ticketID: ticketID, authorID: authorID, authorName: authorName, isOperator: isOperator, kind: kind, body: body,
            now: now)
        if kind == .reply {
            try database.run(
                "UPDATE tickets SET last_reply_at = ?, last_reply_by_operator = ?, updated_at = ? WHERE id = ?",
                [now, isOperator ? 1 : 0, now, ticketID])
            if isOperator { try recordAnswer(ticketID: ticketID, now: now) }
        } else {
            try database.run("UPDATE tickets SET updated_at = ? WHERE id = ?", [now, ticketID])
        }
        return id
    }

    /// The message's row alone, without what it changes on its ticket.
    private func insertMessage(
        ticketID: Int64, authorID: Int64?, authorName: String, isOperator: Bool, kind: MessageKind, body: String,
        now: Timestamp
    ) throws -> Int64 {
        try database.run(
            """
            INSERT INTO messages (ticket_id, author_id, author_name, author_is_operator, kind, body, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [ticketID, authorID, authorName, isOperator, kind.rawValue, body, now])
        return database.lastInsertRowID
    }

    public func addAttachment(ticketID: Int64, messageID: Int64, _ file: NewAttachment, now: Timestamp) throws {
        try database.run(
            """
            INSERT INTO attachments (ticket_id, message_id, file_name, content_type, size, sha256, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [ticketID, messageID, file.fileName, file.contentType, file.size, file.sha256, now])
    }

    public func setStatus(ticketID: Int64, status: TicketStatus, operatorID: Int64?, now: Timestamp) throws {
        if let before = try database.queryOne("SELECT status FROM tickets WHERE id = ?", [ticketID]).flatMap({
            TicketStatus(rawValue: $0.string("status"))
        }) {
            try pauseClock(ticketID: ticketID, from: before, to: status, now: now)
        }
        try database.run(
            """
            UPDATE tickets SET status = ?, operator_id = coalesce(?, operator_id), updated_at = ?,
                closed_at = CASE WHEN ? = 'closed' THEN ? ELSE NULL END
            WHERE id = ?
            """, [status.rawValue, operatorID, now, status.rawValue, now, ticketID])
        try refreshDue(ticketID: ticketID)
    }

    public func setPriority(ticketID: Int64, priority: Priority, now: Timestamp) throws {
        try database.run(
            "UPDATE tickets SET priority = ?, priority_rank = ?, updated_at = ? WHERE id = ?",
            [priority.rawValue, priority.rank, now, ticketID])
        try refreshDue(ticketID: ticketID)
    }

    /// "Area" and "Tipologia" of a misfiled request, as the desk corrects them (the text
    /// index's filters and the queue's counts follow by their triggers).
    public func setArea(ticketID: Int64, area: RequestArea, now: Timestamp) throws {
        try database.run("UPDATE tickets SET area = ?, updated_at = ? WHERE id = ?", [area.rawValue, now, ticketID])
    }

    public func setRequestType(ticketID: Int64, type: RequestType, now: Timestamp) throws {
        try database.run("UPDATE tickets SET request_type = ?, updated_at = ? WHERE id = ?", [type.rawValue, now, ticketID])
    }

    public func setReferent(ticketID: Int64, userID: Int64, now: Timestamp) throws {
        try database.run("UPDATE tickets SET referent_id = ?, updated_at = ? WHERE id = ?", [userID, now, ticketID])
    }

    /// The tickets this person opened in the company since `since` whose "Email" is nobody's
    /// of the company (neither theirs nor a colleague's): each made the portal write to it.
    public func externalContacts(tenantID: Int64, requesterID: Int64, since: Timestamp) throws -> Int64 {
        try database.scalarInt(
            """
            SELECT count(*) FROM tickets t
            WHERE t.tenant_id = ? AND t.created_at > ? AND t.requester_id = ?
              AND lower(t.contact_email) NOT IN (
                  SELECT lower(u.email) FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.tenant_id = ?)
            """, [tenantID, since, requesterID, tenantID])
    }

    /// The ticket with this number in this company, or nil (missing and foreign look the same).
    public func find(number: Int64, tenantID: Int64) throws -> TicketRecord? {
        try database.queryOne(TicketStore.select + " WHERE t.number = ? AND t.tenant_id = ?", [number, tenantID])
            .map(TicketRecord.init)
    }

    /// Any company's ticket: for the operators' tools (portal-admin), never for customer routes.
    public func find(number: Int64) throws -> TicketRecord? {
        try database.queryOne(TicketStore.select + " WHERE t.number = ?", [number]).map(TicketRecord.init)
    }

    /// The thread as customers see it: replies and change lines, never an internal note. In
    /// the order they were written (the ids), not by their times: a clock stepped back (a
    /// virtual machine resumed, a wrong time corrected) put a reply above the ticket's own
    /// description.
    public func messages(ticketID: Int64) throws -> [TicketMessage] {
        try database.query(
            """
            SELECT id, author_name, author_is_operator, kind, body, created_at FROM messages
            WHERE ticket_id = ? AND kind != 'note' ORDER BY id
            """, [ticketID]
        ).map(TicketStore.message)
    }

    /// The authors of the replies (either side's) and internal notes after message `id`,
    /// oldest first, but those of `except`: a colleague's note («NON CHIUDERE…») is news to an
    /// operator acting on an older page as a reply is.
    public func messageAuthors(ticketID: Int64, after id: Int64, except userID: Int64) throws -> [(name: String, isNote: Bool)] {
        try database.query(
            """
            SELECT author_name, kind FROM messages
            WHERE ticket_id = ? AND kind IN ('reply', 'note') AND id > ? AND author_id IS NOT ? ORDER BY id
            """, [ticketID, id, userID]
        ).map { ($0.string("author_name"), $0.string("kind") == "note") }
    }

    /// The whole thread, internal notes included: for the operators' desk only (as written).
    public func messagesWithNotes(ticketID: Int64) throws -> [TicketMessage] {
        try database.query(
            """
            SELECT id, author_name, author_is_operator, kind, body, created_at FROM messages
            WHERE ticket_id = ? ORDER BY id
            """, [ticketID]
        ).map(TicketStore.message)
    }

    static func message(_ row: Row) -> TicketMessage {
        TicketMessage(
            id: row.int("id"), authorName: row.string("author_name"), authorIsOperator: row.bool("author_is_operator"),
            kind: MessageKind(rawValue: row.string("kind")) ?? .note, body: row.string("body"), createdAt: row.int("created_at"))
    }

    /// Sets who has the ticket (nil: nobody).
    public func setOperator(ticketID: Int64, operatorID: Int64?, now: Timestamp) throws {
        try database.run("UPDATE tickets SET operator_id = ?, updated_at = ? WHERE id = ?", [operatorID, now, ticketID])
    }

    /// The files customers see: those of replies (a note's files stay on the desk).
    public func attachments(ticketID: Int64) throws -> [TicketAttachment] {
        try database.query(
            """
            SELECT a.id, a.message_id, a.file_name, a.content_type, a.size, a.sha256, a.created_at FROM attachments a
            LEFT JOIN messages m ON m.id = a.message_id
            WHERE a.ticket_id = ? AND coalesce(m.kind, 'reply') != 'note' ORDER BY a.id
            """, [ticketID]
        ).map(TicketStore.attachment)
    }

    public func attachment(id: Int64, ticketID: Int64) throws -> TicketAttachment? {
        try database.queryOne(
            """
            SELECT a.id, a.message_id, a.file_name, a.content_type, a.size, a.sha256, a.created_at FROM attachments a
            LEFT JOIN messages m ON m.id = a.message_id
            WHERE a.id = ? AND a.ticket_id = ? AND coalesce(m.kind, 'reply') != 'note'
            """, [id, ticketID]
        ).map(TicketStore.attachment)
    }

    /// Who sent each message of the ticket that carries a file (notes left out), by message:
    /// «Visualizza allegati» names them without reading the thread's texts. The request of a
    /// ticket the desk opened for a customer (its thread starts with the operator's opening
    /// line) is in the customer's name, but its files came from the operator who wrote it down.
    public func attachmentSenders(ticketID: Int64) throws -> [Int64: (name: String, isOperator: Bool)] {
        var senders: [Int64: (name: String, isOperator: Bool)] = [:]
        for row in try database.query(
            """
            SELECT DISTINCT m.id, coalesce(o.author_name, m.author_name) AS author_name,
                coalesce(o.author_is_operator, m.author_is_operator) AS author_is_operator
            FROM attachments a JOIN messages m ON m.id = a.message_id
            LEFT JOIN messages o ON o.id = (SELECT min(id) FROM messages WHERE ticket_id = m.ticket_id)
                AND o.kind = 'event' AND o.author_is_operator = 1 AND o.id < m.id
                AND m.id = (SELECT min(id) FROM messages WHERE ticket_id = m.ticket_id AND kind = 'reply')
            WHERE a.ticket_id = ? AND m.kind != 'note'
            """, [ticketID])
        {
            senders[row.int("id")] = (row.string("author_name"), row.bool("author_is_operator"))
        }
        return senders
    }

    /// Every file of the ticket, those of internal notes included: for the desk only.
    public func attachmentsWithNotes(ticketID: Int64) throws -> [TicketAttachment] {
        try database.query(
            """
            SELECT id, message_id, file_name, content_type, size, sha256, created_at FROM attachments
            WHERE ticket_id = ? ORDER BY id
            """, [ticketID]
        ).map(TicketStore.attachment)
    }

    static func attachment(_ row: Row) -> TicketAttachment {
        TicketAttachment(
            id: row.int("id"), messageID: row.optionalInt("message_id"), fileName: row.string("file_name"),
            contentType: row.string("content_type"), size: row.int("size"), sha256: row.string("sha256"),
            createdAt: row.int("created_at"))
    }

    /// One page of the company's tickets, filtered and ordered as the query says.
    public func list(tenantID: Int64, query: TicketQuery) throws -> TicketPage {
        var filter = SQLConditions()
        filter.add("t.tenant_id = ?", tenantID)
        filter.add("t.number", equals: query.number)
        switch query.state {
        case .any: break
        case .open: filter.add("t.status != 'closed'")
        case .closed: filter.add("t.status = 'closed'")
        }
        filter.add("t.priority", equals: query.priority?.rawValue)
        filter.add("t.request_type", equals: query.type?.rawValue)
        if let from = query.from.flatMap(DateOnly.init) { filter.add("t.created_at >= ?", Clock.startOfDay(from)) }
        // The next day's first second, not 24 hours on: the days the clocks change last 23 and 25.
        if let to = query.to.flatMap(DateOnly.init) { filter.add("t.created_at < ?", Clock.startOfDay(to.adding(days: 1))) }
        // The index's "text" column only: the operators' notes are in "notes", never searched here.
        if let search = query.searchExpression { filter.add("t.id IN (SELECT rowid FROM ticket_text WHERE text MATCH ?)", search) }
        let whereClause = filter.whereClause
        let order: String
        switch query.order {
        case .created: order = " ORDER BY t.created_at DESC, t.id DESC"
        case .lastReply: order = " ORDER BY t.last_reply_at DESC, t.id DESC"
        case .priority: order = " ORDER BY t.priority_rank DESC, t.created_at DESC, t.id DESC"
        }
        // One company's entries of the cards index, named: without statistics SQLite may
        // prefer an index of the desk's that starts with the filters, across every company.
        let tickets = " FROM tickets t INDEXED BY tickets_cards"
        let offset = (query.page - 1) * TicketQuery.pageSize
        // The page and its count from one snapshot: a colleague's new ticket between the two
        // made the pager promise a page that did not yet exist, or miss one.
        return try database.read {
            let rows = try database.query(
                "SELECT " + TicketSummary.columns + tickets + " LEFT JOIN users op ON op.id = t.operator_id" + whereClause
                    + order + " LIMIT ? OFFSET ?", filter.arguments + [TicketQuery.pageSize, offset])
            // A first page that is not full is the whole list: most filtered lists need no count.
            let total = query.page == 1 && rows.count < TicketQuery.pageSize
                ? rows.count : Int(try database.scalarInt("SELECT count(*)" + tickets + whereClause, filter.arguments))
            return TicketPage(tickets: rows.map(TicketSummary.init), total: total)
        }
    }

    /// New tickets of a person (or of a company) since `since`, counted up to `limit`: each
    /// new ticket checks them (`TicketService.create`), so a range of an index, never more.
    /// Tickets created after `since` (one exactly that old is not in the last hour: the demo's
    /// newest ticket, an hour old when seeded, counted against a test's limit of 2 whenever
    /// the test's second ticket came within the seeding's second).
    public func created(byRequester requesterID: Int64, since: Timestamp, limit: Int) throws -> Int {
        Int(try database.scalarInt(
            "SELECT count(*) FROM (SELECT 1 FROM tickets INDEXED BY tickets_by_requester WHERE requester_id = ? AND created_at > ? LIMIT ?)",
            [requesterID, since, limit]))
    }

    /// The replies a person wrote after `since` (a new ticket's first message included; not
    /// the status and panel lines written with them), counted up to `limit`.
    public func written(byAuthor authorID: Int64, since: Timestamp, limit: Int) throws -> Int {
        Int(try database.scalarInt(
            """
            SELECT count(*) FROM (SELECT 1 FROM messages INDEXED BY messages_by_author
            WHERE author_id = ? AND kind = 'reply' AND created_at > ? LIMIT ?)
            """,
            [authorID, since, limit]))
    }

    /// When the first of a person's replies after `since` was written: from an hour after it
    /// it counts no more.
    public func firstWritten(byAuthor authorID: Int64, since: Timestamp) throws -> Timestamp? {
        let first = try database.scalarInt(
            "SELECT min(created_at) FROM messages INDEXED BY messages_by_author WHERE author_id = ? AND kind = 'reply' AND created_at > ?",
            [authorID, since])
        return first == 0 ? nil : first
    }

    public func created(tenantID: Int64, since: Timestamp, limit: Int) throws -> Int {
        Int(try database.scalarInt(
            "SELECT count(*) FROM (SELECT 1 FROM tickets INDEXED BY tickets_cards WHERE tenant_id = ? AND created_at > ? LIMIT ?)",
            [tenantID, since, limit]))
    }

    /// Two counts of index entries: every one of the company's, and its closed ones, a range
    /// of `tickets_by_tenant_status`. A third of the steps of summing a comparison of every
    /// entry's status.
    public func counts(tenantID: Int64) throws -> TicketCounts {
        let row = try database.queryOne(
            """
            SELECT count(*), (SELECT count(*) FROM tickets WHERE tenant_id = ?1 AND status = 'closed')
            FROM tickets WHERE tenant_id = ?1
            """, [tenantID])
        let all = row?.int(at: 0) ?? 0
        let closed = row?.int(at: 1) ?? 0
        return TicketCounts(open: all - closed, closed: closed)
    }
}
