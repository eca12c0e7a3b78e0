import PortalCore

/// Small per-user, per-company settings (remembered ticket filters, dashboard layout).
public struct PreferenceStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public func value(_ name: String, userID: Int64, tenantID: Int64) throws -> String? {
        try database.queryOne(
            "SELECT value FROM user_preferences WHERE user_id = ? AND tenant_id = ? AND name = ?", [userID, tenantID, name]
        )?.string("value")
    }

    /// One setting of every user of the company who has it, by user id.
    public func values(_ name: String, tenantID: Int64) throws -> [Int64: String] {
        var result: [Int64: String] = [:]
        for row in try database.query(
            "SELECT user_id, value FROM user_preferences WHERE tenant_id = ? AND name = ?", [tenantID, name])
        {
            result[row.int("user_id")] = row.string("value")
        }
        return result
    }

    public func set(_ name: String, value: String, userID: Int64, tenantID: Int64, now: Timestamp) throws {
        try database.run(
            """
            INSERT INTO user_preferences (user_id, tenant_id, name, value, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (user_id, tenant_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, [userID, tenantID, name, value, now])
    }
}

/// An operator's settings, which belong to no company (the remembered queue filters).
public struct OperatorPreferenceStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public func value(_ name: String, userID: Int64) throws -> String? {
        try database.queryOne("SELECT value FROM operator_preferences WHERE user_id = ? AND name = ?", [userID, name])?
            .string("value")
    }

    public func set(_ name: String, value: String, userID: Int64, now: Timestamp) throws {
        try database.run(
            """
            INSERT INTO operator_preferences (user_id, name, value, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (user_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, [userID, name, value, now])
    }
}
