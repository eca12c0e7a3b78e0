import PortalCore
import PortalMarkdown
import PortalStore

/// The e-mails about tickets, written to the outbox inside the transaction of their cause.
/// Each carries the ticket's title, what happened (a reply's text as plain text, never its
/// Markdown) and a link. Links in a customer's e-mail open the customer pages; links in an
/// operator's e-mail (or the support address's) open the desk. An internal note is never in
/// any of them.
struct TicketMail {
    let config: Config

    func customerLink(_ ticket: TicketRecord) -> String { config.publicURL + "/ticket/\(ticket.number)" }
    /// Through the login page: the desk answers 404 to anyone without an operator's session,
    /// and the login sends a signed-in operator straight on.
    func deskLink(_ ticket: TicketRecord) -> String {
        config.publicURL + "/login?next=" + PercentEncoding.encode("/desk/ticket/\(ticket.number)")
    }

    /// Who hears of a reply or a status change, by each user's "Notifiche": the requester
    /// and the "Referente ticket" unless they chose none, every colleague who chose the
    /// company's tickets, and the address typed on the ticket as its requester chose.
    /// `except` is the author of the change, who knows already.
    func customerAddresses(
        _ ticket: TicketRecord, kind: NotificationKind, except author: Int64? = nil, _ database: Database
    ) throws -> [EmailAddress] {
        let choices = try PreferenceStore(database).values(kind.preferenceName, tenantID: ticket.tenantID)
        func choice(_ user: Int64?) -> NotificationChoice {
            user.flatMap { choices[$0] }.flatMap(NotificationChoice.init) ?? .mine
        }
        let members = try TenantStore(database).memberRows(tenantID: ticket.tenantID)
        let authorAddress = members.first { $0.userID == author }.flatMap { EmailAddress($0.email) }
        var addresses: [EmailAddress] = []
        func add(_ address: EmailAddress?) {
            if let address, address != authorAddress, !addresses.contains(address) { addresses.append(address) }
        }
        for member in members {
            let involved = member.userID == ticket.requesterID || member.userID == ticket.referentID
            if choice(member.userID).includes(involved: involved) { add(EmailAddress(member.email)) }
        }
        if choice(ticket.requesterID) != .none { add(EmailAddress(ticket.contactEmail)) }
        return addresses
    }

    /// Whoever has the ticket, or the support address when nobody does.
    func deskAddresses(_ ticket: TicketRecord) -> [EmailAddress] {
        if let email = ticket.operatorEmail.flatMap(EmailAddress.init) { return [email] }
        return config.supportAddress.map { [$0] } ?? []
    }

    /// "Ricevuto": to the requester's account and the address typed on the ticket, always.
    func received(in tx: WriteTransaction, _ ticket: TicketRecord, now: Timestamp) throws {
        try send(in: tx, to: ticket.requesterAddresses, ticket, event: Text.mailEventCreated, line: Text.mailLineCreated, now: now)
    }

    /// A status change (closing included), to those who chose to hear of them.
    func statusChanged(
        in tx: WriteTransaction, _ ticket: TicketRecord, event: String, line: String, except author: Int64? = nil,
        now: Timestamp
    ) throws {
        let recipients = try customerAddresses(ticket, kind: .statusChanges, except: author, tx.database)
        try send(in: tx, to: recipients, ticket, event: event, line: line, now: now)
    }

    func send(
        in tx: WriteTransaction, to recipients: [EmailAddress], _ ticket: TicketRecord, event: String, line: String,
        now: Timestamp
    ) throws {
        guard !recipients.isEmpty else { return }
        try OutboxStore.enqueue(
            in: tx, to: recipients, subject: Text.ticketMailSubject(ticket.number, event, ticket.title),
            body: Text.ticketMailBody(number: ticket.number, title: ticket.title, line: line, link: customerLink(ticket)),
            now: now)
    }

    /// An operator's reply, with its text, to those who chose to hear of replies.
    func replyToCustomer(in tx: WriteTransaction, _ ticket: TicketRecord, author: String, text: String, now: Timestamp) throws {
        let recipients = try customerAddresses(ticket, kind: .replies, tx.database)
        guard !recipients.isEmpty else { return }
        try OutboxStore.enqueue(
            in: tx, to: recipients, subject: Text.ticketMailSubject(ticket.number, Text.mailEventReply, ticket.title),
            body: Text.customerReplyMailBody(
                number: ticket.number, title: ticket.title, author: author, text: MessageText.plain(text),
                link: customerLink(ticket)),
            now: now)
    }

    /// A new ticket, to the support address.
    func newTicketToDesk(in tx: WriteTransaction, _ ticket: TicketRecord, vat: String, now: Timestamp) throws {
        guard let support = config.supportAddress else { return }
        try OutboxStore.enqueue(
            in: tx, to: [support], subject: Text.ticketMailSubject(ticket.number, Text.mailEventNewTicket, ticket.title),
            body: Text.deskNewTicketMailBody(
                number: ticket.number, title: ticket.title, company: ticket.tenantName, vat: vat,
                priority: ticket.priority.label, requester: ticket.requesterName, link: deskLink(ticket)),
            now: now)
    }

    /// What a customer's message did, told as such: to whoever has the ticket a reply, a
    /// closing, a reopening or a message on a ticket that stays closed, with its text; to the
    /// customer's side, a closing as a status change.
    func customerReplied(
        in tx: WriteTransaction, _ ticket: TicketRecord, outcome: TicketService.ReplyOutcome, text: String,
        author: UserRecord, now: Timestamp
    ) throws {
        let (event, line) = switch outcome {
        case .replied: (Text.mailEventCustomerReply, Text.deskLineCustomerReply)
        case .closed: (Text.mailEventClosedByCustomer, Text.deskLineCustomerClosed)
        case .reopened: (Text.mailEventReopened, Text.deskLineCustomerReopened)
        case .keptClosed: (Text.mailEventCustomerReply, Text.deskLineCustomerKeptClosed)
        }
        let recipients = deskAddresses(ticket)
        if !recipients.isEmpty {
            try OutboxStore.enqueue(
                in: tx, to: recipients, subject: Text.ticketMailSubject(ticket.number, event, ticket.title),
                body: Text.deskCustomerMailBody(
                    number: ticket.number, title: ticket.title, company: ticket.tenantName, author: author.displayName,
                    line: line, text: MessageText.plain(text), link: deskLink(ticket)),
                now: now)
        }
        if outcome == .closed {
            try statusChanged(
                in: tx, ticket, event: Text.mailEventClosed, line: Text.customerClosedMailLine(author.displayName) + " "
                    + Text.mailLineClosed, except: author.id, now: now)
        }
    }
}
