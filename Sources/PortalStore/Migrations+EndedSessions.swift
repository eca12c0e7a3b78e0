extension Migrations {
    /// A person removed from a company while signed in read «La sessione è scaduta» at their
    /// next page: the sessions the removal ends leave their token's hash here, so the login
    /// can say why (`SessionStore.endedReason`), while the person is still out of that company
    /// ("Ripristina utente" or a new invitation ends it). Kept 30 days (`RetentionSweep`).
    static let endedSessions = Migration(
        name: "0038_ended_sessions",
        sql: """
            CREATE TABLE ended_sessions (
                token_hash BLOB PRIMARY KEY,
                reason TEXT NOT NULL,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                ended_at INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX ended_sessions_by_time ON ended_sessions(ended_at);
            """)

    /// A password changed or reset ends every session of its owner, also those without a
    /// company (an operator's, a login before «Scelta Tenant»): those keep why too, so the
    /// company may be missing. SQLite changes a column's constraint only by copying the table.
    static let endedSessionsWithoutCompany = Migration(
        name: "0039_ended_sessions_without_company",
        sql: """
            CREATE TABLE ended_sessions_new (
                token_hash BLOB PRIMARY KEY,
                reason TEXT NOT NULL,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                tenant_id INTEGER REFERENCES tenants(id) ON DELETE CASCADE,
                ended_at INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            INSERT INTO ended_sessions_new SELECT token_hash, reason, user_id, tenant_id, ended_at FROM ended_sessions;
            DROP TABLE ended_sessions;
            ALTER TABLE ended_sessions_new RENAME TO ended_sessions;
            CREATE INDEX ended_sessions_by_time ON ended_sessions(ended_at);
            """)
}
