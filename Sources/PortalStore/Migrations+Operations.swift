extension Migrations {
    /// Operations hardening (issue 16): urgent mail before notifications, secrets emptied once
    /// delivered, mail held after a restore, uploads kept only with their form and under a
    /// company quota, invitation limits, idempotent ticket posts, and a trail that outlives
    /// nothing because companies are never deleted.
    static let operations = Migration(
        name: "0010_operations",
        sql: """
            -- 0: codes, reset links, credentials, invitations; 1: notifications. Sent in that order.
            ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 1 CHECK (priority IN (0, 1));
            -- carries a code, a reset link or a password: the body is emptied once delivered
            ALTER TABLE outbox ADD COLUMN secret INTEGER NOT NULL DEFAULT 0;
            -- set by a restore without --resend-mail: queued in the backup, never sent from it
            ALTER TABLE outbox ADD COLUMN discarded_at INTEGER;
            DROP INDEX outbox_due;
            CREATE INDEX outbox_queue ON outbox(priority, id) WHERE sent_at IS NULL AND discarded_at IS NULL;

            -- files written for a form not (yet) accepted: counted in the company's quota and
            -- swept when no attachment took them within minutes
            CREATE TABLE staged_files (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                sha256 TEXT NOT NULL,
                size INTEGER NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX staged_files_by_tenant ON staged_files(tenant_id, sha256);
            CREATE INDEX staged_files_by_time ON staged_files(created_at);
            -- the sweep asks whether any attachment holds a stored file
            CREATE INDEX attachments_by_sha ON attachments(sha256);

            -- every invitation e-mail, for the limits per address and per company
            CREATE TABLE invitation_sends (
                email TEXT NOT NULL,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                sent_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX invitation_sends_by_email ON invitation_sends(email, sent_at);
            CREATE INDEX invitation_sends_by_tenant ON invitation_sends(tenant_id, sent_at);
            -- the company whose invitation e-mail gave the provisional password: another
            -- company's invitation never replaces it
            ALTER TABLE users ADD COLUMN provisional_tenant_id INTEGER REFERENCES tenants(id) ON DELETE SET NULL;

            -- a ticket or reply form's key: a retried POST finds what the first one created
            CREATE TABLE submissions (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                location TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (user_id, key)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX submissions_by_time ON submissions(created_at);

            -- The audit trail (and every ticket) would go with a deleted company: companies are
            -- deactivated ("Disattiva azienda"), never deleted.
            CREATE TRIGGER tenants_never_deleted BEFORE DELETE ON tenants
            BEGIN
                SELECT RAISE(ABORT, 'companies are deactivated, never deleted');
            END;
            """)
}
