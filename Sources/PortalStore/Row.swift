/// One result row. Column access by name, or by position where a query's own decoder reads
/// its columns in the order it selected them (no name hashed per value: `TicketStore`'s
/// dashboard rows, the session lookup). A missing or misspelled column is our bug: debug
/// builds (and so every test) stop at it with the name; a release build reads NULL rather
/// than failing the request at every call site.
public struct Row: Sendable {
    /// Column name → position, shared by every row of a statement (built once per statement).
    let columns: ColumnIndex
    let values: [SQLValue]

    public subscript(_ name: String) -> SQLValue {
        guard let index = columns.position(of: name) else {
            assertionFailure("no column named \(name) in this row (\(columns.names.sorted().joined(separator: ", ")))")
            return .null
        }
        return values[index]
    }

    public func int(_ name: String) -> Int64 { self[name].int }
    public func optionalInt(_ name: String) -> Int64? { self[name].optionalInt }
    public func string(_ name: String) -> String { self[name].string }
    public func optionalString(_ name: String) -> String? { self[name].optionalString }
    public func bool(_ name: String) -> Bool { int(name) != 0 }
    public func blob(_ name: String) -> [UInt8] { self[name].bytes }

    /// Whether the columns are these names, in this order: a positional reader's check, in
    /// debug builds, that its select list and its positions agree.
    func hasColumns(_ expected: [String]) -> Bool { columns.names == expected }

    /// The same for a part of the row, from position `first` on (a join read as records).
    func hasColumns(_ expected: [String], at first: Int) -> Bool {
        columns.names.count >= first + expected.count && columns.names[first..<first + expected.count].elementsEqual(expected)
    }

    /// The column at `position` (0 is the first selected).
    public subscript(at position: Int) -> SQLValue { values[position] }
    public func int(at position: Int) -> Int64 { values[position].int }
    public func optionalInt(at position: Int) -> Int64? { values[position].optionalInt }
    public func string(at position: Int) -> String { values[position].string }
    public func optionalString(at position: Int) -> String? { values[position].optionalString }
    public func bool(at position: Int) -> Bool { int(at: position) != 0 }
}

/// How a column's value reads as each Swift type (SQLite's columns are loosely typed).
extension SQLValue {
    var int: Int64 {
        switch self {
        case .integer(let value): value
        case .real(let value): Int64(value)
        case .text(let value): Int64(value) ?? 0
        default: 0
        }
    }

    var optionalInt: Int64? {
        if case .null = self { return nil }
        return int
    }

    var string: String {
        switch self {
        case .text(let value): value
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .blob(let value): String(decoding: value, as: UTF8.self)
        case .null: ""
        }
    }

    var optionalString: String? {
        if case .null = self { return nil }
        return string
    }

    var bytes: [UInt8] {
        switch self {
        case .blob(let value): value
        case .text(let value): Array(value.utf8)
        default: []
        }
    }
}
