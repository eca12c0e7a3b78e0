/// A value bound to a `?` placeholder or read from a column.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// Swift values that bind to a placeholder, so call sites read `db.run(sql, [id, name])`.
public protocol SQLConvertible {
    var sqlValue: SQLValue { get }
}

extension Int: SQLConvertible { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLConvertible { public var sqlValue: SQLValue { .integer(self) } }
extension Bool: SQLConvertible { public var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension Double: SQLConvertible { public var sqlValue: SQLValue { .real(self) } }
extension String: SQLConvertible { public var sqlValue: SQLValue { .text(self) } }
extension Substring: SQLConvertible { public var sqlValue: SQLValue { .text(String(self)) } }
extension Array: SQLConvertible where Element == UInt8 { public var sqlValue: SQLValue { .blob(self) } }
extension SQLValue: SQLConvertible { public var sqlValue: SQLValue { self } }
extension Optional: SQLConvertible where Wrapped: SQLConvertible {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
