import PortalCore
import PortalStore

/// The e-mails about tickets, written to the outbox inside the transaction of their cause.
/// Links in a customer's e-mail open the customer pages; links in an operator's e-mail (or
/// the support address's) open the desk. An internal note is never in any of them.
struct TicketMail {
    let config: Config

    func customerLink(_ ticket: TicketRecord) -> String { config.publicURL + "/ticket/\(ticket.number)" }
    /// Through the login page: the desk answers 404 to anyone without an operator's session,
    /// and the login sends a signed-in operator straight on.
    func deskLink(_ ticket: TicketRecord) -> String {
        config.publicURL + "/login?next=" + PercentEncoding.encode("/desk/ticket/\(ticket.number)")
    }

    /// The requester's account, the address typed on the ticket and the referent.
    func customerAddresses(_ ticket: TicketRecord, _ database: Database) throws -> [EmailAddress] {
        var addresses = ticket.requesterAddresses
        if let referent = ticket.referentID,
            let email = try UserStore(database).find(id: referent).flatMap({ EmailAddress($0.email) }),
            !addresses.contains(email)
        {
            addresses.append(email)
        }
        return addresses
    }

    /// Whoever has the ticket, or the support address when nobody does.
    func deskAddresses(_ ticket: TicketRecord) -> [EmailAddress] {
        if let email = ticket.operatorEmail.flatMap(EmailAddress.init) { return [email] }
        return config.supportAddress.map { [$0] } ?? []
    }

    /// A short notice to the customer (received, status, closed), with the link.
    func toCustomer(in tx: WriteTransaction, _ ticket: TicketRecord, event: String, line: String, now: Timestamp) throws {
        let recipients = try customerAddresses(ticket, tx.database)
        guard !recipients.isEmpty else { return }
        try OutboxStore.enqueue(
            in: tx, to: recipients, subject: Text.ticketMailSubject(ticket.number, event, ticket.title),
            body: Text.ticketMailBody(number: ticket.number, title: ticket.title, line: line, link: customerLink(ticket)),
            now: now)
    }

    /// An operator's reply, with its text, to the customer.
    func replyToCustomer(in tx: WriteTransaction, _ ticket: TicketRecord, author: String, text: String, now: Timestamp) throws {
        let recipients = try customerAddresses(ticket, tx.database)
        guard !recipients.isEmpty else { return }
        try OutboxStore.enqueue(
            in: tx, to: recipients, subject: Text.ticketMailSubject(ticket.number, Text.mailEventReply, ticket.title),
            body: Text.customerReplyMailBody(
                number: ticket.number, title: ticket.title, author: author, text: text, link: customerLink(ticket)),
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

    /// A customer's reply (or closing), with its text, to whoever has the ticket.
    func customerReplyToDesk(
        in tx: WriteTransaction, _ ticket: TicketRecord, event: String, text: String, now: Timestamp
    ) throws {
        let recipients = deskAddresses(ticket)
        guard !recipients.isEmpty else { return }
        try OutboxStore.enqueue(
            in: tx, to: recipients, subject: Text.ticketMailSubject(ticket.number, event, ticket.title),
            body: Text.deskCustomerReplyMailBody(
                number: ticket.number, title: ticket.title, company: ticket.tenantName, text: text, link: deskLink(ticket)),
            now: now)
    }
}
