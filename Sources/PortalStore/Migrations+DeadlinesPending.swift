extension Migrations {
    /// `deadlines_pending`: set with every change of "Tempi di risposta", cleared once every
    /// open ticket's deadline follows it. The deadlines move in batches after the change's
    /// commit, and a worker killed in between left thousands of them on the old targets for
    /// good (saving the same values again changed nothing, so moved nothing). The mailer
    /// finishes what was left.
    static let deadlinesPending = Migration(
        name: "0029_deadlines_pending",
        sql: """
            ALTER TABLE working_calendar ADD COLUMN deadlines_pending INTEGER NOT NULL DEFAULT 0;
            """)
}
