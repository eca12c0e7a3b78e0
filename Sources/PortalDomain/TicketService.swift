import PortalCore
import PortalStore

/// What happens to a ticket, with its notifications, in one transaction each. Used by the
/// customers' pages and by `portal-admin` (operator replies and status changes until the
/// operator desk exists).
public struct TicketService {
    let database: Database
    let config: Config

    public init(database: Database, config: Config) {
        self.database = database
        self.config = config
    }

    var store: TicketStore { TicketStore(database) }

    public func create(_ ticket: NewTicket, files: [NewAttachment], now: Timestamp) throws -> Int64 {
        try database.write { tx in
            let created = try store.create(ticket, now: now)
            for file in files {
                try store.addAttachment(ticketID: created.id, messageID: created.messageID, file, now: now)
            }
            guard let record = try store.find(number: created.number, tenantID: ticket.tenantID) else {
                throw DomainError(.notFound, Text.errorNotFound)
            }
            try notify(in: tx, record, event: Text.mailEventCreated, line: Text.mailLineCreated, to: record.requesterAddresses, now: now)
            try AuditStore.record(in: tx, "ticket_created", tenantID: ticket.tenantID, userID: ticket.requesterID, detail: "#\(created.number)", now: now)
            return created.number
        }
    }

    public enum ReplyOutcome: Sendable { case replied, closed, reopened }

    /// A customer's reply, with the panel's changes and possibly closing the ticket. The
    /// caller has checked the rules (close delay, reopen window, priority).
    public func customerReply(
        _ ticket: TicketRecord, author: UserRecord, body: String, files: [NewAttachment], close: Bool,
        changes: PanelChanges, now: Timestamp
    ) throws -> ReplyOutcome {
        try database.write { tx in
            try apply(in: tx, changes, to: ticket, now: now)
            let messageID = try store.addMessage(
                ticketID: ticket.id, authorID: author.id, authorName: author.displayName, isOperator: false, body: body,
                now: now)
            for file in files { try store.addAttachment(ticketID: ticket.id, messageID: messageID, file, now: now) }
            var outcome = ReplyOutcome.replied
            if close {
                try store.setStatus(ticketID: ticket.id, status: .closed, operatorID: nil, now: now)
                outcome = .closed
                try notify(in: tx, ticket, event: Text.mailEventClosed, line: Text.mailLineClosed, to: ticket.requesterAddresses, now: now)
            } else if ticket.status == .closed {
                let status = TicketRules.statusAfterCustomerReply(.closed, hasOperator: ticket.operatorID != nil)
                try store.setStatus(ticketID: ticket.id, status: status, operatorID: nil, now: now)
                outcome = .reopened
            }
            if let operatorEmail = ticket.operatorEmail.flatMap(EmailAddress.init) {
                try notify(in: tx, ticket, event: Text.mailEventCustomerReply, line: Text.mailLineCustomerReply, to: [operatorEmail], now: now)
            }
            try AuditStore.record(in: tx, outcome == .closed ? "ticket_closed" : "ticket_reply", tenantID: ticket.tenantID, userID: author.id,
                detail: "#\(ticket.number)", now: now)
            return outcome
        }
    }

    public struct PanelChanges: Sendable {
        public var priority: Priority?
        public var referentID: Int64?
        public init(priority: Priority? = nil, referentID: Int64? = nil) {
            self.priority = priority
            self.referentID = referentID
        }
    }

    public func updatePanel(_ ticket: TicketRecord, changes: PanelChanges, by user: UserRecord, now: Timestamp) throws {
        try database.write { tx in
            try apply(in: tx, changes, to: ticket, now: now)
            try AuditStore.record(in: tx, "ticket_updated", tenantID: ticket.tenantID, userID: user.id, detail: "#\(ticket.number)", now: now)
        }
    }

    func apply(in tx: WriteTransaction, _ changes: PanelChanges, to ticket: TicketRecord, now: Timestamp) throws {
        if let priority = changes.priority, priority != ticket.priority {
            try store.setPriority(ticketID: ticket.id, priority: priority, now: now)
        }
        if let referent = changes.referentID, referent != ticket.referentID {
            try store.setReferent(ticketID: ticket.id, userID: referent, now: now)
        }
    }

    /// An operator's answer; the ticket is taken in charge ("In attesa") if nobody had it.
    public func operatorReply(number: Int64, operator agent: UserRecord, body: String, now: Timestamp) throws {
        try database.write { tx in
            guard let ticket = try store.find(number: number) else {
                throw DomainError(.notFound, Text.ticketNotFound(number))
            }
            try store.addMessage(
                ticketID: ticket.id, authorID: agent.id, authorName: agent.displayName, isOperator: true, body: body, now: now)
            if ticket.status == .unassigned || ticket.status == .closed {
                try store.setStatus(ticketID: ticket.id, status: .waiting, operatorID: agent.id, now: now)
            }
            try notify(in: tx, ticket, event: Text.mailEventReply, line: Text.mailLineReply, to: ticket.requesterAddresses, now: now)
        }
    }

    public func setStatus(number: Int64, status: TicketStatus, operator agent: UserRecord?, now: Timestamp) throws {
        try database.write { tx in
            guard let ticket = try store.find(number: number) else {
                throw DomainError(.notFound, Text.ticketNotFound(number))
            }
            try store.setStatus(ticketID: ticket.id, status: status, operatorID: agent?.id, now: now)
            let (event, line) = status == .closed
                ? (Text.mailEventClosed, Text.mailLineClosed) : (Text.mailEventStatus, Text.mailLineStatus(status.label))
            try notify(in: tx, ticket, event: event, line: line, to: ticket.requesterAddresses, now: now)
        }
    }

    func notify(in tx: WriteTransaction, _ ticket: TicketRecord, event: String, line: String, to recipients: [EmailAddress], now: Timestamp) throws {
        guard !recipients.isEmpty else { return }
        try OutboxStore.enqueue(in: tx, to: recipients, subject: Text.ticketMailSubject(ticket.number, event, ticket.title),
            body: Text.ticketMailBody(
                number: ticket.number, title: ticket.title, line: line, link: config.publicURL + "/ticket/\(ticket.number)"),
            now: now)
    }
}
