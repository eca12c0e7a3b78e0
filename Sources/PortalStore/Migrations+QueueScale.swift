extension Migrations {
    /// "Coda ticket" at a million tickets in ten thousand companies. "Azienda" compared every
    /// company's name with `LIKE '%x%'` on each request (a scan of the whole table): a trigram
    /// index of the names finds a part of three characters or more from its trigrams, and
    /// SQLite still checks the LIKE on the few rows found, so the companies are the same.
    /// Kept by triggers on the names; a company is never deleted (`tenants_never_deleted`), the
    /// delete trigger keeps the index right should that ever change.
    /// One status with one priority other than "Bloccante" walked past every blocking ticket of
    /// that status first (the queue's order puts them first): with both chosen the queue's
    /// order within them is the newest activity alone, which this index walks directly.
    static let queueScale = Migration(
        name: "0018_queue_scale",
        sql: """
            CREATE VIRTUAL TABLE tenant_names USING fts5(
                name, content = 'tenants', content_rowid = 'id', tokenize = 'trigram');
            INSERT INTO tenant_names (tenant_names) VALUES ('rebuild');
            CREATE TRIGGER tenants_insert_names AFTER INSERT ON tenants BEGIN
                INSERT INTO tenant_names (rowid, name) VALUES (NEW.id, NEW.name);
            END;
            CREATE TRIGGER tenants_update_names AFTER UPDATE OF name ON tenants BEGIN
                INSERT INTO tenant_names (tenant_names, rowid, name) VALUES ('delete', OLD.id, OLD.name);
                INSERT INTO tenant_names (rowid, name) VALUES (NEW.id, NEW.name);
            END;
            CREATE TRIGGER tenants_delete_names AFTER DELETE ON tenants BEGIN
                INSERT INTO tenant_names (tenant_names, rowid, name) VALUES ('delete', OLD.id, OLD.name);
            END;

            CREATE INDEX tickets_queue_by_status_priority ON tickets(
                status, priority, updated_at DESC, operator_id, area, request_type, tenant_id);
            """)
}
