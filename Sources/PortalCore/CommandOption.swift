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

    public static func required(_ name: String, _ placeholder: String, help: String) -> CommandOption {
        CommandOption(name: name, placeholder: placeholder, isRequired: true, help: help)
    }

    public static func optional(_ name: String, _ placeholder: String, help: String) -> CommandOption {
        CommandOption(name: name, placeholder: placeholder, isRequired: false, help: help)
    }

    /// `--name VALUE`, or `[--name VALUE]` when it may be left out.
    public var synopsis: String {
        let usage = "--\(name) \(placeholder)"
        return isRequired ? usage : "[\(usage)]"
    }
}
