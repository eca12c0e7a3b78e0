import PortalCore
import PortalStore

/// What the vendor's operators do to a ticket, each in one transaction with its lines in the
/// thread and its e-mails: answer the customer, write an internal note, take the ticket,
/// assign it, change its status, priority, area or type. Used by the desk's pages and by `portal-admin`.
public struct DeskService: DomainService {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    /// Run first inside each action's transaction (the desk page: "the ticket is still as the
    /// page showed it"); what it throws undoes the action. Checked before the transaction
    /// only, two operators pressing at once both passed.
    public var precondition: ((WriteTransaction) throws -> Void)?
    /// The form's key, recorded with the action so that the same POST sent again finds it
    /// (`SubmissionStore`) instead of doing it twice.
    public var submission: String?

    /// One action's transaction: the precondition, the form's key, then the action.
    func change<T>(_ ticket: TicketRecord, by agent: UserRecord?, now: Timestamp, _ body: (WriteTransaction) throws -> T)
        throws -> T
    {
        try database.write { tx in
            // The press first: the same press sent twice at once finds the first one's record
            // (and its answer) instead of the ticket it changed, which the check would call
            // a colleague's change.
            if let submission, let agent {
                try SubmissionStore.record(
                    in: tx, userID: agent.id, key: submission, location: "/desk/ticket/\(ticket.number)", now: now)
            }
            try precondition?(tx)
            return try body(tx)
        }
    }

    var store: TicketStore { TicketStore(database) }
    var mail: TicketMail { TicketMail(config: config) }
    var customer: TicketService { TicketService(context) }

    /// Any company's ticket by its number.
    public func ticket(number: Int64) throws -> TicketRecord {
        guard let ticket = try store.find(number: number) else { throw DomainError(.notFound, Text.ticketNotFound(number)) }
        return ticket
    }

    /// An operator by id, refused unless the account is one of the vendor's, still active.
    public func agent(id: Int64) throws -> UserRecord {
        guard let user = try UserStore(database).find(id: id), user.isOperator, user.deactivatedAt == nil else {
            throw DomainError(.invalidInput, Text.deskUnknownOperator)
        }
        return user
    }

    /// "Rispondi al cliente": the reply (and its files) reaches the customer with its text.
    /// A ticket nobody had is taken by whoever answers; a closed one reopens "In attesa" unless
    /// "Chiuso" is chosen with it (`keepsClosed`).
    /// `status`: one chosen with the reply, which the same e-mail tells (one e-mail, not two).
    /// `controls`: "Assegna a", "Priorità", "Area" and "Tipologia" changed with it, applied in
    /// the same transaction (a worker killed between the two acknowledged the reply on its
    /// retry and lost them); a new type is told in the reply's e-mail.
    /// `keepsClosed`: no "Stato" is applied with the reply and the page either showed the
    /// ticket closed with "Stato" left at "Chiuso", or showed it open: if it is closed now the
    /// reply leaves it so (closed meanwhile, by the customer or a colleague, it stays closed, as
    /// the page's other stale controls are not applied); one reopened meanwhile stays open.
    /// Returns what the reply did to a ticket that was closed.
    public func reply(
        _ ticket: TicketRecord, by agent: UserRecord, body: String, files: [NewAttachment], status: TicketStatus? = nil,
        keepsClosed: Bool = false, controls: Controls = Controls(), now: Timestamp
    ) throws -> ClosedTicketReply {
        try change(ticket, by: agent, now: now) { tx in
            try checkReplyLimit(agent, now: now)
            // As it is inside the transaction: a colleague may have taken or closed it since
            // the page was read, and a reply sent all the same must not take it from them.
            let current = try store.find(number: ticket.number) ?? ticket
            let stays = keepsClosed && current.status == .closed
            // A new "Tipologia" with the reply is told in the reply's e-mail, as a status is.
            var others = controls
            let type = others.requestType.flatMap { $0 == current.requestType ? nil : $0 }
            others.requestType = nil
            let told = try reply(
                in: tx, current, by: agent, body: body, files: files, status: stays ? .closed : status,
                typeLine: type.map { Text.mailLineType($0.label, by: agent.displayName) }, holder: others.assignee?.displayName,
                now: now)
            try apply(in: tx, others, number: ticket.number, by: agent, now: now)
            if let type { try setRequestType(in: tx, try self.ticket(number: ticket.number), type, by: agent, told: told, now: now) }
            if current.status != .closed { return .wasOpen }
            return stays || status == .closed ? .keptClosed : .reopened
        }
    }

