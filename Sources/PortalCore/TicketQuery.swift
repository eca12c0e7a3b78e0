/// The list's ordering and filters ("Cerca Ticket"), as the manual names them. It travels
/// as a query string, is remembered per user and company, and is turned into SQL with bound
/// values only by the store.
public struct TicketQuery: Sendable, Equatable {
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
    public var page = 1

    public init() {}

    public static let pageSize = 25

    /// Reads the fields it knows and ignores the rest; a value it cannot read is dropped
    /// (and reported through `invalid`), never guessed.
    public init(fields: [(name: String, value: String)]) {
        var invalid: [String] = []
        self.init(fields: fields, invalid: &invalid)
    }

    public init(fields: [(name: String, value: String)], invalid: inout [String]) {
        for (name, rawValue) in fields {
            let value = rawValue.trimmingWhitespace()
            if value.isEmpty { continue }
            switch name {
            case "codice":
                let digits = value.hasPrefix("#") ? String(value.dropFirst()) : value
                if let number = Int64(digits), number > 0 { self.number = number } else { invalid.append(name) }
            case "ordine": if let order = Order(rawValue: value) { self.order = order } else { invalid.append(name) }
            case "stato": if let state = State(rawValue: value) { self.state = state } else { invalid.append(name) }
            case "priorita":
                if value == "qualsiasi" { continue }
                if let priority = Priority(rawValue: value) { self.priority = priority } else { invalid.append(name) }
            case "tipologia":
                if value == "qualsiasi" { continue }
                if let type = RequestType(rawValue: value) { self.type = type } else { invalid.append(name) }
            case "da": if let date = DateOnly(value) { from = date.text } else { invalid.append(name) }
            case "a": if let date = DateOnly(value) { to = date.text } else { invalid.append(name) }
            case "pagina": if let page = Int(value), page >= 1, page <= 100_000 { self.page = page }
            default: continue
            }
        }
    }

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
        if let page, page > 1 { pairs.append(("pagina", String(page))) }
        return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }
}

/// A calendar date typed as yyyy-MM-dd (or dd/MM/yyyy, as Italians write it).
public struct DateOnly: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(_ text: String) {
        let parts: [Substring]
        var numbers: [Int]
        if text.contains("-") {
            parts = text.split(separator: "-")
            numbers = parts.compactMap { Int($0) }
        } else {
            parts = text.split(separator: "/")
            numbers = parts.compactMap { Int($0) }.reversed()
        }
        guard parts.count == 3, numbers.count == 3 else { return nil }
        let (year, month, day) = (numbers[0], numbers[1], numbers[2])
        guard (1970...2999).contains(year), (1...12).contains(month) else { return nil }
        let lengths = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public var text: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
