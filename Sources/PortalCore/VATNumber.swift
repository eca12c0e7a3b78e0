/// An Italian "Partita IVA": eleven digits whose last one is a Luhn-style check digit.
public struct VATNumber: Hashable, Sendable, CustomStringConvertible {
    public let digits: String

    /// Accepts an optional "IT" prefix and spaces, as people type it; returns nil when the
    /// format or the check digit is wrong, or the taxpayer's number (the first seven digits)
    /// is all zeros, which no office assigns and whose check digit is right by accident.
    public init?(_ input: String) {
        var text = input.filter { !$0.isWhitespace }
        if text.uppercased().hasPrefix("IT") { text = String(text.dropFirst(2)) }
        guard text.count == 11, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let values = text.compactMap { $0.wholeNumberValue }
        guard VATNumber.checkDigit(for: Array(values.prefix(10))) == values[10], values.prefix(7).contains(where: { $0 != 0 })
        else { return nil }
        digits = text
    }

    public var description: String { digits }

    /// The check digit of the first ten digits (Italian Ministry of Finance algorithm).
    public static func checkDigit(for firstTen: [Int]) -> Int {
        var sum = 0
        for (index, digit) in firstTen.enumerated() {
            if index % 2 == 0 {
                sum += digit
            } else {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            }
        }
        return (10 - sum % 10) % 10
    }
}