    public enum ClosedTicketReply: Sendable { case wasOpen, reopened, keptClosed }

    /// `typeLine`: a new "Tipologia" chosen with the reply, told in its e-mail. `holder`: the
    /// colleague "Assegna a" gives the ticket to with the reply, named as who took it (the
    /// e-mail named the one who answered, and the ticket was another's). Returns whom the
    /// reply's e-mail went to.
    @discardableResult
    func reply(
        in tx: WriteTransaction, _ ticket: TicketRecord, by agent: UserRecord, body: String, files: [NewAttachment],
        status chosen: TicketStatus? = nil, typeLine: String? = nil, holder: String? = nil, now: Timestamp
    ) throws -> [EmailAddress] {
        // A closed ticket answered with "Chiuso" still chosen stays closed: a word of thanks
        // after the customer closed it must not put it back in the queue.
        let reopens = ticket.status == .closed && chosen != .closed
        // A status chosen with the reply takes the place of the reply's own "taken, In
        // attesa": the conversation shows the status set, never a step nobody chose.
        let takes = (ticket.status == .unassigned || !ticket.hasActiveOperator) && chosen != .unassigned
            && (ticket.status != .closed || reopens)
        // Who took the ticket is said above the reply they took it with: below it, the
        // conversation read as if someone else had answered first.
        if takes { try becomeHolder(in: tx, ticket, agent, now: now) }
        let messageID = try store.addMessage(
            ticketID: ticket.id, authorID: agent.id, authorName: agent.displayName, isOperator: true, body: body, now: now)
        for file in files { try store.addAttachment(ticketID: ticket.id, messageID: messageID, file, now: now) }
        if takes {
            try settleStatusAfterTake(in: tx, ticket, chosen, by: agent, now: now)
        } else if let chosen, chosen != ticket.status {
            try setStatus(in: tx, ticket, chosen, by: agent, now: now)
        } else if reopens {
            try setStatus(in: tx, ticket, .waiting, by: agent, now: now)
        }
        // Told in the reply's e-mail only when it is not what the reply does anyway.
        let anyway = takes ? DeskService.statusWhenTaken(ticket) : reopens ? .waiting : ticket.status
        var statusMail: (event: String, line: String)?
        if let chosen, chosen != anyway { statusMail = DeskService.statusMail(chosen) }
        // The status the reply sets by itself (taken from the queue: "In attesa"; reopened) is
        // a change of status too: said in the reply's e-mail, and to those who follow only
        // changes of status, who heard nothing of it where "Prendi in carico" alone tells them.
        // Reopened: the customer's last e-mail said the request was closed.
        // Left closed: the e-mail says so, and until when an answer reopens it (or that it no
        // longer can: the gate refuses an answer by e-mail then, which the e-mail invited).
        let ownLine = statusMail != nil || anyway == ticket.status ? nil
            : takes ? Text.mailLineTaken(holder ?? agent.displayName, status: anyway.label) : DeskService.statusMail(anyway)?.line
        var closedLine: String?
        if ticket.status == .closed && !reopens {
            // To the minute: the deadline is the closing's time of day, 15 days on.
            closedLine = ticket.closedAt.map { closedAt in
                TicketRules.canReopen(closedAt: closedAt, now: now)
                    ? Text.mailLineKeptClosed(
                        until: Clock.display(TicketRules.reopenDeadline(closedAt: closedAt), format: "%d/%m/%Y alle %H:%M"))
                    : Text.mailLineKeptClosedFinal
            } ?? Text.mailLineKeptClosedPlain
        }
        let lines = [statusMail?.line ?? ownLine ?? closedLine, typeLine].compactMap { $0 }
        let told = try mail.replyToCustomer(
            in: tx, ticket, author: agent.displayName, text: body, statusLine: lines.isEmpty ? nil : lines.joined(separator: " "),
            files: files.map(\.fileName), answerable: closedLine != Text.mailLineKeptClosedFinal, now: now)
        if let statusMail {
            try mail.statusChanged(in: tx, ticket, event: statusMail.event, line: statusMail.line, told: told, now: now)
        } else if let ownLine {
            try mail.statusChanged(in: tx, ticket, event: Text.mailEventStatus, line: ownLine, told: told, now: now)
        }
        try audit(in: tx, "ticket_operator_reply", ticket, by: agent, now: now)
        return told
    }

