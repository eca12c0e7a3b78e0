import PortalCore
import PortalMarkdown
import PortalStore

/// What customers do to a ticket, with its notifications, in one transaction each. What
/// operators do is `DeskService`.
public struct TicketService: DomainService {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    var store: TicketStore { TicketStore(database) }

    var mail: TicketMail { TicketMail(config: config) }

    /// A new ticket: the requester hears it was received, the support desk that it exists.
    /// `submission`: the form's key, recorded with the ticket so that the same POST sent
    /// again finds it (`SubmissionStore`) instead of creating a second one.
    /// `openedBy`: the operator who wrote it for the requester (a customer on the phone): the
    /// conversation and the company's trail say so, the form's key is the operator's, and the
    /// customers' hourly limits, which guard against an account's flood, do not apply.
    public func create(
        _ ticket: NewTicket, files: [NewAttachment], submission: String? = nil, openedBy agent: UserRecord? = nil, now: Timestamp
    ) throws -> Int64 {
        var ticket = ticket
        ticket.firstLine = MessageText.firstLine(ticket.description)
        return try database.write { tx in
            if agent == nil {
                try checkCreationLimits(ticket, now: now)
            } else {
                // Checked again under the write lock: the person may have left the company, or
                // the company been deactivated, while the operator wrote.
                let tenants = TenantStore(database)
                if try tenants.isDeactivated(tenantID: ticket.tenantID) { throw DomainError(.invalidInput, Text.deskCompanyInactive) }
                guard let requester = ticket.requesterID, try tenants.membership(userID: requester, tenantID: ticket.tenantID) != nil
                else { throw DomainError(.invalidInput, Text.deskRequesterNotMember) }
            }
            let created = try store.create(
                ticket, openingLine: agent.map { ($0, Text.eventOpenedByDesk($0.displayName)) }, now: now)
            if let submission, let presser = agent?.id ?? ticket.requesterID {
                try SubmissionStore.record(
                    in: tx, userID: presser, key: submission,
                    location: (agent == nil ? "/ticket/" : "/desk/ticket/") + String(created.number), now: now)
            }
            for file in files {
                try store.addAttachment(ticketID: created.id, messageID: created.messageID, file, now: now)
            }
            guard let record = try store.find(number: created.number, tenantID: ticket.tenantID),
                let tenant = try TenantStore(database).find(id: ticket.tenantID)
            else { throw DomainError(.notFound, Text.errorNotFound) }
            // Before the desk's take: "Attività" lists the creation first, then the take.
            try AuditStore.record(
                in: tx, "ticket_created", tenantID: ticket.tenantID, userID: agent?.id ?? ticket.requesterID,
                actorEmail: agent?.email ?? "",
                detail: "#\(created.number)" + (agent == nil ? "" : ": " + Text.auditOnBehalfOf(ticket.requesterName)),
                clientIP: context.clientIP, now: now)
            if let agent {
                // The operator who took the call has it ("In attesa"): a colleague reading the
                // queue took it up a second time. No e-mail: the confirmation just below says it.
                try DeskService(context).take(in: tx, record, by: agent, now: now)
            }
            try mail.received(in: tx, record, openedBy: agent?.displayName, now: now)
            try mail.newTicketToDesk(
                in: tx, record, vat: tenant.vat, text: ticket.description, files: files.map(\.fileName),
                openedBy: agent?.displayName, now: now)
            return created.number
        }
    }

    /// A script or a stolen password sending new tickets as fast as the server answers filled
    /// the desk's queue and the support mailbox (two e-mails a ticket): past these in an
    /// hour the form is refused, its text kept, and says why. Inside the write,
    /// so that parallel posts cannot all pass.
    func checkCreationLimits(_ ticket: NewTicket, now: Timestamp) throws {
        let perPerson = config.int("PORTAL_TICKETS_PER_PERSON_HOUR", default: 30)
        let perCompany = config.int("PORTAL_TICKETS_PER_COMPANY_HOUR", default: 200)
        if let requester = ticket.requesterID,
            try store.created(byRequester: requester, since: now - 3600, limit: perPerson) >= perPerson
        {
            throw DomainError(.ticketLimit, Text.ticketLimitForPerson(perHour: perPerson))
        }
        if try store.created(tenantID: ticket.tenantID, since: now - 3600, limit: perCompany) >= perCompany {
            throw DomainError(.ticketLimit, Text.ticketLimitForCompany(perHour: perCompany))
        }
    }

