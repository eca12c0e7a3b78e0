/// A command's arguments read against its declared options. Every option but a flag takes a
/// value; an undeclared, repeated or valueless option, or a required one missing or blank, is a
/// `UsageError`, so a command that got its `OptionValues` only checks what the values mean.
public struct OptionValues: Sendable {
    private let declared: [CommandOption]
    private let values: [String: String]

    public init(_ arguments: [String], declared: [CommandOption]) throws(UsageError) {
        self.declared = declared
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let key = arguments[index]
            let name = String(key.dropFirst(2))
            guard key.hasPrefix("--"), let option = declared.first(where: { $0.name == name }) else {
                throw UsageError(message: Text.Console.unexpectedArgument(key))
            }
            if option.isFlag {
                guard values[name] == nil else { throw UsageError(message: Text.Console.givenTwice(key)) }
                values[name] = ""
                index += 1
                continue
            }
            // The next argument is the value even if it starts with "--", so that a text may.
            guard index + 1 < arguments.count else { throw UsageError(message: Text.Console.needsValue(key)) }
            guard values[name] == nil else { throw UsageError(message: Text.Console.givenTwice(key)) }
            values[name] = arguments[index + 1]
            index += 2
        }
        for option in declared where option.isRequired {
            guard let value = values[option.name], !value.trimmingWhitespace().isEmpty else {
                throw UsageError(message: Text.Console.requiredOption(option.name))
            }
        }
        self.values = values
    }

    /// A required option's value: parsing made sure it is there and not blank.
    public func required(_ name: String) -> String {
        precondition(declared.contains { $0.name == name && $0.isRequired }, "--\(name) is not declared required")
        return values[name] ?? ""
    }

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool {
        precondition(declared.contains { $0.name == name && $0.isFlag }, "--\(name) is not declared a flag")
        return values[name] != nil
    }

    /// An optional option's value as given (possibly blank), or nil when it was left out.
    public func optional(_ name: String) -> String? {
        precondition(declared.contains { $0.name == name }, "--\(name) is not declared")
        return values[name]
    }
}
