/// The list's ordering and filters ("Cerca Ticket"), as the manual names them. It travels
/// as a query string, is remembered per user and company, and is turned into SQL with bound
/// values only by the store.
public struct TicketQuery: FilterQuery, Sendable, Equatable {
    public enum Order: String, CaseIterable, Sendable {
        case created = "creazione", lastReply = "risposta", priority = "priorita"
    }

    public enum State: String, CaseIterable, Sendable {
        case any = "qualsiasi", open = "aperto", closed = "chiuso"
    }

    public var number: Int64?
    public var order: Order = .created
    public var state: State = .any
    public var priority: Priority?
    public var type: RequestType?
    /// Creation dates, inclusive, as yyyy-MM-dd (what `<input type="date">` sends).
    public var from: String?
    public var to: String?
    /// "Testo": words of the title or of the messages the customer can read.
    public var text = ""
    public var page = 1

    public init() {}

    public static let pageSize = 25

    /// Reads one field of the list's filter form (`FilterQuery`).
    public mutating func read(_ name: String, _ value: String) -> Bool {
        switch name {
        case "codice":
            let digits = value.hasPrefix("#") ? String(value.dropFirst()) : value
            return FilterField.store(Int64(digits).flatMap { $0 > 0 ? $0 : nil }) { number = $0 }
        case "ordine": return FilterField.store(Order(rawValue: value)) { order = $0 }
        case "stato": return FilterField.store(State(rawValue: value)) { state = $0 }
        case "priorita": return FilterField.choice(value, Priority.init(rawValue:)) { priority = $0 }
        case "tipologia": return FilterField.choice(value, RequestType.init(rawValue:)) { type = $0 }
        case "da": return FilterField.store(DateOnly(value)) { from = $0.text }
        case "a": return FilterField.store(DateOnly(value)) { to = $0.text }
        case "testo": return FilterField.store(FilterField.words(value, limit: 200)) { text = $0 }
        case "pagina": return FilterField.page(value) { page = $0 }
        default: return true
        }
    }

    /// "Da" later than "A": no ticket can match, so the list says so rather than showing none.
    public var rangeIsReversed: Bool {
        guard let from, let to else { return false }
        return from > to
    }

    /// Whether any filter narrows the list (the ordering and the page do not).
    public var narrows: Bool {
        number != nil || state != .any || priority != nil || type != nil || from != nil || to != nil || !text.isEmpty
    }

    /// "Testo" as an FTS5 query, the last word also as a prefix.
    public var searchExpression: String? { FilterField.searchExpression(text, lastAsPrefix: true) }

    /// The query string of these filters (without the page unless asked for).
    public func queryString(page: Int? = nil) -> String {
        var pairs: [(String, String)] = []
        if let number { pairs.append(("codice", String(number))) }
        pairs.append(("ordine", order.rawValue))
        pairs.append(("stato", state.rawValue))
        pairs.append(("priorita", priority?.rawValue ?? "qualsiasi"))
        pairs.append(("tipologia", type?.rawValue ?? "qualsiasi"))
        if let from { pairs.append(("da", from)) }
        if let to { pairs.append(("a", to)) }
        if !text.isEmpty { pairs.append(("testo", text)) }
        if let page, page > 1 { pairs.append(("pagina", String(page))) }
        return pairs.map { "\($0.0)=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
    }
}

/// A calendar date typed as yyyy-MM-dd (what a date field sends), or day first as Italians
/// write it where a browser has no date picker: dd/MM/yyyy, dd-MM-yyyy or dd.MM.yyyy
/// ("01-02-2026" was refused though it can mean nothing else with the year last).
public struct DateOnly: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a date may have: a date outside them is refused with its own words (a
    /// browser's picker sends "0001-01-01" as readily as today, and "write it as gg/mm/aaaa"
    /// did not say what was wrong with it).
    public static let years = 1970...2999

    public init?(_ text: String) {
        guard let (year, month, day) = DateOnly.calendarDate(text), DateOnly.years.contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Why `typed` is no date of `years`, in the words beside its field.
    public static func refusal(_ typed: String) -> String {
        calendarDate(typed) == nil ? Text.dateInvalid(typed) : Text.dateOutOfRange(typed, years: years)
    }

    /// The day `text` names on the calendar, whatever its year.
    static func calendarDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        guard let separator = text.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let numbers: [Int]
        switch (parts[0].count, parts[2].count) {
        case (4, _) where separator == "-": numbers = parts.compactMap { Int($0) }
        case (1...2, 4): numbers = parts.compactMap { Int($0) }.reversed()
        default: return nil
        }
        let (year, month, day) = (numbers[0], numbers[1], numbers[2])
        guard year >= 1, (1...12).contains(month) else { return nil }
        let lengths = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        return (year, month, day)
    }

    public var text: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
