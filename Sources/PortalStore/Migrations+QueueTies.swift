extension Migrations {
    /// "Coda ticket" newest first within a second too. Activity is kept in whole seconds, and
    /// the queue's indexes ordered tickets of the same second by their filter columns, then by
    /// id upwards: two tickets opened in one second were listed older first, and the order of
    /// a tie could differ from page to page. Each index of the queue's order (and of a
    /// company's other open tickets) now has the id, newest first, right after the activity,
    /// so that `ORDER BY …, t.updated_at DESC, t.id DESC` is still a walk of the index.
    static let queueTies = Migration(
        name: "0041_queue_ties",
        sql: """
            DROP INDEX tickets_queue;
            CREATE INDEX tickets_queue ON tickets(
                (status != 'closed' AND (priority = 'blocking' OR status = 'unassigned')) DESC, updated_at DESC, id DESC,
                status, priority, operator_id, area, request_type, tenant_id);
            DROP INDEX tickets_queue_by_status;
            CREATE INDEX tickets_queue_by_status ON tickets(
                status, (status != 'closed' AND (priority = 'blocking' OR status = 'unassigned')) DESC, updated_at DESC,
                id DESC, priority, operator_id, area, request_type, tenant_id);
            DROP INDEX tickets_by_operator;
            CREATE INDEX tickets_by_operator ON tickets(
                operator_id, (status != 'closed' AND (priority = 'blocking' OR status = 'unassigned')) DESC,
                updated_at DESC, id DESC, status, priority, area, request_type, tenant_id);
            DROP INDEX tickets_queue_by_status_priority;
            CREATE INDEX tickets_queue_by_status_priority ON tickets(
                status, priority, updated_at DESC, id DESC, operator_id, area, request_type, tenant_id);
            DROP INDEX tickets_by_tenant_activity;
            CREATE INDEX tickets_by_tenant_activity ON tickets(tenant_id, updated_at DESC, id DESC, status);
            """)
}
