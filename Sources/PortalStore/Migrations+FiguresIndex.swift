extension Migrations {
    /// "Andamento" reads every ticket opened in its period. Through `tickets_by_created` each
    /// row was a lookup in the table, scattered over the whole file: at a million tickets the
    /// last twelve weeks (210,000 rows) took 0.7 s of reads, mostly page reads from the system,
    /// before any figure was counted. With the facts it needs in the index the same rows take
    /// 0.05 s. It replaces the index on the opening alone: every query that used that one has
    /// the same leading column here.
    static let figuresIndex = Migration(
        name: "0022_figures_index",
        sql: """
            DROP INDEX tickets_by_created;
            CREATE INDEX tickets_figures ON tickets(created_at, closed_at, first_answered_at, priority, status, area);
            """)
}
