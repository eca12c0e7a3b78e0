import CSQLite

/// A prepared statement, cached by its SQL text for the life of the connection.
final class Statement {
    private let pointer: OpaquePointer
    private unowned let database: Database
    let sql: String
    private lazy var columnNames: [String] = (0..<sqlite3_column_count(pointer)).map {
        String(cString: sqlite3_column_name(pointer, $0))
    }
    /// For a repeated name (`SELECT t.*, x.id`) the first column wins, as before.
    private lazy var columnIndex = ColumnIndex(columnNames)

    /// SQLITE_TRANSIENT is a macro Swift cannot import: SQLite copies the bound bytes.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(database: Database, sql: String) throws {
        var pointer: OpaquePointer?
        let result = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard result == SQLITE_OK, let pointer else { throw database.lastError(result, sql: sql) }
        self.pointer = pointer
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(pointer) }

    /// The heap bytes SQLite holds for this statement.
    var memoryUsed: Int { Int(sqlite3_stmt_status(pointer, SQLITE_STMTSTATUS_MEMUSED, 0)) }

    func bind(_ arguments: [any SQLConvertible]) throws {
        let expected = Int(sqlite3_bind_parameter_count(pointer))
        precondition(expected == arguments.count, "SQL expects \(expected) arguments, got \(arguments.count): \(sql)")
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let result: Int32
            switch argument.sqlValue {
            case .null: result = sqlite3_bind_null(pointer, index)
            case .integer(let value): result = sqlite3_bind_int64(pointer, index, value)
            case .real(let value): result = sqlite3_bind_double(pointer, index, value)
            case .text(let value): result = sqlite3_bind_text(pointer, index, value, -1, Statement.transient)
            case .blob(let value):
                result = value.withUnsafeBytes { bytes in
                    sqlite3_bind_blob(pointer, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(value.count), Statement.transient)
                }
            }
            guard result == SQLITE_OK else { throw database.lastError(result, sql: sql) }
        }
    }

    /// True when a row is available; false when done.
    func step() throws -> Bool {
        let result = sqlite3_step(pointer)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.lastError(result, sql: sql)
        }
    }

    func row() -> Row {
        var values: [SQLValue] = []
        values.reserveCapacity(columnNames.count)
        for column in 0..<Int32(columnNames.count) {
            switch sqlite3_column_type(pointer, column) {
            case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(pointer, column)))
            case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(pointer, column)))
            case SQLITE_TEXT:
                // Text first, then its length (SQLite's order): the length SQLite knows
                // spares a strlen per value.
                let text = sqlite3_column_text(pointer, column)
                let count = Int(sqlite3_column_bytes(pointer, column))
                values.append(.text(text.map { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) } ?? ""))
            case SQLITE_BLOB:
                let count = Int(sqlite3_column_bytes(pointer, column))
                if let bytes = sqlite3_column_blob(pointer, column), count > 0 {
                    values.append(.blob(Array(UnsafeRawBufferPointer(start: bytes, count: count))))
                } else {
                    values.append(.blob([]))
                }
            default: values.append(.null)
            }
        }
        return Row(columns: columnIndex, values: values)
    }

    func reset() {
        sqlite3_reset(pointer)
        sqlite3_clear_bindings(pointer)
    }
}

@available(*, unavailable)
extension Statement: Sendable {}
