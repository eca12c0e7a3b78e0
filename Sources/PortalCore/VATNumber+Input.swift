/// What is wrong with a P.IVA as typed, so that the form can say which: a wrong length or
/// stray characters read differently from a mistyped digit.
public enum VATInput: Equatable, Sendable {
    case valid(VATNumber)
    case empty
    case badFormat
    case badCheckDigit
    case noTaxpayer

    public init(_ typed: String) {
        var text = typed.filter { !$0.isWhitespace }
        if text.uppercased().hasPrefix("IT") { text = String(text.dropFirst(2)) }
        if typed.trimmingWhitespace().isEmpty {
            self = .empty
        } else if text.count != 11 || !text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            self = .badFormat
        } else if let number = VATNumber(text) {
            self = .valid(number)
        } else if text.hasPrefix("0000000") {
            self = .noTaxpayer
        } else {
            self = .badCheckDigit
        }
    }
}

extension VATInput {
    /// The Italian message next to the field, or nil for a valid number.
    public var refusal: String? {
        switch self {
        case .valid: nil
        case .empty: Text.fieldRequired
        case .badFormat: Text.legacyVATFormat
        case .badCheckDigit: Text.legacyVATChecksum
        case .noTaxpayer: Text.vatNoTaxpayer
        }
    }
}
