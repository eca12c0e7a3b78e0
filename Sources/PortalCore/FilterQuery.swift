/// A list's filters read from a form or a query string ("Cerca Ticket", "Coda ticket"). Both
/// lists read their fields by the same rules, so a field means the same in either.
public protocol FilterQuery {
    /// Starts from the defaults; `init(fields:invalid:)` then hands `read` each field.
    init()
    /// Reads one field's trimmed, non-empty value; false when the value cannot be read.
    mutating func read(_ name: String, _ value: String) -> Bool
    /// The page of the list these filters show.
    var page: Int { get }
    /// The filters as the list's address writes them (with the page when asked for).
    func queryString(page: Int?) -> String
}

extension FilterQuery {
    /// Reads the fields it knows and ignores the rest; a value it cannot read is dropped
    /// (and named in `invalid`), never guessed.
    public init(fields: [(name: String, value: String)], invalid: inout [String]) {
        self.init()
        for (name, rawValue) in fields {
            let value = rawValue.trimmingWhitespace()
            if value.isEmpty { continue }
            if !read(name, value) { invalid.append(name) }
        }
    }

    public init(fields: [(name: String, value: String)]) {
        var invalid: [String] = []
        self.init(fields: fields, invalid: &invalid)
    }
}

/// The small readers the filters' `read` is written with.
public enum FilterField {
    /// Stores what the value read as; false when it read as nothing.
    static func store<Value>(_ read: Value?, _ store: (Value) -> Void) -> Bool {
        guard let read else { return false }
        store(read)
        return true
    }

    /// A filter that may be left open: "qualsiasi" leaves it as it is.
    static func choice<Value>(_ value: String, _ read: (String) -> Value?, _ store: (Value) -> Void) -> Bool {
        value == "qualsiasi" || FilterField.store(read(value), store)
    }

    /// Free text of at most `limit` characters, without control characters.
    /// Invisible formatting (a zero-width space or a byte-order mark, pasted with a name from
    /// a document) is left out: kept, «ROSSI SRL» matched no company and nothing said why.
    static func text(_ value: String, limit: Int) -> String? {
        let visible = value.unicodeScalars.contains { $0.properties.generalCategory == .format }
            ? String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.properties.generalCategory != .format })) : value
        return visible.count <= limit && !visible.hasControlCharacters ? visible : nil
    }

    /// Words to search for: free text with at least one letter or digit. Punctuation alone
    /// (`'`, `%`, `"`) searches for nothing, and a list of every ticket would read as its answer.
    static func words(_ value: String, limit: Int) -> String? {
        text(value, limit: limit).flatMap { text in text.contains { $0.isLetter || $0.isNumber } ? text : nil }
    }

    /// Words typed in a search box as an FTS5 query: each word quoted (so no word is an
    /// operator) and all of them required; with `lastAsPrefix` the last word also matches
    /// longer words, as it may still be being typed ("fattur" → "fattura"). An elided article
    /// or preposition ("l'", "dell’", "un'") is left out: "l'emissione" must find a text that
    /// says "emissione" without its "l". Nil when no word is left.
    static func searchExpression(_ text: String, lastAsPrefix: Bool) -> String? {
        var words: [Substring] = []
        var rest = Substring(text)
        while let start = rest.firstIndex(where: { $0.isLetter || $0.isNumber }) {
            let end = rest[start...].firstIndex(where: { !$0.isLetter && !$0.isNumber }) ?? rest.endIndex
            let word = rest[start..<end]
            rest = rest[end...]
            let elided = rest.first.map { "'\u{2019}\u{2018}\u{02BC}".contains($0) } ?? false
            if !(elided && rest.dropFirst().first.map { $0.isLetter } == true) { words.append(word) }
        }
        guard !words.isEmpty else { return nil }
        return words.prefix(8).map(quoted).joined(separator: " ") + (lastAsPrefix ? "*" : "")
    }

    /// A word as an FTS5 string, its own `"` doubled: a letter that joins the character after it
    /// into one (U+0D4E, a "prepended" mark) took a typed `"` into the word, and the query
    /// failed («unterminated string»): a 500 on every list the search was remembered for.
    static func quoted(_ word: Substring) -> String {
        var out = "\""
        for scalar in word.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    /// "pagina": a page number out of range is ignored rather than refused, so it is never
    /// named invalid.
    static func page(_ value: String, _ store: (Int) -> Void) -> Bool {
        if let page = Int(value), page >= 1, page <= lastPage { store(page) }
        return true
    }

    /// The highest page number any list reads: past it, offsets would overflow.
    public static let lastPage = 100_000
}
