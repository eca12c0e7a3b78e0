import PortalCore
import PortalMarkdown
import PortalStore

/// Replies that arrive by e-mail (`portal-mailgate`, or `portal-mailer` fetching a mailbox):
/// whose reply the address says it is, whether that person may still answer the ticket, and
/// the reply itself through the same services as the pages. Each received message is
/// recorded by its Message-ID in the transaction of its effect: delivered twice, it counts once.
public struct MailReplyService: DomainService {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    /// Why a message was not added; `code` is what the log and `inbound_mail` keep.
    public enum Refusal: Error, Sendable, Equatable {
        case notAReply, forged, notAllowed(NotAllowed), wrongSender, closed(Int64), empty, tooLong, tooLarge(megabytes: Int)
        /// The receiving server did not vouch for the sender (`Config.mailAuthservID`): never
        /// answered, since the address it claims is likely not who sent it.
        case unauthenticated
        case file(String)

        /// Why a known address may not write here, each said as it is (one sentence about
        /// removed users and deactivated companies was untrue for most who got it).
        public enum NotAllowed: Sendable, Equatable {
            /// The desk's shared address, from someone who is not an operator; `hasAccount`:
            /// a customer of the portal, who may still write from there.
            case notAnOperator(hasAccount: Bool)
            case operatorDeactivated
            /// Removed from the ticket's company, or never of it.
            case notAMember
            case companyDeactivated
        }

        public var code: String {
            switch self {
            case .notAReply: "not_a_reply"
            case .forged: "forged"
            case .notAllowed: "not_allowed"
            case .wrongSender: "wrong_sender"
            case .unauthenticated: "unauthenticated"
            case .closed: "closed"
            case .empty: "empty"
            case .tooLong: "too_long"
            case .tooLarge: "too_large"
            case .file: "file"
            }
        }

        /// The ticket the refusal names when it was refused for what the message held (it said
        /// "a nessun ticket", and its link led to the whole list): the number the address
        /// written to carried, nothing the sender did not send; not when the address itself
        /// or the sender was refused.
        func namedTicket(_ number: Int64?) -> Int64? {
            switch self {
            case .closed(let closed): closed
            // A message too large is refused before its ticket is read: it names none.
            case .empty, .tooLong, .file: number
            default: nil
            }
        }

        /// Whether "Puoi sempre scrivere dal portale" would be untrue.
        var leavesThePortal: Bool {
            if case .notAllowed(let why) = self { return why != .notAnOperator(hasAccount: true) }
            return false
        }

        var reason: String {
            switch self {
            case .notAReply: Text.mailRefusedNotAReply
            case .forged: Text.mailRefusedForged
            case .notAllowed(.notAnOperator): Text.mailRefusedNotAnOperator
            case .notAllowed(.operatorDeactivated): Text.mailRefusedOperatorDeactivated
            case .notAllowed(.notAMember): Text.mailRefusedNotAMember
            case .notAllowed(.companyDeactivated): Text.mailRefusedCompanyDeactivated
            case .wrongSender, .unauthenticated: Text.mailRefusedWrongSender
            case .closed: Text.mailRefusedClosed
            case .empty: Text.mailRefusedEmpty
            case .tooLong: Text.mailRefusedTooLong
            case .tooLarge(let megabytes): Text.mailRefusedTooLarge(megabytes: megabytes)
            case .file(let reason): Text.mailRefusedFile(reason)
            }
        }
    }

    /// Who answers which ticket, and as what.
    public struct Target: Sendable {
        public let ticket: TicketRecord
        public let author: UserRecord
        public var isOperator: Bool { author.isOperator }
    }

    public enum Outcome: Sendable, Equatable {
        case reply, note
        /// Seen before (same Message-ID): nothing changed.
        case duplicate
        /// Not added; `answered` when the sender was told why.
        case refused(Refusal, answered: Bool)
        /// Sent by a program: neither added nor answered.
        case ignored
    }

    /// The ticket and person of the message's reply address, if that person may still answer:
    /// an active operator, or a member of the ticket's active company. For the desk's shared
    /// address the operator is whoever sent the message.
    public func resolve(recipients: [String], sender: String?) throws -> Result<Target, Refusal> {
        let from = sender.flatMap(EmailAddress.init)
        guard let addresses = ReplyAddress(config: config), let match = addresses.match(recipients, sender: from) else {
            return .failure(.notAReply)
        }
        guard case .valid(let number, let person) = match else {
            let contactsAddress = try addresses.isContactAddress(recipients) { number in
                try TicketStore(database).find(number: number).flatMap { EmailAddress($0.contactEmail) }
            }
            return .failure(contactsAddress ? .wrongSender : .forged)
        }
        guard let ticket = try TicketStore(database).find(number: number) else { return .failure(.forged) }
        let users = UserStore(database)
        let author: UserRecord?
        if person == ReplyAddress.deskPerson {
            author = try from.flatMap { try users.find(email: $0) }.flatMap { $0.isOperator ? $0 : nil }
        } else {
            guard let owner = try users.find(id: person) else { return .failure(.forged) }
            guard let found = try Self.author(of: ticket, addressedTo: owner, from: from, users, TenantStore(database)) else {
                return .failure(.wrongSender)
            }
            author = found
        }
        guard let author else {
            let account = try from.flatMap { try users.find(email: $0) }
            return .failure(.notAllowed(.notAnOperator(hasAccount: account.map { $0.deactivatedAt == nil } ?? false)))
        }
        if author.deactivatedAt != nil { return .failure(.notAllowed(.operatorDeactivated)) }
        if !author.isOperator {
            guard try TenantStore(database).membership(userID: author.id, tenantID: ticket.tenantID) != nil else {
                return .failure(.notAllowed(.notAMember))
            }
            if try TenantStore(database).isDeactivated(tenantID: ticket.tenantID) { return .failure(.notAllowed(.companyDeactivated)) }
        }
        return .success(Target(ticket: ticket, author: author))
    }

