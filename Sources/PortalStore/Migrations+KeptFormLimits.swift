extension Migrations {
    /// Who sent a kept form: the files of kept forms belong to no company yet, so no quota
    /// bounds them; a cap per client address (and in all) does.
    static let keptFormLimits = Migration(
        name: "0014_kept_form_limits",
        sql: """
            ALTER TABLE kept_forms ADD COLUMN client_address TEXT NOT NULL DEFAULT '';
            CREATE INDEX kept_forms_by_client ON kept_forms(client_address, expires_at);
            """)
}
