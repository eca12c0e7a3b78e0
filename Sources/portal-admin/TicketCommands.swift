import PortalCore
import PortalDomain
import PortalStore

/// Operator actions from the command line, for scripts: the same domain code as the desk.
struct TicketReplyCommand: AdminCommand {
    static let words = ["ticket", "reply"]
    static let options: [CommandOption] = [
        ticketNumberOption,
        .required("operator", "EMAIL", help: "the operator who answers (see operator add)"),
        .required("text", "TEXT", help: "the answer, as the requester will read it"),
    ]
    static let abstract = "Adds an operator's answer to a ticket (taking it in charge) and notifies the requester."
    let number: Int64
    let operatorEmail: EmailAddress
    let text: String

    init(options: OptionValues) throws {
        let number = try ticketNumber(options)
        let email = options.required("operator")
        guard let address = EmailAddress(email) else { throw UsageError(message: "'\(email)' is not a valid e-mail address") }
        self.number = number
        operatorEmail = address
        text = options.required("text")
    }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        let agent = try findOperator(operatorEmail, database)
        let desk = DeskService(database: database, config: config)
        _ = try desk.reply(try desk.ticket(number: number), by: agent, body: text, files: [], now: Clock.now())
        print("reply added to ticket #\(number)")
    }
}

struct TicketStatusCommand: AdminCommand {
    static let words = ["ticket", "status"]
    static let options: [CommandOption] = [
        ticketNumberOption,
        .required(
            "status", TicketStatus.allCases.map(\.rawValue).joined(separator: "|"),
            help: "the new status (its Italian label works too)"),
        .optional("operator", "EMAIL", help: "the operator the ticket is assigned to"),
    ]
    static let abstract = "Changes a ticket's status (optionally assigning an operator) and notifies the requester."
    let number: Int64
    let status: TicketStatus
    let operatorEmail: EmailAddress?

    init(options: OptionValues) throws {
        let number = try ticketNumber(options)
        let statusText = options.required("status")
        guard let status = TicketStatus(rawValue: statusText) ?? TicketStatus.allCases.first(where: { $0.label.lowercased() == statusText.lowercased() })
        else { throw UsageError(message: "--status takes \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", "))") }
        self.number = number
        self.status = status
        if let email = options.optional("operator") {
            guard let address = EmailAddress(email) else { throw UsageError(message: "'\(email)' is not a valid e-mail address") }
            operatorEmail = address
        } else {
            operatorEmail = nil
        }
    }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        let agent = try operatorEmail.map { try findOperator($0, database) }
        let desk = DeskService(database: database, config: config)
        let ticket = try desk.ticket(number: number)
        if let agent, ticket.operatorID != agent.id { try desk.assign(ticket, to: agent, by: nil, now: Clock.now()) }
        try desk.setStatus(try desk.ticket(number: number), status, by: nil, now: Clock.now())
        print("ticket #\(number) is now \(status.label)")
    }
}

let ticketNumberOption = CommandOption.required("number", "N", help: "the ticket's number, as 1453 or #1453")

/// `--number 1453` or `--number #1453`.
func ticketNumber(_ options: OptionValues) throws -> Int64 {
    let text = options.required("number")
    guard let number = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text), number > 0 else {
        throw UsageError(message: "--number takes a ticket number such as 1453")
    }
    return number
}

func findOperator(_ email: EmailAddress, _ database: Database) throws -> UserRecord {
    guard let user = try UserStore(database).find(email: email), user.isOperator else {
        throw CommandFailure("\(email) is not an operator (portal-admin operator add)")
    }
    // A deactivated operator neither answers nor takes tickets: the desk sent theirs back to the queue.
    guard user.deactivatedAt == nil else {
        throw CommandFailure("\(email) is deactivated (a Responsabile reactivates it: Operatori, \"Riattiva\")")
    }
    return user
}