    /// Who wrote a reply sent to `owner`'s address of `ticket`, by the sender's address. The
    /// address is the owner's alone (issue 18: it "cannot be moved to another ticket or
    /// person"): a colleague answering from a forwarded notification was added under their
    /// own name, so anyone of the company holding one e-mail could write on the ticket by it.
    /// Besides the owner, for a customer's address, the ticket's "Email", where its
    /// notifications went (an address that may have an account of its own elsewhere), writes
    /// as the owner. Nil for anyone else: refused as someone else's address.
    static func author(
        of ticket: TicketRecord, addressedTo owner: UserRecord, from: EmailAddress?, _ users: UserStore, _ tenants: TenantStore
    ) throws -> UserRecord? {
        guard let from else { return nil }
        if from == EmailAddress(owner.email) { return owner }
        // Not an operator's address typed as the ticket's "Email": an operator's answer there
        // was saved as the customer's own words, under the requester's name. Nor a colleague
        // the company removed: once the removal could no longer be undone their answers were
        // added again in the requester's name (their account is refused below, told why).
        guard !owner.isOperator, from == EmailAddress(ticket.contactEmail) else { return nil }
        let account = try users.find(email: from)
        if account?.isOperator == true { return nil }
        // The ticket's Email is a colleague's login: their words, under their own name.
        if let account, try tenants.membership(userID: account.id, tenantID: ticket.tenantID) != nil { return account }
        if try !tenants.removedAndNotBack(email: from, tenantID: ticket.tenantID) { return owner }
        // A customer's account that is no longer of the company: refused afterwards as not
        // allowed, which tells a removed colleague why.
        return account
    }

