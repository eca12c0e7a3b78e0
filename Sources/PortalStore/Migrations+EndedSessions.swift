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
}
