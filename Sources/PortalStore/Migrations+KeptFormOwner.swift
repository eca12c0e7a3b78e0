extension Migrations {
    /// Whose a kept form is: the next colleague who signed in on the same browser was shown
    /// the form (and could send it, files included, in their own name). 0: not known (forms
    /// kept before this version), offered to whoever signs in, as before.
    static let keptFormOwner = Migration(
        name: "0026_kept_form_owner",
        sql: """
            ALTER TABLE kept_forms ADD COLUMN owner_id INTEGER NOT NULL DEFAULT 0;
            """)
}