    /// The text as the thread keeps it, or why not: an operator's first line starting with
    /// "#nota" makes an internal note (words after it on that line are the note's first:
    /// "#nota: cliente in ritardo…" went to the customer as a reply); control characters are
    /// dropped; empty or overlong text is refused. An e-mail is plain text: stored escaped,
    /// as a text area's, so that "2*3*4" or "C:\dati\*.xml" read as written.
    /// `hasFiles`: files came with it. Then no text is no refusal: the thread says the files
    /// came by e-mail (the log asked for, sent with an empty answer, was refused as empty and
    /// lost, though every notification says «allegati compresi»).
    public func body(_ text: String, for target: Target, limit: Int, hasFiles: Bool = false) -> Result<(text: String, isNote: Bool), Refusal> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let first = lines.first, first.allSatisfy(MailReplyService.isBeforeMark) { lines.removeFirst() }
        var isNote = false
        if target.isOperator, let first = lines.first, let rest = MailReplyService.noteMark(first) {
            isNote = true
            if rest.isEmpty { lines.removeFirst() } else { lines[0] = rest }
        }
        // Blank lines before the text and whitespace after it go; the first line's own
        // indentation stays, as every other line's (a configuration pasted first lost it).
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        let written = String(
            lines.joined(separator: "\n").unicodeScalars.filter { $0 == "\n" || $0 == "\t" || !($0.value < 0x20 || (0x7f..<0xa0).contains($0.value)) }
        ).trimmingTrailingWhitespace()
        // As the portal's forms: a text of fillers and joiners alone is empty.
        let cleaned = written.hasVisibleCharacters ? written : hasFiles ? Text.mailFilesOnly : ""
        if cleaned.isEmpty { return .failure(.empty) }
        if cleaned.count > limit { return .failure(.tooLong) }
        if !target.isOperator, target.ticket.status.isClosed,
            !TicketRules.canReopen(closedAt: target.ticket.closedAt, now: Clock.now())
        {
            return .failure(.closed(target.ticket.number))
        }
        return .success((Markdown.escapeTyped(cleaned), isNote))
    }

    /// What follows "#nota" on the line, when the line starts with it as a word ("#nota",
    /// "#nota: …", "#Nota interna - …"); nil otherwise ("#notaio" is text).
    static func noteMark(_ line: String) -> String? {
        // Before the mark: spaces, invisible characters (a byte-order mark, a zero-width space,
        // which some clients write first) and the emphasis a client writes around a bolded
        // line («*#nota*», «**#nota**»): each sent a note to the customer as a reply.
        let trimmed = line.drop(while: { isBeforeMark($0) || $0 == "*" || $0 == "_" })
        // "# Nota: …" too (a space after "#"): the slip sent the note to the customer.
        guard trimmed.hasPrefix("#") else { return nil }
        let word = trimmed.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        guard word.lowercased().hasPrefix("nota") else { return nil }
        let after = word.dropFirst("nota".count)
        if let next = after.first, next.isLetter || next.isNumber { return nil }
        let separators: (Character) -> Bool = { ":-–.,;*_".contains($0) || isBeforeMark($0) }
        var rest = after.drop(while: separators)
        if rest.lowercased().hasPrefix("interna"), !(rest.dropFirst(7).first?.isLetter ?? false) {
            rest = rest.dropFirst(7).drop(while: separators)
        }
        return String(rest)
    }

    /// A space or an invisible character (Unicode's format characters: U+FEFF, U+200B…).
    static func isBeforeMark(_ character: Character) -> Bool {
        character.isWhitespace || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .format }
    }

    /// Adds the reply (a customer's, which puts a "Rinviato" ticket back "In attesa" and may
    /// reopen a closed one; an operator's, which the customer receives) or the note, unless
    /// the same message was added before.
    public func add(
        _ target: Target, messageID: String, sender: String, text: String, isNote: Bool, files: [NewAttachment],
        now: Timestamp
    ) throws -> Outcome {
        try database.write { tx in
            let outcome: Outcome = isNote ? .note : .reply
            guard
                try InboundMailStore.record(
                    in: tx, messageID: messageID, sender: sender, ticketNumber: target.ticket.number,
                    outcome: isNote ? "note" : "reply", now: now)
            else { return .duplicate }
            let desk = DeskService(context)
            if !target.isOperator {
                _ = try TicketService(context).customerReply(
                    in: tx, target.ticket, author: target.author, body: text, files: files, close: false,
                    changes: TicketService.PanelChanges(), now: now)
            } else if isNote {
                try desk.note(in: tx, target.ticket, by: target.author, body: text, files: files, now: now)
            } else {
                // As "Rispondi al cliente" with "Stato" left as the page shows it: a closed
                // ticket answered by e-mail (a word of thanks after the customer closed it)
                // stays closed; it went back to the queue with a deadline.
                let current = try desk.ticket(number: target.ticket.number)
                try desk.reply(
                    in: tx, current, by: target.author, body: text, files: files, status: current.status == .closed ? .closed : nil,
                    now: now)
            }
            return outcome
        }
    }

    /// Records a refused message and, unless it came from a program or the sender had an
    /// answer in the last hour, tells the sender why in one short e-mail.
    public func refuse(
        _ refusal: Refusal, messageID: String, sender: String?, ticketNumber: Int64?, automatic: Bool,
        now: Timestamp
    ) throws -> Outcome {
        try database.write { tx in
            guard
                try InboundMailStore.record(
                    in: tx, messageID: messageID, sender: sender ?? "", ticketNumber: ticketNumber, outcome: refusal.code,
                    now: now)
            else { return .duplicate }
            guard !automatic, let address = sender.flatMap(EmailAddress.init), !config.isPortalsOwn(address),
                try InboundMailStore.mayAnswer(in: tx, sender: address.value, now: now)
            else { return .refused(refusal, answered: false) }
            // Where the sender writes instead: the desk for an operator (the customers' list is
            // a 404 there), a new request for a message that answers no ticket or a ticket
            // closed too long ago; nowhere for an address without an account.
            let account = try UserStore(database).find(email: address)
            let page: String? =
                if account == nil || refusal.leavesThePortal {
                    nil
                } else if account?.isOperator == true {
                    // Through the login: the desk's addresses are 404 to a browser without a
                    // session. The ticket the refusal names, when it names one (it named the
                    // ticket and linked the queue).
                    "/login?next=%2Fdesk%2F" + (refusal.namedTicket(ticketNumber).map { "ticket%2F\($0)" } ?? "")
                } else if case .closed(let number) = refusal {
                    "/ticket/nuovo?riferimento=\(number)"
                } else if let number = refusal.namedTicket(ticketNumber) {
                    "/ticket/\(number)"
                } else {
                    refusal == .notAReply ? "/ticket/nuovo" : "/ticket"
                }
            try OutboxStore.enqueue(
                in: tx, to: [address], subject: Text.mailRefusedSubject,
                body: Text.mailRefusedBody(
                    reason: refusal.reason, ticket: refusal.namedTicket(ticketNumber), portal: page.map { config.publicURL + $0 }),
                now: now)
            return .refused(refusal, answered: true)
        }
    }

    /// A message that came from a program (an out-of-office answer, a bounce): recorded,
    /// never added nor answered.
    public func ignore(messageID: String, sender: String?, now: Timestamp) throws -> Outcome {
        try database.write { tx in
            guard
                try InboundMailStore.record(
                    in: tx, messageID: messageID, sender: sender ?? "", ticketNumber: nil, outcome: "automatic", now: now)
            else { return .duplicate }
            return .ignored
        }
    }
}
