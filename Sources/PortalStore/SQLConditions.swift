/// The conditions of a filtered list and their bound values, kept in step: each condition is
/// a literal with `?` placeholders, each value is bound, none is ever interpolated.
struct SQLConditions {
    private(set) var conditions: [String] = []
    private(set) var arguments: [any SQLConvertible] = []

    mutating func add(_ condition: String, _ values: any SQLConvertible...) {
        conditions.append(condition)
        arguments.append(contentsOf: values)
    }

    /// `column = ?` when the filter is set; nothing when it is left open.
    mutating func add(_ column: String, equals value: (any SQLConvertible)?) {
        if let value { add(column + " = ?", value) }
    }

    /// `column = ?` when the filter is set, always true when it is left open: one SQL text
    /// either way.
    mutating func add(_ column: String, matching value: (any SQLConvertible)?) {
        let bound = value?.sqlValue ?? .null
        add("(? IS NULL OR " + column + " = ?)", bound, bound)
    }

    /// `column IN (?, ?, …)`, one placeholder per value.
    mutating func add(_ column: String, in values: [String]) {
        conditions.append(column + " IN (" + values.map { _ in "?" }.joined(separator: ", ") + ")")
        arguments.append(contentsOf: values)
    }

    /// `column NOT IN (?, ?, …)`, one placeholder per value.
    mutating func add(_ column: String, notIn values: [String]) {
        conditions.append(column + " NOT IN (" + values.map { _ in "?" }.joined(separator: ", ") + ")")
        arguments.append(contentsOf: values)
    }

    /// Every condition of `other`, with its values.
    mutating func add(_ other: SQLConditions) {
        conditions.append(contentsOf: other.conditions)
        arguments.append(contentsOf: other.arguments)
    }

    /// ` WHERE a AND b`, or nothing without conditions.
    var whereClause: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }

    /// ` AND a AND b`, after a condition of the caller's own.
    var andClause: String { conditions.map { " AND " + $0 }.joined() }
}
