extension Migrations {
    /// What a kept form's files weigh: counting forms alone let ten forms of ten 4 MB files
    /// each (400 MB) per address stay on the disk for two hours, from anyone with a visitor
    /// cookie. The caps are now on bytes as well (`KeptFormStore`).
    static let keptFormBytes = Migration(
        name: "0023_kept_form_bytes",
        sql: """
            ALTER TABLE kept_forms ADD COLUMN file_bytes INTEGER NOT NULL DEFAULT 0;
            """)
}
