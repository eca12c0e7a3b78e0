import Glibc
import PortalCore

/// `portal-admin COMMAND [options]`. One type per command, each with a one-line abstract,
/// options checked before anything runs; usage errors exit 64, failures exit 1.
enum AdminCLI {
    static let commands: [any AdminCommand.Type] = [
        MigrateCommand.self, TenantAddCommand.self, InviteCommand.self, OperatorAddCommand.self,
        BackupCommand.self, RestoreCommand.self, MailListCommand.self, SiteBuildCommand.self, SiteWatchCommand.self, DemoCommand.self,
        TicketListCommand.self, TicketShowCommand.self, TicketReplyCommand.self, TicketStatusCommand.self,
        TicketAssignCommand.self,
    ]

    static func main(_ arguments: [String]) -> Int32 {
        if arguments.isEmpty || ["-h", "--help", "help"].contains(arguments[0]) {
            print(usage)
            return arguments.isEmpty ? 64 : 0
        }
        guard let type = commands.first(where: { arguments.starts(with: $0.words) }) else {
            // "portal-admin ticket" or "ticket --help": the group's own commands.
            let group = commands.filter { $0.words.count > 1 && $0.words[0] == arguments[0] }
            if !group.isEmpty && (arguments.count == 1 || ["-h", "--help"].contains(arguments[1])) {
                print(Text.Console.groupUsage(arguments[0]) + group.map(describe).joined(separator: "\n"))
                return arguments.count == 1 ? 64 : 0
            }
            printError(Text.Console.unknownCommand(arguments.prefix(2).joined(separator: " ")) + "\n\n" + usage)
            return 64
        }
        let rest = Array(arguments.dropFirst(type.words.count))
        if rest.contains("--help") || rest.contains("-h") {
            print(Text.Console.usageLine(type.synopsis) + "\n  \(type.abstract)" + type.options.helpLines.map { "\n  " + $0 }.joined())
            return 0
        }
        do {
            let options = try OptionValues(rest, declared: type.options)
            let command = try type.init(options: options)
            let config = try Config.load()
            try command.run(config: config)
            return 0
        } catch let error as UsageError {
            printError("\(type.words.joined(separator: " ")): \(error.message)\n" + Text.Console.usageLine(type.synopsis)
                + type.options.helpLines.map { "\n  " + $0 }.joined())
            return 64
        } catch {
            printError("portal-admin \(type.words.joined(separator: " ")): \(error)")
            return 1
        }
    }

    static func describe(_ command: any AdminCommand.Type) -> String {
        "  \(command.synopsis)\n      \(command.abstract)" + command.options.helpLines.map { "\n        " + $0 }.joined()
    }

    static var usage: String {
        Text.Console.usage
            + commands.map(describe).joined(separator: "\n")
            + "\n\n" + Text.Console.settings
    }

    static func printError(_ text: String) {
        let line = text + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }
}

protocol AdminCommand: Sendable {
    /// The command's words, e.g. ["tenant", "add"].
    static var words: [String] { get }
    /// The one declaration of the options: parsing and usage text are both made from it.
    static var options: [CommandOption] { get }
    static var abstract: String { get }
    /// Checks what the values mean; throws `UsageError` before anything is touched.
    init(options: OptionValues) throws
    func run(config: Config) throws
}

extension AdminCommand {
    /// `tenant add --name NAME --vat PIVA`.
    static var synopsis: String { (words + options.map(\.synopsis)).joined(separator: " ") }
}