    /// Replies had no limit: four clients of one account sent 907 in ten seconds, each an
    /// e-mail to the ticket's operator, and the ticket's page grew to thousands of messages.
    /// Past `PORTAL_REPLIES_PER_PERSON_HOUR` messages in an hour (new tickets' first ones
    /// included) the reply is refused with its text kept, saying from when it may go. Inside
    /// the write, as the creation's.
    func checkReplyLimit(author: UserRecord, now: Timestamp, ticketOpen: Bool) throws {
        let perHour = config.int("PORTAL_REPLIES_PER_PERSON_HOUR", default: 60)
        let since = now - 3600
        guard try store.written(byAuthor: author.id, since: since, limit: perHour) >= perHour else { return }
        let first = try store.firstWritten(byAuthor: author.id, since: since) ?? now
        throw DomainError(
            .replyLimit, Text.replyLimitForPerson(perHour: perHour, from: Clock.displayFrom(first + 3600), mayClose: ticketOpen))
    }

    public enum ReplyOutcome: Sendable { case replied, closed, reopened, keptClosed }

    /// A customer's reply, with the panel's changes and possibly closing the ticket. The
    /// caller has checked the rules (close delay, reopen window, priority). A reply on a
    /// "Rinviato" ticket (the vendor was waiting for the customer) puts it back "In attesa";
    /// one on a closed ticket reopens it, unless the customer asked to close it with the
    /// message: then the message is added and the ticket stays closed.
    /// `location`: where the press leads, by its outcome, recorded with the `submission` key
    /// so that a retry (a double click, an answer lost) is told what the first press was.
    public func customerReply(
        _ ticket: TicketRecord, author: UserRecord, body: String, files: [NewAttachment], close: Bool,
        changes: PanelChanges, submission: String? = nil, location: ((ReplyOutcome) -> String)? = nil, now: Timestamp
    ) throws -> ReplyOutcome {
        try database.write { tx in
            // First: a second press of a reply already saved is told so (`Submission.once`),
            // not refused by the limit the first one reached.
            if let submission {
                try SubmissionStore.record(
                    in: tx, userID: author.id, key: submission, location: "/ticket/\(ticket.number)", now: now)
            }
            let outcome = try customerReply(
                in: tx, ticket, author: author, body: body, files: files, close: close, changes: changes, limited: true,
                now: now)
            if let submission, let location {
                try SubmissionStore.relocate(in: tx, userID: author.id, key: submission, location: location(outcome))
            }
            return outcome
        }
    }

    /// The same inside the caller's transaction (the mail gate records the message with it,
    /// `limited: false`: a refused e-mail could not come back with its text).
    func customerReply(
        in tx: WriteTransaction, _ read: TicketRecord, author: UserRecord, body: String, files: [NewAttachment],
        close: Bool, changes: PanelChanges, limited: Bool = false, now: Timestamp
    ) throws -> ReplyOutcome {
        // The status as it is under the write lock, not as the page's request read it: a reply
        // sent while an operator closed the ticket was judged open and left on a closed ticket
        // nobody looks at, where it must reopen it.
        let ticket = try store.find(number: read.number, tenantID: read.tenantID) ?? read
        // Closing an open ticket is never held back: past the limit its customer could not close
        // it for an hour. It closes once; a message on a ticket closed meanwhile is counted.
        if limited && !(close && !ticket.status.isClosed) {
            try checkReplyLimit(author: author, now: now, ticketOpen: !ticket.status.isClosed)
        }
        // A message added to a ticket that stays closed changes nothing else of it
        // (`Text.panelClosed`); one that reopens it takes the panel's changes with it.
        var changed: [String] = []
        if !(close && ticket.status.isClosed) { changed = try apply(in: tx, changes, to: ticket, by: author, now: now) }
        let messageID = try store.addMessage(
            ticketID: ticket.id, authorID: author.id, authorName: author.displayName, isOperator: false, body: body,
            now: now)
        for file in files { try store.addAttachment(ticketID: ticket.id, messageID: messageID, file, now: now) }
        let outcome: ReplyOutcome
        var status = ticket.status
        // A closed ticket keeps the operator who followed it, who may have been deactivated
        // since: reopened, it goes back to the queue (it stayed theirs, and only their
        // mailbox heard of it).
        var releasesOperator = false
        switch (close, ticket.status) {
        case (true, .closed):
            outcome = .keptClosed
        case (true, _):
            status = .closed
            outcome = .closed
        case (false, .closed):
            let operatorActive = try ticket.operatorID.flatMap { try UserStore(database).find(id: $0) }.map { $0.deactivatedAt == nil } ?? false
            releasesOperator = ticket.operatorID != nil && !operatorActive
            status = TicketRules.statusAfterCustomerReply(.closed, hasOperator: operatorActive)
            outcome = .reopened
        case (false, .postponed):
            status = .waiting
            outcome = .replied
        case (false, _):
            outcome = .replied
        }
        if status != ticket.status {
            try store.setStatus(ticketID: ticket.id, status: status, operatorID: nil, now: now)
            try event(in: tx, ticket, by: author, Text.eventStatus(status.label), now: now)
            // Reopened or taken out of "Rinviato" by the customer's message: in the trails as an
            // operator's change is (only the reply was; a closing has its own line).
            if outcome != .closed {
                try audit(in: tx, "ticket_status", ticket, by: author, detail: "\(ticket.status.label) → \(status.label)", now: now)
            }
        }
        // The ticket as the message leaves it: a «Referente ticket» chosen with the message hears
        // of it (the e-mails went to the referent before the change).
        if releasesOperator { try store.setOperator(ticketID: ticket.id, operatorID: nil, now: now) }
        let told = releasesOperator || !changed.isEmpty ? try store.find(number: ticket.number) ?? ticket : ticket
        try mail.customerReplied(
            in: tx, told, outcome: outcome, newStatus: status != ticket.status ? status : nil, text: body,
            files: files.map(\.fileName), changes: changed, author: author, now: now)
        try audit(in: tx, outcome == .closed ? "ticket_closed" : "ticket_reply", ticket, by: author, now: now)
        return outcome
    }