    /// A script with an operator's session (sqlmap did it) sent 2,900 replies in five minutes,
    /// each an e-mail to the customer: an operator writes at most
    /// `PORTAL_DESK_REPLIES_PER_PERSON_HOUR` (300, five a minute for an hour) replies in an
    /// hour. Counted under the write lock, after the form's key (a second press is told it was
    /// sent), on the index of a person's messages by time.
    func checkReplyLimit(_ agent: UserRecord, now: Timestamp) throws {
        let perHour = config.int("PORTAL_DESK_REPLIES_PER_PERSON_HOUR", default: 300)
        let since = now - 3600
        guard try store.written(byAuthor: agent.id, since: since, limit: perHour) >= perHour else { return }
        let first = try store.firstWritten(byAuthor: agent.id, since: since) ?? now
        throw DomainError(.replyLimit, Text.deskReplyLimit(perHour: perHour, from: Clock.displayFrom(first + 3600)))
    }

    /// "Nota interna": for operators only. No e-mail, no line the customer sees.
    /// `controls` go in the note's transaction when `stillAsSeen` says the ticket is as the
    /// operator's page showed it: a note changes nothing the page showed, but a colleague may
    /// have changed the controls since, and a stale select must not undo that. The note is
    /// saved either way; false when its controls were left out.
    @discardableResult
    public func note(
        _ ticket: TicketRecord, by agent: UserRecord, body: String, files: [NewAttachment], controls: Controls = Controls(),
        stillAsSeen: ((WriteTransaction) throws -> Bool)? = nil, now: Timestamp
    ) throws -> Bool {
        try change(ticket, by: agent, now: now) { tx in
            try note(in: tx, ticket, by: agent, body: body, files: files, now: now)
            if controls.isEmpty { return true }
            if let stillAsSeen, try !stillAsSeen(tx) { return false }
            try apply(in: tx, controls, number: ticket.number, by: agent, now: now)
            return true
        }
    }

    /// Who hears of a reply to the ticket by e-mail, by the same rules as the reply's e-mail:
    /// none when its people left the company (or chose no e-mail) and no colleague follows it.
    public func replyRecipients(_ ticket: TicketRecord) throws -> [EmailAddress] {
        try mail.customerAddresses(ticket, kind: .replies, database)
    }

    func note(
        in tx: WriteTransaction, _ ticket: TicketRecord, by agent: UserRecord, body: String, files: [NewAttachment],
        now: Timestamp
    ) throws {
        let messageID = try store.addMessage(
            ticketID: ticket.id, authorID: agent.id, authorName: agent.displayName, isOperator: true, kind: .note,
            body: body, now: now)
        for file in files { try store.addAttachment(ticketID: ticket.id, messageID: messageID, file, now: now) }
        try audit(in: tx, "ticket_note", ticket, by: agent, now: now)
    }

    /// "Prendi in carico": the ticket is mine. One nobody had (or closed) becomes "In
    /// attesa", and the customer hears of it (a reply that takes the ticket says it itself);
    /// a colleague's keeps its status ("In sviluppo" stays with development). On a ticket
    /// already mine it changes nothing: it set "In sviluppo" back to "In attesa" and told the
    /// customer of a hand-over that never happened.
    public func take(_ ticket: TicketRecord, by agent: UserRecord, now: Timestamp) throws {
        try change(ticket, by: agent, now: now) { tx in
            let status = DeskService.statusWhenTaken(ticket)
            if ticket.operatorID == agent.id && status == ticket.status { return }
            try take(in: tx, ticket, by: agent, now: now)
            if status != ticket.status {
                try mail.statusChanged(
                    in: tx, ticket, event: Text.mailEventStatus,
                    line: Text.mailLineTaken(agent.displayName, status: status.label), now: now)
            }
        }
    }

    /// The status of a ticket once an operator has it: "In attesa" for one nobody had or
    /// closed, the same status otherwise.
    static func statusWhenTaken(_ ticket: TicketRecord) -> TicketStatus {
        ticket.status == .unassigned || ticket.status == .closed ? .waiting : ticket.status
    }

