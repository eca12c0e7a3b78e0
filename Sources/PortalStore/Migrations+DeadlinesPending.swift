extension Migrations {
    /// "Tempi di risposta" changes are numbered (`deadlines_generation`, one more with each
    /// save) and `deadlines_done` is the last one every open ticket's deadline follows. The
    /// deadlines move in batches after the change's commit, and a worker killed in between
    /// left thousands of them on the old targets for good (saving the same values again
    /// changed nothing, so moved nothing). A pass that ends records the change it started
    /// from, never a later one saved meanwhile; the mailer finishes what was left.
    static let deadlinesPending = Migration(
        name: "0029_deadlines_pending",
        sql: """
            ALTER TABLE working_calendar ADD COLUMN deadlines_generation INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE working_calendar ADD COLUMN deadlines_done INTEGER NOT NULL DEFAULT 0;
            """)
}
