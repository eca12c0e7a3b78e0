/// An e-mail address as the portal accepts it: one `@`, a non-empty local part, a dotted
/// domain, no spaces or control characters, at most 254 characters. Stored lower-cased.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init?(_ input: String) {
        let text = input.trimmingWhitespace().lowercased()
        guard text.utf8.count <= 254 else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty else { return nil }
        let forbidden: Set<Character> = [" ", "<", ">", "(", ")", ",", ";", ":", "\\", "\"", "[", "]"]
        guard text.allSatisfy({ !forbidden.contains($0) && !$0.isNewline && ($0.asciiValue ?? 0x80) >= 0x21 })
        else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") })
        else { return nil }
        value = text
    }

    public var localPart: String { String(value.prefix { $0 != "@" }) }
    public var description: String { value }
}

extension String {
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// True when the text holds a control character other than tab and newlines.
    public var hasControlCharacters: Bool {
        unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t")
                || (scalar.value >= 0x7f && scalar.value < 0xa0)
        }
    }
}