    /// The active operator who had `ticket` (as read before the change) hears who has it now,
    /// unless they made the change themselves (`except`).
    /// `holder`: nil when the ticket went back to the queue.
    func tellPrevious(in tx: WriteTransaction, _ ticket: TicketRecord, holder: String?, by agent: String?, except: Int64?,
                      now: Timestamp) throws {
        guard ticket.hasActiveOperator, let previousID = ticket.operatorID, previousID != except,
            let previous = try UserStore(database).find(id: previousID), previous.deactivatedAt == nil
        else { return }
        try mail.handedOver(in: tx, ticket, from: previous, to: holder, by: agent, now: now)
    }

    /// `status`: one chosen with a reply that takes the ticket, set instead of the usual.
    func take(in tx: WriteTransaction, _ ticket: TicketRecord, by agent: UserRecord, status chosen: TicketStatus? = nil,
              now: Timestamp) throws {
        try becomeHolder(in: tx, ticket, agent, now: now)
        try settleStatusAfterTake(in: tx, ticket, chosen, by: agent, now: now)
    }

    /// The status chosen with the take, or the one a take gives ("In attesa" for a ticket
    /// nobody had): a status line only when it changes.
    private func settleStatusAfterTake(
        in tx: WriteTransaction, _ ticket: TicketRecord, _ chosen: TicketStatus?, by agent: UserRecord, now: Timestamp
    ) throws {
        let status = chosen ?? DeskService.statusWhenTaken(ticket)
        if ticket.status != status { try setStatus(in: tx, ticket, status, by: agent, now: now) }
    }

    /// The ticket is `agent`'s (the thread's "ha preso in carico" line), its status untouched.
    private func becomeHolder(in tx: WriteTransaction, _ ticket: TicketRecord, _ agent: UserRecord, now: Timestamp) throws {
        guard ticket.operatorID != agent.id else { return }
        try store.setOperator(ticketID: ticket.id, operatorID: agent.id, now: now)
        try customer.event(in: tx, ticket, by: agent, Text.eventTaken(agent.displayName), now: now)
        try audit(in: tx, "ticket_taken", ticket, by: agent, now: now)
        try tellPrevious(in: tx, ticket, holder: agent.displayName, by: nil, except: agent.id, now: now)
    }

    /// "Assegna a": another operator has the ticket; a ticket nobody had becomes "In attesa".
    /// Without an operator (a script), the support team signs it, as a status change.
    /// `status`: set with the assignment, in the same transaction (a script's `--operator`).
    public func assign(
        _ ticket: TicketRecord, to assignee: UserRecord, by agent: UserRecord?, status: TicketStatus? = nil, now: Timestamp
    ) throws {
        try change(ticket, by: agent, now: now) { tx in
            try assign(in: tx, ticket, to: assignee, by: agent, statusAfter: status, now: now)
            if let status { try changeStatus(in: tx, try self.ticket(number: ticket.number), status, by: agent, now: now) }
        }
    }

    /// `statusAfter`: the status the same press sets next. A working status or "Chiuso" is the
    /// one the customer hears of: the "In attesa" a ticket nobody had takes first was a second
    /// e-mail in the same second, about a status it had for no time.
    func assign(
        in tx: WriteTransaction, _ ticket: TicketRecord, to assignee: UserRecord, by agent: UserRecord?,
        statusAfter: TicketStatus? = nil, now: Timestamp
    ) throws {
        guard assignee.isOperator, assignee.deactivatedAt == nil else { throw DomainError(.invalidInput, Text.deskUnknownOperator) }
        guard ticket.operatorID != assignee.id else { return }
        try store.setOperator(ticketID: ticket.id, operatorID: assignee.id, now: now)
        let taken = assignee.id == agent?.id
        let assigner = agent?.displayName ?? Text.supportTeam
        let line = taken ? Text.eventTaken(assignee.displayName) : Text.eventAssigned(assigner, to: assignee.displayName)
        try customer.event(in: tx, ticket, by: agent, line, now: now)
        try audit(in: tx, "ticket_assigned", ticket, by: agent, detail: assignee.displayName, now: now)
        if !taken { try mail.assigned(in: tx, ticket, to: assignee, by: assigner, now: now) }
        try tellPrevious(in: tx, ticket, holder: assignee.displayName, by: taken ? nil : assigner, except: agent?.id, now: now)
        let settledAfter = statusAfter.map { $0 != .waiting && $0 != .unassigned } ?? false
        if ticket.status == .unassigned && !settledAfter {
            try setStatus(in: tx, ticket, .waiting, by: agent, now: now)
            try mail.statusChanged(
                in: tx, ticket, event: Text.mailEventStatus,
                line: Text.mailLineTaken(assignee.displayName, status: TicketStatus.waiting.label), now: now)
        }
    }

