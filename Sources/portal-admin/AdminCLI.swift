import Glibc
import PortalCore

/// `portal-admin COMMAND [options]`. One type per command, each with a one-line abstract,
/// options checked before anything runs; usage errors exit 64, failures exit 1.
enum AdminCLI {
    static let commands: [any AdminCommand.Type] = [
        MigrateCommand.self, TenantAddCommand.self, InviteCommand.self, OperatorAddCommand.self,
        BackupCommand.self, MailListCommand.self, SiteBuildCommand.self, SiteWatchCommand.self, DemoCommand.self, TicketReplyCommand.self,
        TicketStatusCommand.self,
    ]

    static func main(_ arguments: [String]) -> Int32 {
        if arguments.isEmpty || ["-h", "--help", "help"].contains(arguments[0]) {
            print(usage)
            return arguments.isEmpty ? 64 : 0
        }
        guard let type = commands.first(where: { arguments.starts(with: $0.words) }) else {
            printError("unknown command '\(arguments.prefix(2).joined(separator: " "))'\n\n\(usage)")
            return 64
        }
        do {
            let options = try Options(Array(arguments.dropFirst(type.words.count)), allowed: type.options)
            let command = try type.init(options: options)
            let config = try Config.load()
            try command.run(config: config)
            return 0
        } catch let error as UsageError {
            printError("\(type.words.joined(separator: " ")): \(error.message)\nusage: portal-admin \(type.synopsis)")
            return 64
        } catch {
            printError("portal-admin \(type.words.joined(separator: " ")): \(error)")
            return 1
        }
    }

    static var usage: String {
        "usage: portal-admin COMMAND [options]\n\ncommands:\n"
            + commands.map { "  \($0.synopsis)\n      \($0.abstract)" }.joined(separator: "\n")
            + "\n\nSettings come from PORTAL_CONFIG (a KEY=value file) and PORTAL_* variables (PORTAL_DB, PORTAL_PUBLIC_URL, …)."
    }

    static func printError(_ text: String) {
        let line = text + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }
}

struct UsageError: Error {
    let message: String
}

protocol AdminCommand: Sendable {
    /// The command's words, e.g. ["tenant", "add"].
    static var words: [String] { get }
    static var options: [String] { get }
    static var synopsis: String { get }
    static var abstract: String { get }
    /// Validates the options; throws `UsageError` before anything is touched.
    init(options: Options) throws
    func run(config: Config) throws
}

/// `--name value` pairs; every option takes a value, unknown or repeated ones are usage errors.
struct Options {
    private var values: [String: String] = [:]

    init(_ arguments: [String], allowed: [String]) throws {
        var index = 0
        while index < arguments.count {
            let key = arguments[index]
            guard key.hasPrefix("--"), allowed.contains(String(key.dropFirst(2))) else {
                throw UsageError(message: "unexpected argument '\(key)'")
            }
            guard index + 1 < arguments.count else { throw UsageError(message: "\(key) needs a value") }
            guard values[String(key.dropFirst(2))] == nil else { throw UsageError(message: "\(key) given twice") }
            values[String(key.dropFirst(2))] = arguments[index + 1]
            index += 2
        }
    }

    func required(_ name: String) throws -> String {
        guard let value = values[name], !value.trimmingWhitespace().isEmpty else {
            throw UsageError(message: "--\(name) is required")
        }
        return value
    }

    func optional(_ name: String) -> String? { values[name] }
}
