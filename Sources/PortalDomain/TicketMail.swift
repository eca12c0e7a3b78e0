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
        // The ticket's own address hears what its requester hears: not of their own actions,
        // and nothing once it is the account of someone the company removed (their e-mailed
        // replies are refused too; the e-mails carried the replies' text), nor once the
        // requester who typed it was removed (their private address went on getting the
        // company's news, with an invitation to answer that the gate then refused).
        let requesterStays = members.contains { $0.userID == ticket.requesterID }
        if requesterStays && choice(ticket.requesterID) != .none && (author == nil || author != ticket.requesterID),
            let contact = EmailAddress(ticket.contactEmail), try !isFormerMember(contact, ticket, members, database)
        {
            add(contact)
        }
        return addresses
    }

    /// Whether the address is the account of the ticket's requester or of someone removed
    /// from the company, who is not a member now. Anyone else's address (an outside contact)
    /// is the ticket's to keep.
    private func isFormerMember(
        _ address: EmailAddress, _ ticket: TicketRecord, _ members: [TenantStore.MemberRow], _ database: Database
    ) throws -> Bool {
        if try TenantStore(database).removedAndNotBack(email: address, tenantID: ticket.tenantID) { return true }
        guard let user = try UserStore(database).find(email: address), !members.contains(where: { $0.userID == user.id }) else {
            return false
        }
        return try user.id == ticket.requesterID || TenantStore(database).wasRemoved(userID: user.id, tenantID: ticket.tenantID)
    }

    /// Whoever has the ticket, or the support address when nobody does (or a deactivated
    /// operator, whose mailbox nobody reads for the desk any more).
    func deskAddresses(_ ticket: TicketRecord) -> [EmailAddress] {
        if ticket.hasActiveOperator, let email = ticket.operatorEmail.flatMap(EmailAddress.init) { return [email] }
        return config.supportAddress.map { [$0] } ?? []
    }

    /// "Ricevuto": to the requester's account and the address typed on the ticket, always.
    /// `openedBy`: the operator who wrote it for the customer (on the phone), named in it: the
    /// customer learnt of a request they had not typed.
    func received(in tx: WriteTransaction, _ ticket: TicketRecord, openedBy: String? = nil, now: Timestamp) throws {
        let line = openedBy.map { Text.mailLineCreatedByDesk($0) } ?? Text.mailLineCreated
        // The typed address is not the person it was opened for ("a tuo nome" told them it was).
        let contactLine = openedBy.map { Text.mailLineCreatedByDeskForContact($0, requester: ticket.requesterName) }
        // Not a colleague the company removed, typed as the ticket's «Email» (as for its replies).
        let tenants = TenantStore(tx.database)
        let recipients = try ticket.requesterAddresses.filter { address in
            if address.value == ticket.requesterEmail { return true }
            return try !tenants.removedAndNotBack(email: address, tenantID: ticket.tenantID)
        }
        try send(
            in: tx, to: recipients, ticket, event: Text.mailEventCreated, line: line, contactLine: contactLine,
            now: now)
    }

    /// A status change (closing included), to those who chose to hear of them.
    /// `told`: addresses that already read the change in a reply sent with it.
    func statusChanged(
        in tx: WriteTransaction, _ ticket: TicketRecord, event: String, line: String, except author: Int64? = nil,
        told: [EmailAddress] = [], now: Timestamp
    ) throws {
        let recipients = try customerAddresses(ticket, kind: .statusChanges, except: author, tx.database).filter { !told.contains($0) }
        guard !recipients.isEmpty else { return }
        try send(in: tx, to: recipients, ticket, event: event, line: line, now: now)
    }

    /// `contactLine`: the line for the ticket's typed address, when it must differ from the
    /// requester's.
    func send(
        in tx: WriteTransaction, to recipients: [EmailAddress], _ ticket: TicketRecord, event: String, line: String,
        contactLine: String? = nil, now: Timestamp
    ) throws {
        func body(toContact: Bool) -> String {
            Text.ticketMailBody(
                number: ticket.number, title: ticket.title, company: ticket.tenantName,
                line: toContact ? contactLine ?? line : line, link: customerLink(ticket),
                toContact: toContact, requester: ticket.requesterName)
        }
        try enqueue(
            in: tx, ticket, to: recipients, audience: .customer, subject: Text.ticketMailSubject(ticket.number, event, ticket.title),
            body: body(toContact: false), contactBody: body(toContact: true), now: now)
    }

    /// An operator's reply, with its text, to those who chose to hear of replies.
    /// The operator's reply; `statusLine`: the status it changed, told in the same e-mail
    /// rather than in a second one. Returns who it went to.
    @discardableResult
    func replyToCustomer(
        in tx: WriteTransaction, _ ticket: TicketRecord, author: String, text: String, statusLine: String? = nil,
        files: [String] = [], answerable: Bool = true, now: Timestamp
    ) throws -> [EmailAddress] {
        let recipients = try customerAddresses(ticket, kind: .replies, tx.database)
        let plain = MessageText.plain(text)
        func body(toContact: Bool, toRequester: Bool = false) -> String {
            Text.customerReplyMailBody(
                number: ticket.number, title: ticket.title, company: ticket.tenantName, author: author, text: plain,
                status: statusLine, files: files, link: customerLink(ticket), toContact: toContact, toRequester: toRequester,
                requester: ticket.requesterName, answerable: answerable)
        }
        try enqueue(
            in: tx, ticket, to: recipients, audience: .customer,
            subject: Text.ticketMailSubject(ticket.number, Text.mailEventReply, ticket.title),
            body: body(toContact: false), contactBody: body(toContact: true), requesterBody: body(toContact: false, toRequester: true),
            now: now)
        return recipients
    }

    /// A new ticket, to the support address.
    /// With the description as text: the e-mail invites the desk to answer by e-mail, which an
    /// operator away from the desk could not do without reading the request.
    /// `openedBy`: the operator who opened it for the customer (and has it): a colleague reading
    /// the support mailbox took it for a new request to answer.
    func newTicketToDesk(
        in tx: WriteTransaction, _ ticket: TicketRecord, vat: String, text: String, files: [String], openedBy: String? = nil,
        now: Timestamp
    ) throws {
        guard let support = config.supportAddress else { return }
        let opened = openedBy.map { [(Text.mailOpenedByLabel, Text.mailOpenedByDesk($0))] } ?? []
        try enqueue(
            in: tx, ticket, to: [support], audience: .desk,
            subject: Text.ticketMailSubject(ticket.number, Text.mailEventNewTicket, ticket.title),
            body: Text.deskNewTicketMailBody(
                number: ticket.number, title: ticket.title, company: ticket.tenantName, vat: vat,
                priority: ticket.priority.label, requester: ticket.requesterName,
                facts: opened + [(Text.email, ticket.contactEmail)] + (ticket.phone.isEmpty ? [] : [(Text.phone, ticket.phone)]) + [
                    (Text.contactPreference, ticket.contactPreference.label), (Text.requestType, ticket.requestType.label),
                    (Text.deskArea, ticket.area.shortLabel),
                ],
                text: MessageText.plain(text), details: ticket.technicalDetails, files: files, link: deskLink(ticket)),
            now: now)
    }

    /// What a customer's message did, told as such: to whoever has the ticket a reply, a
    /// closing, a reopening or a message on a ticket that stays closed, with its text; to the
    /// customer's side, a closing as a status change.
    /// `newStatus`: the status the message gave the ticket, when it changed one ("Rinviato"
    /// back to "In attesa", a reopening): the colleagues who follow it hear of it as of any
    /// status change (their last e-mail said "closed" or "Rinviato").
    /// `files` and `changes`: the names of the files sent with it and the panel's changes made
    /// with it (an operator learnt of a raised priority or a log file only in the portal).
    func customerReplied(
        in tx: WriteTransaction, _ ticket: TicketRecord, outcome: TicketService.ReplyOutcome, newStatus: TicketStatus? = nil,
        text: String, files: [String] = [], changes: [String] = [], author: UserRecord, now: Timestamp
    ) throws {
        let (event, line) = switch outcome {
        case .replied: (Text.mailEventCustomerReply, Text.deskLineCustomerReply)
        case .closed: (Text.mailEventClosedByCustomer, Text.deskLineCustomerClosed)
        case .reopened: (Text.mailEventReopened, Text.deskLineCustomerReopened)
        case .keptClosed: (Text.mailEventCustomerReply, Text.deskLineCustomerKeptClosed)
        }
        try enqueue(
            in: tx, ticket, to: deskAddresses(ticket), audience: .desk,
            subject: Text.ticketMailSubject(ticket.number, event, ticket.title),
            body: Text.deskCustomerMailBody(
                number: ticket.number, title: ticket.title, company: ticket.tenantName, author: author.displayName,
                line: line, text: MessageText.plain(text),
                notes: (files.isEmpty ? [] : [Text.mailFilesOnPortal(files)]) + (changes.isEmpty ? [] : [Text.deskMailChanges(changes)]),
                link: deskLink(ticket)),
            now: now)
        if outcome == .closed {
            // To the requester's addresses even when the requester closed it, as issue 5 lists
            // the closing among their e-mails: the confirmation a creation has too, and the
            // ticket's «Email» (a shared mailbox) learns it is closed.
            try statusChanged(
                in: tx, ticket, event: Text.mailEventClosed, line: Text.customerClosedMailLine(author.displayName), now: now)
        } else if let newStatus {
            let reopened = outcome == .reopened
            let change = reopened
                ? Text.customerReopenedMailLine(author.displayName, status: newStatus.label)
                : Text.customerAnsweredMailLine(author.displayName, status: newStatus.label)
            // With the message that changed it: "riaperto" alone sent the requester and the
            // referent to the portal to learn why (issue 14: the reply's text in the e-mail).
            try statusChanged(
                in: tx, ticket, event: reopened ? Text.mailEventReopened : Text.mailEventStatus,
                line: change + "\n\n" + Text.mailCustomerMessage(author.displayName, text: MessageText.plain(text)),
                except: author.id, now: now)
        }
    }

    /// "Conferma" on the customer's panel alone: whoever has the ticket hears of a changed
    /// priority or referent at once (a "Bassa" raised to "Alta" waited for the next look).
    func customerChanged(in tx: WriteTransaction, _ ticket: TicketRecord, lines: [String], author: UserRecord, now: Timestamp)
        throws
    {
        try enqueue(
            in: tx, ticket, to: deskAddresses(ticket), audience: .desk,
            subject: Text.ticketMailSubject(ticket.number, Text.mailEventCustomerChange, ticket.title),
            body: Text.deskPanelMailBody(
                number: ticket.number, title: ticket.title, company: ticket.tenantName, author: author.displayName,
                lines: lines, link: deskLink(ticket)),
            now: now)
    }

    /// The colleague a customer made "Referente ticket" hears it, unless their "Notifiche" say
    /// no e-mail at all: the ticket's e-mails that start reaching them otherwise come unexplained.
    func referentChosen(in tx: WriteTransaction, _ ticket: TicketRecord, referent: UserRecord, by author: UserRecord, now: Timestamp)
        throws
    {
        guard referent.id != author.id, let address = EmailAddress(referent.email) else { return }
        // The kinds of e-mail their "Notifiche" let through for a ticket of theirs: those the
        // e-mail names, none of them no e-mail.
        let heard = try NotificationKind.allCases.filter { kind in
            let choices = try PreferenceStore(tx.database).values(kind.preferenceName, tenantID: ticket.tenantID)
            return (choices[referent.id].flatMap(NotificationChoice.init) ?? .mine).includes(involved: true)
        }
        guard !heard.isEmpty else { return }
        try enqueue(
            in: tx, ticket, to: [address], audience: .customer,
            subject: Text.ticketMailSubject(ticket.number, Text.mailEventReferent, ticket.title),
            body: Text.referentMailBody(
                number: ticket.number, title: ticket.title, company: ticket.tenantName, author: author.displayName,
                replies: heard.contains(.replies), statusChanges: heard.contains(.statusChanges), link: customerLink(ticket)),
            now: now)
    }

    /// A colleague gave the ticket to `assignee`: they hear it at once, not at their next look
    /// at the queue.
    /// `by`: who assigned it, as the e-mail names them.
    func assigned(in tx: WriteTransaction, _ ticket: TicketRecord, to assignee: UserRecord, by agent: String, now: Timestamp)
        throws
    {
        guard let address = EmailAddress(assignee.email) else { return }
        try enqueue(
            in: tx, ticket, to: [address], audience: .desk,
            subject: Text.ticketMailSubject(ticket.number, Text.mailEventAssigned, ticket.title),
            body: Text.deskAssignedMailBody(
                number: ticket.number, title: ticket.title, company: ticket.tenantName, by: agent,
                priority: ticket.priority.label, link: deskLink(ticket)),
            now: now)
    }

    /// The operator who had the ticket hears that a colleague has it now: a ticket left their
    /// "Me" without a word, and their next answer met a ticket no longer theirs.
    /// `by`: who gave it, when not the new holder taking it.
    func handedOver(
        in tx: WriteTransaction, _ ticket: TicketRecord, from previous: UserRecord, to holder: String?, by agent: String?,
        now: Timestamp
    ) throws {
        guard let address = EmailAddress(previous.email) else { return }
        try enqueue(
            in: tx, ticket, to: [address], audience: .desk,
            subject: Text.ticketMailSubject(ticket.number, holder == nil ? Text.mailEventBackToQueue : Text.mailEventHandedOver, ticket.title),
            body: Text.deskHandedOverMailBody(
                number: ticket.number, title: ticket.title, company: ticket.tenantName, holder: holder, by: agent,
                link: deskLink(ticket)),
            invitesReply: false, now: now)
    }

    enum Audience { case customer, desk }

    /// One message per recipient, each with its own reply address (when answering by e-mail
    /// is configured) and all in the ticket's thread. None to the people of a deactivated
    /// company: they can neither enter the portal nor answer by e-mail, which every one of
    /// these messages invites them to do (the desk still works the ticket).
    /// `contactBody`: the customer's e-mail as the ticket's contact address reads it when it is
    /// nobody's account in the company (no link to a portal they cannot enter).
    /// `requesterBody`: the same e-mail as the ticket's requester reads it ("la tua richiesta").
    /// `invitesReply`: false for a message an answer to which must not reach the customer (a
    /// hand-over's "ok, grazie" would have gone to them as the desk's reply).
    func enqueue(
        in tx: WriteTransaction, _ ticket: TicketRecord, to recipients: [EmailAddress], audience: Audience, subject: String,
        body: String, contactBody: String? = nil, requesterBody: String? = nil, invitesReply: Bool = true, now: Timestamp
    ) throws {
        if audience == .customer, try TenantStore(tx.database).isDeactivated(tenantID: ticket.tenantID) { return }
        // A ticket closed past its reopening answers no e-mail (the gate refuses it): none invited.
        let closedForGood = audience == .customer && ticket.status == .closed
            && !TicketRules.canReopen(closedAt: ticket.closedAt, now: now)
        let replies = closedForGood || !invitesReply ? nil : ReplyAddress(config: config)
        let contact = EmailAddress(ticket.contactEmail)
        for recipient in recipients {
            let member = try member(recipient, audience, ticket, tx.database)
            // The ticket's "Email" that is no member's account: an address of its own, valid
            // only from that address (it held the requester's, which anyone could use).
            let replyTo = replies.flatMap { replies in
                person(member, audience, ticket).map {
                    replies.address(ticket: ticket.number, person: $0, contact: member == nil && audience == .customer ? recipient : nil)
                }
            }
            let hint = audience == .customer ? Text.mailReplyHintCustomer : Text.mailReplyHintDesk
            // The ticket's typed address reads why it hears of it, a colleague's own account too:
            // "Abbiamo ricevuto la tua richiesta" told them a colleague's request was theirs.
            let asContact = member == nil || (member != ticket.requesterID && recipient == contact)
            let text = audience != .customer ? body
                : asContact ? contactBody ?? body
                : member == ticket.requesterID ? requesterBody ?? body : body
            try OutboxStore.enqueue(
                in: tx, to: [recipient], subject: subject, body: replyTo == nil ? text : TicketMail.adding(hint, to: text), now: now,
                replyTo: replyTo, thread: TicketMail.thread(ticket.number))
        }
    }

    static func thread(_ number: Int64) -> String { "ticket-\(number)" }

    /// The hint on answering by e-mail, above the signature (it came after it).
    static func adding(_ hint: String, to body: String) -> String {
        guard body.hasSuffix(Text.mailSignature) else { return body + "\n\n" + hint }
        return body.dropLast(Text.mailSignature.count) + hint + "\n\n" + Text.mailSignature
    }

    /// The recipient's own account on the side the e-mail is for: a member of the ticket's
    /// company for a customer's e-mail, an operator for the desk's; nil for anyone else.
    func member(_ recipient: EmailAddress, _ audience: Audience, _ ticket: TicketRecord, _ database: Database) throws -> Int64? {
        guard let user = try UserStore(database).find(email: recipient) else { return nil }
        switch audience {
        case .customer:
            guard !user.isOperator, try TenantStore(database).membership(userID: user.id, tenantID: ticket.tenantID) != nil else {
                return nil
            }
            return user.id
        case .desk:
            return user.isOperator ? user.id : nil
        }
    }

    /// Whose reply the recipient's answer will be: a member of the company by their own
    /// account, the requester for the contact address typed on the ticket; an operator by
    /// their account, anyone at the support address as the desk (`ReplyAddress.deskPerson`).
    func person(_ member: Int64?, _ audience: Audience, _ ticket: TicketRecord) -> Int64? {
        if let member { return member }
        switch audience {
        case .customer: return ticket.requesterID
        case .desk: return ReplyAddress.deskPerson
        }
    }
}