    /// "Stato": one of the manual's statuses. "Non assegnato" leaves nobody on the ticket;
    /// the customer hears of every change but that one (`statusMail`). Without an operator (a
    /// script), the support team signs the change.
    /// A ticket nobody had, put in a working status by an operator, becomes theirs: "In
    /// Sviluppo" with nobody on it left the customer's answers to no one.
    public func setStatus(_ ticket: TicketRecord, _ status: TicketStatus, by agent: UserRecord?, now: Timestamp) throws {
        try change(ticket, by: agent, now: now) { tx in try changeStatus(in: tx, ticket, status, by: agent, now: now) }
    }

    func changeStatus(in tx: WriteTransaction, _ ticket: TicketRecord, _ status: TicketStatus, by agent: UserRecord?, now: Timestamp)
        throws
    {
        guard status != ticket.status else { return }
        if !ticket.hasActiveOperator, let agent, agent.isOperator, status != .unassigned, status != .closed {
            try store.setOperator(ticketID: ticket.id, operatorID: agent.id, now: now)
            try customer.event(in: tx, ticket, by: agent, Text.eventTaken(agent.displayName), now: now)
            try audit(in: tx, "ticket_taken", ticket, by: agent, now: now)
        }
        try setStatus(in: tx, ticket, status, by: agent, now: now)
        guard let told = DeskService.statusMail(status) else { return }
        try mail.statusChanged(in: tx, ticket, event: told.event, line: told.line, now: now)
    }

    /// The e-mail's event and line for a status the desk set.
    /// None for "Non assegnato": back in the queue is the desk's own step, read in the
    /// conversation; an e-mail (or a reply's line) saying it told the customer nobody was on the
    /// request any more.
    static func statusMail(_ status: TicketStatus) -> (event: String, line: String)? {
        switch status {
        case .unassigned: nil
        case .closed: (Text.mailEventClosed, Text.mailLineClosed)
        case .postponed: (Text.mailEventStatus, Text.mailLinePostponed(status.label))
        default: (Text.mailEventStatus, Text.mailLineStatus(status.label))
        }
    }

    func setStatus(in tx: WriteTransaction, _ ticket: TicketRecord, _ status: TicketStatus, by agent: UserRecord?, now: Timestamp)
        throws
    {
        try store.setStatus(ticketID: ticket.id, status: status, operatorID: nil, now: now)
        if status == .unassigned, let previous = ticket.operatorID {
            try store.setOperator(ticketID: ticket.id, operatorID: nil, now: now)
            // The operator's change is a line of its own, as taking and assigning are.
            if let name = try UserStore(database).find(id: previous)?.displayName {
                try customer.event(in: tx, ticket, by: agent, Text.eventReleased(name), now: now)
                // "Registro attività" lists assignments (the manual says so): a ticket taken
                // from its operator showed there only as a status changed.
                try audit(in: tx, "ticket_released", ticket, by: agent, detail: name, now: now)
            }
            // Sent back to the queue by a colleague: its operator hears it, as of a takeover.
            try tellPrevious(in: tx, ticket, holder: nil, by: agent?.displayName ?? Text.supportTeam, except: agent?.id, now: now)
        }
        try customer.event(in: tx, ticket, by: agent, Text.eventStatus(status.label), now: now)
        // A script's change too: "portal-admin ticket status" changed tickets and told customers
        // with nothing in "Registro attività".
        try audit(in: tx, "ticket_status", ticket, by: agent, detail: "\(ticket.status.label) → \(status.label)", now: now)
    }

    /// "Priorità": operators may set "Bloccante" or lower it.
    func setPriority(in tx: WriteTransaction, _ ticket: TicketRecord, _ priority: Priority, by agent: UserRecord, now: Timestamp)
        throws
    {
        guard priority != ticket.priority else { return }
        try store.setPriority(ticketID: ticket.id, priority: priority, now: now)
        try customer.event(in: tx, ticket, by: agent, Text.eventPriority(priority.label), now: now)
        try audit(in: tx, "ticket_priority", ticket, by: agent, detail: "\(ticket.priority.label) → \(priority.label)", now: now)
    }

