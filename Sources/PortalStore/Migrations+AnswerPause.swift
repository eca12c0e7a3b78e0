extension Migrations {
    /// `answer_paused_minutes`: the working minutes of the pauses ("Rinviato") that ended before
    /// the first answer, kept when it is given. The queue moves the first answer's deadline by
    /// them; "Andamento" ignored them once the ticket was answered and counted as late an answer
    /// the queue had shown on time. Tickets answered before this version count none, as before.
    /// "Andamento" reads it from its covering index.
    static let answerPause = Migration(
        name: "0027_answer_pause",
        sql: """
            ALTER TABLE tickets ADD COLUMN answer_paused_minutes INTEGER NOT NULL DEFAULT 0;
            DROP INDEX tickets_figures;
            CREATE INDEX tickets_figures ON tickets(
                created_at, closed_at, first_answered_at, priority, status, area, paused_minutes, answer_paused_minutes);
            """)
}
