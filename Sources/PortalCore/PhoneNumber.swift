/// A ticket's "Telefono" as the desk's "Cerca" finds it: by the digits a caller display shows.
public enum PhoneNumber {
    /// The number's digits: separators dropped, the part from the first letter on ("int. 22")
    /// left out, the Italian prefix (+39, 0039) taken off. Empty when fewer than 6 digits
    /// remain (no number anyone calls from).
    public static func searchDigits(_ typed: String) -> String {
        var digits = ""
        var international = false
        for character in typed {
            if character.isLetter { break }
            if character == "+" && digits.isEmpty { international = true }
            if character.isASCII, character.isNumber { digits.append(character) }
        }
        if digits.hasPrefix("0039") {
            digits.removeFirst(4)
        } else if digits.hasPrefix("39") && (international || digits.count > 10) {
            // A mobile number starts with 3 and has 10 digits ("3921234567"): the prefix is
            // told apart by a "+" or by the length.
            digits.removeFirst(2)
        }
        return digits.count >= 6 ? digits : ""
    }

    /// A search typed as a phone number ("+39 0444 123456", "0444/123456", "0444 123456 int. 22"):
    /// digits and a number's separators, 6 digits at least, then at most an extension; its
    /// `searchDigits`, or nil for any other text.
    public static func searched(_ text: String) -> String? {
        let number = text.prefix { !$0.isLetter }
        guard number.contains(where: \.isNumber),
            number.allSatisfy({ $0.isASCII && ($0.isNumber || " +-./()".contains($0)) }),
            isExtension(text[number.endIndex...])
        else { return nil }
        let digits = searchDigits(text)
        return digits.isEmpty ? nil : digits
    }

    /// Nothing, or an extension as the form takes it (`Text.phoneExtensionMarkers`): "int. 22",
    /// "interno 22", "ext: 22".
    static func isExtension(_ rest: Substring) -> Bool {
        let words = rest.lowercased().split(whereSeparator: { " .,:".contains($0) })
        guard let first = words.first else { return true }
        return Text.phoneExtensionMarkers.contains(String(first))
            && words.dropFirst().allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
