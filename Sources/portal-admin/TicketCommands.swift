import PortalCore
import PortalDomain
import PortalStore

/// Operator actions from the command line, for scripts: the same domain code as the desk.
struct TicketReplyCommand: AdminCommand {
    static let words = ["ticket", "reply"]
    static let options: [CommandOption] = [
        ticketNumberOption,
        .required("operator", "EMAIL", help: Text.Console.replyOperatorHelp),
        .required("text", "TESTO", help: Text.Console.replyTextHelp),
    ]
    static let abstract = Text.Console.replyAbstract
    let number: Int64
    let operatorEmail: EmailAddress
    let text: String

    init(options: OptionValues) throws {
        let number = try ticketNumber(options)
        let email = options.required("operator")
        guard let address = EmailAddress(email) else { throw UsageError(message: Text.Console.invalidEmail(email)) }
        self.number = number
        operatorEmail = address
        text = options.required("text")
    }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        let agent = try findOperator(operatorEmail, database)
        let desk = DeskService(database: database, config: config)
        // A closed ticket stays closed, as under an answer by e-mail or the desk's "Stato" left
        // at "Chiuso"; `ticket status` reopens it.
        _ = try desk.reply(try desk.ticket(number: number), by: agent, body: text, files: [], keepsClosed: true, now: Clock.now())
        print(Text.Console.replied(number))
    }
}

struct TicketStatusCommand: AdminCommand {
    static let words = ["ticket", "status"]
    static let options: [CommandOption] = [
        ticketNumberOption,
        .required(
            "status", TicketStatus.allCases.map(\.rawValue).joined(separator: "|"),
            help: Text.Console.statusHelp),
        .optional("operator", "EMAIL", help: Text.Console.statusOperatorHelp),
    ]
    static let abstract = Text.Console.statusAbstract
    let number: Int64
    let status: TicketStatus
    let operatorEmail: EmailAddress?

    init(options: OptionValues) throws {
        let number = try ticketNumber(options)
        let statusText = options.required("status")
        guard let status = TicketStatus(rawValue: statusText) ?? TicketStatus.allCases.first(where: { $0.label.lowercased() == statusText.lowercased() })
        else { throw UsageError(message: Text.Console.statusTakes(TicketStatus.allCases.map(\.rawValue))) }
        self.number = number
        self.status = status
        if let email = options.optional("operator") {
            // As the desk refuses an operator with «Non assegnato»: given and taken back at once.
            guard status != .unassigned else { throw UsageError(message: Text.Console.unassignedWithOperator) }
            guard let address = EmailAddress(email) else { throw UsageError(message: Text.Console.invalidEmail(email)) }
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
        // A working status needs somebody to work it, and a script has no "who acts" to give it
        // to, as the desk's press has: a closed ticket of an operator deactivated since was
        // theirs again once reopened, and a ticket nobody had went "In sviluppo" with "Nessun
        // operatore", under "Nessuno" in the queue.
        if agent == nil, !ticket.hasActiveOperator, ![.closed, .unassigned].contains(status) {
            throw CommandFailure(
                ticket.operatorDeactivated
                    ? Text.Console.operatorGoneGiveOne(ticket.operatorName ?? "") : Text.Console.nobodyGiveOne(status.label))
        }
        // One change, one e-mail: assigned and set apart, a ticket nobody had told its customer
        // "In attesa" and then the status asked for, in the same second.
        if let agent, ticket.operatorID != agent.id {
            try desk.assign(ticket, to: agent, by: nil, status: status, now: Clock.now())
        } else {
            try desk.setStatus(ticket, status, by: nil, now: Clock.now())
        }
        print(Text.Console.statusChanged(number, status.label))
    }
}

let ticketNumberOption = CommandOption.required("number", "N", help: Text.Console.ticketNumberHelp)

/// `--number 1453` or `--number #1453`.
func ticketNumber(_ options: OptionValues) throws -> Int64 {
    let text = options.required("number")
    guard let number = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text), number > 0 else {
        throw UsageError(message: Text.Console.ticketNumberTakes)
    }
    return number
}

func findOperator(_ email: EmailAddress, _ database: Database) throws -> UserRecord {
    guard let user = try UserStore(database).find(email: email), user.isOperator else {
        throw CommandFailure(Text.Console.notAnOperator(email.value))
    }
    // A deactivated operator neither answers nor takes tickets: the desk sent theirs back to the queue.
    guard user.deactivatedAt == nil else {
        throw CommandFailure(Text.Console.operatorDeactivated(email.value))
    }
    return user
}
