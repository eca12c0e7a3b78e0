import PortalCore
import PortalDomain
import PortalMarkdown
import PortalStore

/// `ticket list`: the operators' queue for scripts, with the desk's filters and order.
struct TicketListCommand: AdminCommand {
    static let words = ["ticket", "list"]
    static let options: [CommandOption] = [
        .optional("status", "aperti|qualsiasi|" + TicketStatus.allCases.map(\.rawValue).joined(separator: "|"),
                  help: Text.Console.listStatusHelp),
        .optional("company", "TESTO", help: Text.Console.listCompanyHelp),
        .optional("search", "PAROLE", help: Text.Console.listSearchHelp),
        .optional("page", "N", help: Text.Console.listPageHelp),
    ]
    static let abstract = Text.Console.listAbstract
    let query: DeskQuery

    init(options: OptionValues) throws {
        // The page's own fields, so that the command and "Coda ticket" read values alike; a
        // refusal names the option typed and what it takes.
        let names = [("status", "stato"), ("company", "azienda"), ("search", "cerca"), ("page", "pagina")]
        var fields: [(name: String, value: String)] = []
        for (option, field) in names {
            guard var value = options.optional(option) else { continue }
            // A status by its label too («Rinviato»), as `ticket status` takes it.
            if option == "status", let status = TicketStatus.allCases.first(where: { $0.label.lowercased() == value.lowercased() }) {
                value = status.rawValue
            }
            fields.append((field, value))
        }
        if let page = options.optional("page"), (Int(page) ?? 0) < 1 {
            throw UsageError(message: Text.Console.pageTakes(page))
        }
        var invalid: [String] = []
        query = DeskQuery(fields: fields, invalid: &invalid)
        guard invalid.isEmpty else {
            let takes = [
                "status": Text.Console.listStatusTakes(
                    ["aperti", "qualsiasi"] + TicketStatus.allCases.map(\.rawValue) + TicketStatus.allCases.map { "«\($0.label)»" }),
                "company": Text.Console.listCompanyTakes, "search": Text.Console.listSearchTakes, "page": Text.Console.listPageTakes,
            ]
            let refused = names.filter { invalid.contains($0.1) }.map { "--\($0.0) \(takes[$0.0] ?? "")" }
            throw UsageError(message: Text.Console.unreadable(refused))
        }
    }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        let page = try DeskStore(database).queue(query, operatorID: 0)
        for ticket in page.rows {
            let fields = [
                "#\(ticket.number)", ticket.status.label, ticket.priority.label, ticket.tenantName,
                ticket.operatorName.flatMap { $0.isEmpty ? nil : $0 } ?? Text.noOperator, ticket.title,
            ]
            print(fields.joined(separator: "\t"))
        }
        print(Text.Console.listed(page.rows.count, of: page.total))
    }
}

/// `ticket show`: one ticket with its whole conversation, internal notes marked.
struct TicketShowCommand: AdminCommand {
    static let words = ["ticket", "show"]
    static let options: [CommandOption] = [ticketNumberOption]
    static let abstract = Text.Console.showAbstract
    let number: Int64

    init(options: OptionValues) throws { number = try ticketNumber(options) }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        let ticket = try DeskService(database: database, config: config).ticket(number: number)
        print("#\(ticket.number) \(ticket.title)")
        print("\(Text.deskCompany): \(ticket.tenantName)")
        print("\(Text.requester): \(ticket.requesterName)")
        // The ticket's own address, which may be someone else's than the requester's account.
        if !ticket.contactEmail.isEmpty { print("\(Text.email): \(ticket.contactEmail)") }
        print("\(Text.deskState): \(ticket.status.label) · \(Text.priority): \(ticket.priority.label)")
        print("\(Text.deskOperator): \(ticket.operatorName.flatMap { $0.isEmpty ? nil : $0 } ?? Text.noOperator)")
        for message in try TicketStore(database).messagesWithNotes(ticketID: ticket.id) {
            let mark = message.kind == .note ? " [\(Text.deskInternalNoteBadge)]" : message.kind == .event ? " ·" : ""
            print("\n\(Clock.display(message.createdAt)) \(message.authorName)\(mark)")
            // As the e-mails give it: the stored text is Markdown, escapes included.
            print(MessageText.plain(message.body))
        }
    }
}

/// `ticket assign`: gives a ticket to an operator, as "Assegna a" does.
struct TicketAssignCommand: AdminCommand {
    static let words = ["ticket", "assign"]
    static let options: [CommandOption] = [
        ticketNumberOption,
        .required("operator", "EMAIL", help: Text.Console.assignOperatorHelp),
    ]
    static let abstract = Text.Console.assignAbstract
    let number: Int64
    let operatorEmail: EmailAddress

    init(options: OptionValues) throws {
        number = try ticketNumber(options)
        let email = options.required("operator")
        guard let address = EmailAddress(email) else { throw UsageError(message: Text.Console.invalidEmail(email)) }
        operatorEmail = address
    }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        let agent = try findOperator(operatorEmail, database)
        let desk = DeskService(database: database, config: config)
        // The command line assigns: the thread, the log and the assignee's e-mail say so
        // (by the assignee, it read as if they had taken it themselves, with no e-mail).
        try desk.assign(try desk.ticket(number: number), to: agent, by: nil, now: Clock.now())
        print(Text.Console.assigned(number, to: agent.displayName))
    }
}