    /// "Area" and "Tipologia": a request filed under the wrong ones sat in the wrong
    /// operators' filters and figures for good. Shown to both sides, as a priority is; a
    /// new type is e-mailed too.
    func setArea(in tx: WriteTransaction, _ ticket: TicketRecord, _ area: RequestArea, by agent: UserRecord, now: Timestamp) throws {
        guard area != ticket.area else { return }
        try store.setArea(ticketID: ticket.id, area: area, now: now)
        try customer.event(in: tx, ticket, by: agent, Text.eventArea(area.shortLabel), now: now)
        try audit(in: tx, "ticket_area", ticket, by: agent, detail: "\(ticket.area.shortLabel) → \(area.shortLabel)", now: now)
    }

    /// `told`: those a reply's e-mail already told of the new type.
    func setRequestType(
        in tx: WriteTransaction, _ ticket: TicketRecord, _ type: RequestType, by agent: UserRecord, told: [EmailAddress] = [],
        now: Timestamp
    ) throws {
        guard type != ticket.requestType else { return }
        try store.setRequestType(ticketID: ticket.id, type: type, now: now)
        try customer.event(in: tx, ticket, by: agent, Text.eventType(type.label), now: now)
        try audit(in: tx, "ticket_type", ticket, by: agent, detail: "\(ticket.requestType.label) → \(type.label)", now: now)
        // An appointment is paid for: the customer hears of the change, not only on the page.
        try mail.statusChanged(in: tx, ticket, event: Text.mailEventType, line: Text.mailLineType(type.label, by: agent.displayName), told: told, now: now)
    }

    /// The controls an operator changed on the ticket's page, as one press.
    public struct Controls: Sendable {
        public var assignee: UserRecord?
        /// "Assegna a: Nessun operatore": back to the queue, "Non assegnato".
        public var unassign = false
        public var status: TicketStatus?
        public var priority: Priority?
        public var area: RequestArea?
        public var requestType: RequestType?

        public init(
            assignee: UserRecord? = nil, unassign: Bool = false, status: TicketStatus? = nil, priority: Priority? = nil,
            area: RequestArea? = nil, requestType: RequestType? = nil
        ) {
            self.assignee = assignee
            self.unassign = unassign
            self.status = status
            self.priority = priority
            self.area = area
            self.requestType = requestType
        }

        public var isEmpty: Bool {
            assignee == nil && !unassign && status == nil && priority == nil && area == nil && requestType == nil
        }

        /// Whether `ticket` shows every one of these controls: a press sent again (a double
        /// click, a retry after a 502) finds the first one's work done, or not.
        public func areShown(by ticket: TicketRecord) -> Bool {
            if let assignee, ticket.operatorID != assignee.id { return false }
            if unassign && ticket.operatorID != nil { return false }
            if let status, ticket.status != status { return false }
            if let priority, ticket.priority != priority { return false }
            if let area, ticket.area != area { return false }
            if let requestType, ticket.requestType != requestType { return false }
            return true
        }
    }

    /// The controls of one press, in the caller's transaction, each on the ticket as the one
    /// before left it.
    func apply(in tx: WriteTransaction, _ controls: Controls, number: Int64, by agent: UserRecord, now: Timestamp) throws {
        // The ticket's facts first: the «assegnato a te» e-mail, written by the assignment,
        // names the priority chosen with it (it named the one before).
        if let priority = controls.priority { try setPriority(in: tx, try ticket(number: number), priority, by: agent, now: now) }
        if let area = controls.area { try setArea(in: tx, try ticket(number: number), area, by: agent, now: now) }
        if let type = controls.requestType { try setRequestType(in: tx, try ticket(number: number), type, by: agent, now: now) }
        if let assignee = controls.assignee {
            try assign(in: tx, try ticket(number: number), to: assignee, by: agent, statusAfter: controls.status, now: now)
        }
        if controls.unassign && controls.status == nil {
            try changeStatus(in: tx, try ticket(number: number), .unassigned, by: agent, now: now)
        }
        if let status = controls.status { try changeStatus(in: tx, try ticket(number: number), status, by: agent, now: now) }
    }

    /// "Assegna a", "Stato", "Priorità", "Area" or "Tipologia" with their own buttons: one
    /// press, one transaction.
    public func apply(_ controls: Controls, to ticket: TicketRecord, by agent: UserRecord, now: Timestamp) throws {
        try change(ticket, by: agent, now: now) { tx in try apply(in: tx, controls, number: ticket.number, by: agent, now: now) }
    }
}
