extension Migrations {
    /// "Rinviato" means the vendor waits for the customer: the ticket's clock stops meanwhile.
    /// `paused_since`: when its current "Rinviato" began; `paused_minutes`: the working minutes
    /// of the pauses that ended, which push its deadline later. A ticket "Rinviato" now has no
    /// deadline; its pause is taken to have begun at its last change. "Andamento" reads the
    /// pauses from its covering index.
    static let responsePause = Migration(
        name: "0024_response_pause",
        sql: """
            ALTER TABLE tickets ADD COLUMN paused_minutes INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE tickets ADD COLUMN paused_since INTEGER;
            UPDATE tickets SET paused_since = updated_at, due_at = NULL WHERE status = 'postponed';
            DROP INDEX tickets_figures;
            CREATE INDEX tickets_figures ON tickets(created_at, closed_at, first_answered_at, priority, status, area, paused_minutes);
            """)
}
