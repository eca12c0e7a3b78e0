/// An e-mail address as the portal accepts it: one `@`, a non-empty local part, a dotted
/// domain of letters, digits and hyphens (any script's, for internationalised names), no
/// spaces, control or invisible formatting characters, at most 254 characters. Stored
/// lower-cased.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init?(_ input: String) {
        let isASCII = input.utf8.allSatisfy { $0 < 0x80 }
        guard let text = isASCII ? EmailAddress.asciiValue(input.utf8) : EmailAddress.anyValue(input) else { return nil }
        value = text
    }

    /// An address the portal is to start writing to (an invitation, an operator, a ticket's
    /// contact): one that can be delivered. A letter beyond ASCII before the @ needs a mail
    /// server speaking SMTPUTF8, which few do: the invitation to "àèì@…" was accepted and its
    /// e-mail, with the provisional password, could never arrive. The domain may have them
    /// (curl sends it as IDNA). Addresses stored before this rule still sign in and are found:
    /// `init` accepts them.
    public static func newAddress(_ typed: String) -> EmailAddress? {
        guard let address = EmailAddress(typed), address.localPart.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return address
    }

    /// Why `typed` is no address (or no new one, `newAddress`), in the words shown beside its field. Invisible characters
    /// come with addresses copied from a web page or a PDF and cannot be seen to be removed:
    /// "Indirizzo email non valido" beside an address that looked right left the person stuck.
    public static func refusal(_ typed: String) -> String {
        let text = typed.trimmingWhitespace()
        if text.isEmpty { return Text.fieldRequired }
        if text.unicodeScalars.contains(where: { $0.isInvisibleFormatting || $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return Text.emailHiddenCharacters
        }
        if text.contains(where: \.isWhitespace) { return Text.emailWithSpaces }
        if let at = text.firstIndex(of: "@"), !text[..<at].utf8.allSatisfy({ $0 < 0x80 }) { return Text.emailLocalPartNotASCII }
        return Text.emailInvalid
    }

    static func anyValue(_ input: String) -> String? {
        let text = input.trimmingWhitespace().lowercased()
        guard text.utf8.count <= 254 else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty else { return nil }
        guard text.unicodeScalars.allSatisfy(EmailAddress.isAllowed) else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
            domain.unicodeScalars.allSatisfy(EmailAddress.isDomainScalar)
        else { return nil }
        return text
    }

    /// The same rules on an address of ASCII alone, byte by byte: most addresses are, and
    /// `lowercased()`, the splits and the scalar walks cost about 34,000 instructions an
    /// address, read several times on each new ticket (the form's, the company's people's).
    static func asciiValue(_ input: String.UTF8View) -> String? {
        var bytes = Array(input)
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        let start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
        bytes.removeFirst(start)
        guard bytes.count <= 254, let at = bytes.firstIndex(of: 0x40), bytes.lastIndex(of: 0x40) == at,
            at > 0, at <= 64, at < bytes.count - 1
        else { return nil }
        for index in bytes.indices {
            if (0x41...0x5A).contains(bytes[index]) { bytes[index] += 0x20 }
            guard EmailAddress.isAllowed(Unicode.Scalar(bytes[index])) else { return nil }
        }
        let domain = bytes[(at + 1)...]
        guard domain.allSatisfy({ EmailAddress.isDomainScalar(Unicode.Scalar($0)) }) else { return nil }
        let labels = domain.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.first != 0x2D && $0.last != 0x2D }) else {
            return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// No space, control character or line break, none of the characters that delimit an
    /// address in a header. By scalar: a set of Characters built and hashed on every call was
    /// most of the cost of reading an address, and addresses are read on every form.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x21: false
        case 0x22, 0x28, 0x29, 0x2C, 0x3A, 0x3B, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D: false  // " ( ) , : ; < > [ \ ]
        case 0x7F...0x9F, 0x2028, 0x2029: false  // DEL, the C1 controls, the line breaks beyond ASCII
        // Direction and zero-width controls: "giulia.neri@<U+202E>…" in "Registro attività"
        // read as a real operator's address written backwards.
        default: !scalar.isInvisibleFormatting
        }
    }

    /// A domain holds names, not punctuation: "evil.example|id", "evil.exa'mple" and
    /// "evil.example&x=1" were accepted and written to. Letters and digits of any script stay
    /// (internationalised domains), with the hyphen and the dots between labels.
    static func isDomainScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0x61...0x7A: true  // - . 0-9 a-z (the text is lower-cased)
        case 0..<0x80: false
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .spacingMark
        }
    }

    public var localPart: String { String(value.prefix { $0 != "@" }) }
    /// After the one "@" a valid address has.
    public var domain: String { String(value.drop { $0 != "@" }.dropFirst()) }
    public var description: String { value }
}

