/// One `--name VALUE` option of a command-line command. A command declares its options once,
/// and both the parsing (`OptionValues`) and the usage text are made from that declaration,
/// so that the text cannot drift from what the command accepts.
public struct CommandOption: Sendable, Equatable {
    /// Without the leading `--`.
    public let name: String
    /// What the synopsis shows for the value, e.g. `EMAIL` or `Amministratore|Tecnico`.
    public let placeholder: String
    public let isRequired: Bool
    /// One line, shown beside the option in the usage text.
    public let help: String
    /// `--name` alone, without a value: a switch that is off unless given.
    public var isFlag = false

    public static func required(_ name: String, _ placeholder: String, help: String) -> CommandOption {
        CommandOption(name: name, placeholder: placeholder, isRequired: true, help: help)
    }

    public static func optional(_ name: String, _ placeholder: String, help: String) -> CommandOption {
        CommandOption(name: name, placeholder: placeholder, isRequired: false, help: help)
    }

    /// A switch such as `--resend-mail`: never required, and given without a value.
    public static func flag(_ name: String, help: String) -> CommandOption {
        CommandOption(name: name, placeholder: "", isRequired: false, help: help, isFlag: true)
    }

    /// `--name VALUE`, or `[--name VALUE]` when it may be left out; a flag is `[--name]`.
    public var synopsis: String {
        if isFlag { return "[--\(name)]" }
        let usage = "--\(name) \(placeholder)"
        return isRequired ? usage : "[\(usage)]"
    }
}