    public struct PanelChanges: Sendable {
        public var priority: Priority?
        public var referentID: Int64?
        public init(priority: Priority? = nil, referentID: Int64? = nil) {
            self.priority = priority
            self.referentID = referentID
        }
    }

    /// "Conferma": false when nothing differs from the ticket (nothing is saved or logged).
    /// Refused on a closed ticket, as the ticket is under the write lock (an operator's close
    /// at the same moment as "Conferma" left a closed ticket with a new priority).
    @discardableResult
    public func updatePanel(_ read: TicketRecord, changes: PanelChanges, by user: UserRecord, now: Timestamp) throws -> Bool {
        try database.write { tx in
            let ticket = try store.find(number: read.number, tenantID: read.tenantID) ?? read
            guard !ticket.status.isClosed else { throw DomainError(.ticketClosed, Text.panelClosed) }
            let lines = try apply(in: tx, changes, to: ticket, by: user, now: now)
            guard !lines.isEmpty else { return false }
            try mail.customerChanged(in: tx, try store.find(number: ticket.number) ?? ticket, lines: lines, author: user, now: now)
            try audit(in: tx, "ticket_updated", ticket, by: user, detail: lines.joined(separator: "; "), now: now)
            return true
        }
    }

    /// The customer's panel: "Priorità" and "Referente ticket", each change one line in the
    /// thread; returns those lines.
    @discardableResult
    func apply(in tx: WriteTransaction, _ changes: PanelChanges, to ticket: TicketRecord, by user: UserRecord, now: Timestamp)
        throws -> [String]
    {
        var lines: [String] = []
        if let priority = changes.priority, priority != ticket.priority {
            try store.setPriority(ticketID: ticket.id, priority: priority, now: now)
            lines.append(Text.eventPriority(priority.label))
            try event(in: tx, ticket, by: user, lines.last!, now: now)
        }
        if let referent = changes.referentID, referent != ticket.referentID {
            // A member still, under the write lock: one removed since the page was read would be
            // made referent, and e-mailed the ticket, after leaving the company.
            guard try TenantStore(database).membership(userID: referent, tenantID: ticket.tenantID) != nil else {
                throw DomainError(.invalidInput, Text.referentInvalid)
            }
            try store.setReferent(ticketID: ticket.id, userID: referent, now: now)
            let chosen = try UserStore(database).find(id: referent)
            lines.append(Text.eventReferent(chosen?.displayName ?? ""))
            try event(in: tx, ticket, by: user, lines.last!, now: now)
            if let chosen { try mail.referentChosen(in: tx, ticket, referent: chosen, by: user, now: now) }
        }
        return lines
    }

    /// One short line of a change in the thread, which both sides see. Without a person (a
    /// script), the support team signs it.
    func event(in tx: WriteTransaction, _ ticket: TicketRecord, by user: UserRecord?, _ line: String, now: Timestamp) throws {
        try store.addMessage(
            ticketID: ticket.id, authorID: user?.id, authorName: user?.displayName ?? Text.supportTeam,
            isOperator: user?.isOperator ?? true, kind: .event, body: line, now: now)
    }
}
