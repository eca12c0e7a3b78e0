extension Migrations {
    /// A member removed from a company, kept for a while with their role and "Utente attivo
    /// dal": "Rimuovi utente" acts at one press, as in the manual, and a slip is undone with
    /// "Ripristina utente" instead of a new invitation and first access.
    static let removedMembers = Migration(
        name: "0025_removed_members",
        sql: """
            CREATE TABLE removed_members (
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                active_since INTEGER NOT NULL,
                removed_at INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, user_id)
            ) STRICT;
            """)
}
