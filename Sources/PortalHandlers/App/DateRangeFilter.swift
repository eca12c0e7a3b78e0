import PortalCore
import PortalHTML
import PortalHTTP

/// "Da data" and "A data" of an activity log's filter, read from the address. A value that is
/// not a date, and an "A data" before "Da data", are named beside their field and nothing is
/// listed: a list filtered by neither would read as the answer to the dates typed.
struct DateRangeFilter {
    let typedFrom: String
    let typedTo: String
    let from: DateOnly?
    let to: DateOnly?
    private(set) var errors: [String: String] = [:]

    init(_ request: Request) {
        typedFrom = String((request.query["da"] ?? "").trimmingWhitespace().prefix(20))
        typedTo = String((request.query["a"] ?? "").trimmingWhitespace().prefix(20))
        from = typedFrom.isEmpty ? nil : DateOnly(typedFrom)
        to = typedTo.isEmpty ? nil : DateOnly(typedTo)
        if !typedFrom.isEmpty && from == nil { errors["da"] = DateOnly.refusal(typedFrom) }
        if !typedTo.isEmpty && to == nil { errors["a"] = DateOnly.refusal(typedTo) }
        if let from, let to, to.dayNumber < from.dayNumber { errors["a"] = Text.activityRangeReversed }
    }

    var isValid: Bool { errors.isEmpty }

    /// The first second of "Da data" and the first second after "A data" (the next day's
    /// first: the days the clocks change last 23 and 25 hours).
    var start: Timestamp? { from.map(Clock.startOfDay) }
    var end: Timestamp? { to.map { Clock.startOfDay($0.adding(days: 1)) } }

    /// The dates for the pager's links.
    var queryString: String {
        (from.map { "&da=\($0.text)" } ?? "") + (to.map { "&a=\($0.text)" } ?? "")
    }

    /// The two fields, with what was typed and its message. Their form keeps the browser's
    /// own check (no `novalidate`): a half-typed date reaches the server empty, and only the
    /// browser can refuse it rather than drop it from the filter unsaid.
    var fields: Node {
        Node.group {
            FormField.dateInput(id: "da", label: Text.fromDate, value: from?.text ?? typedFrom, error: errors["da"])
            FormField.dateInput(id: "a", label: Text.toDate, value: to?.text ?? typedTo, error: errors["a"])
        }
    }
}
