/// One result row. Column access by name. A missing or misspelled column is our bug: debug
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

    public func int(_ name: String) -> Int64 {
        switch self[name] {
        case .integer(let value): value
        case .real(let value): Int64(value)
        case .text(let value): Int64(value) ?? 0
        default: 0
        }
    }

    public func optionalInt(_ name: String) -> Int64? {
        if case .null = self[name] { return nil }
        return int(name)
    }

    public func string(_ name: String) -> String {
        switch self[name] {
        case .text(let value): value
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .blob(let value): String(decoding: value, as: UTF8.self)
        case .null: ""
        }
    }

    public func optionalString(_ name: String) -> String? {
        if case .null = self[name] { return nil }
        return string(name)
    }

    public func bool(_ name: String) -> Bool { int(name) != 0 }

    public func blob(_ name: String) -> [UInt8] {
        switch self[name] {
        case .blob(let value): value
        case .text(let value): Array(value.utf8)
        default: []
        }
    }
}
