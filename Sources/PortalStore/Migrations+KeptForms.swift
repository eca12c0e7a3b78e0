extension Migrations {
    /// A ticket form sent after its session ended is kept until the person has logged in
    /// again: the browser holds the token (a short-lived cookie), the row holds what was
    /// typed, url-encoded, its files as the signed references a refused form carries.
    static let keptForms = Migration(
        name: "0012_kept_forms",
        sql: """
            CREATE TABLE kept_forms (
                id INTEGER PRIMARY KEY,
                token_hash BLOB NOT NULL UNIQUE,
                path TEXT NOT NULL,
                fields TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX kept_forms_by_expiry ON kept_forms(expires_at);
            """)
}