extension String {
    public func trimmingWhitespace() -> String {
        // Most text has nothing to trim: printable ASCII at both ends is not whitespace, and
        // looking at two bytes costs far less than the Unicode properties of two characters.
        if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// Without the whitespace at its end only: an indented first line keeps its indentation.
    public func trimmingTrailingWhitespace() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// A one-line name as browsers show it: trimmed, each run of spaces and tabs inside one
    /// space. Kept with two, "Alfa Test  srl" read "Alfa Test srl" on every page but no search
    /// for what was seen found it. Newlines are left for the caller's own refusal.
    public func collapsingSpaces() -> String {
        let trimmed = trimmingWhitespace()
        guard trimmed.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 >= 0x80 }) else { return trimmed }
        return trimmed.replacingRuns { $0.isWhitespace && !$0.isNewline }
    }

    /// Each run of characters `isRun` takes as one space.
    public func replacingRuns(where isRun: (Character) -> Bool) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var inRun = false
        for character in self {
            if isRun(character) {
                if !inRun { result.append(" ") }
                inRun = true
            } else {
                result.append(character)
                inRun = false
            }
        }
        return result
    }

    /// True when the text holds a character that is not seen but changes what is: one that
    /// reverses or isolates the direction of the text around it ("\u{202E}") or has no width.
    /// In a name it turns "Evangelina" and what follows it on the line backwards.
    /// The zero-width joiner inside an emoji ("👩‍💻", "🏳️‍🌈") is how the emoji is written, not
    /// hidden text: such titles and names were refused.
    public var hasInvisibleFormatting: Bool {
        contains { character in
            let scalars = character.unicodeScalars
            guard scalars.contains(where: \.isInvisibleFormatting) else { return false }
            guard scalars.count > 1, let first = scalars.first, first.value > 0x7F, first.properties.isEmoji else { return true }
            return scalars.contains { $0.isInvisibleFormatting && $0.value != 0x200D }
        }
    }

    /// True when something would show: a character that is neither a space, nor a control,
    /// nor one of `isInvisibleFormatting`, nor a mark, variation selector or tag with nothing
    /// to sit on. A message of Hangul fillers read as empty.
    public var hasVisibleCharacters: Bool {
        unicodeScalars.contains { scalar in
            let value = scalar.value
            return !scalar.properties.isWhitespace && !scalar.isInvisibleFormatting && value >= 0x20
                && !(0x7F..<0xA0).contains(value) && !(0x300...0x36F).contains(value) && !(0xFE00...0xFE0F).contains(value)
                && !(0xE0000...0xE007F).contains(value) && !(0xE0100...0xE01EF).contains(value)
        }
    }

    /// A name that shows on one line (a person's, a company's, an operator's), trimmed and
    /// collapsed by the caller: one to `limit` characters, something visible, no line break,
    /// control, invisible formatting or stacked marks. The one rule for every name: each check
    /// added to it (the fillers, then the selectors) had been written in three places.
    public func isOneLineName(limit: Int) -> Bool {
        !isEmpty && count <= limit && !hasControlCharacters && !contains(where: \.isNewline) && !hasInvisibleFormatting
            && !hasStackedMarks && hasVisibleCharacters
    }

    /// True when a character carries more than three marks stacked on its letter: dozens of
    /// them draw a bar over the rows above and below (no language writes more than three).
    /// Only marks count: a family emoji is seven scalars and no mark.
    public var hasStackedMarks: Bool {
        contains { character in
            character.unicodeScalars.count > 4
                && character.unicodeScalars.lazy.filter {
                    $0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .enclosingMark
                }.count > 3
        }
    }

    /// True when the text holds a control character other than tab and newlines.
    public var hasControlCharacters: Bool {
        unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t")
                || (scalar.value >= 0x7f && scalar.value < 0xa0)
        }
    }

    /// The text as a message quotes it back: without control characters (an escape sequence
    /// typed into an hours field came back raw inside the page).
    public var quotable: String {
        guard hasControlCharacters else { return self }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: unicodeScalars.filter { !($0.value < 0x20 || ($0.value >= 0x7f && $0.value < 0xa0)) })
        return String(kept)
    }
}

extension Unicode.Scalar {
    /// The bidirectional controls, the zero-width characters and the letters that draw nothing
    /// (see `hasInvisibleFormatting`): the soft hyphen, the grapheme joiner, the Hangul and
    /// Khmer fillers, Mongolian's selectors, the blank Braille cell, the annotation marks and
    /// musical formatting. A name of Hangul fillers was accepted and showed as a blank
    /// author beside every message.
    public var isInvisibleFormatting: Bool {
        switch value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E,
            0x2060...0x2069, 0x2800, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A:
            true
        default: false
        }
    }
}
