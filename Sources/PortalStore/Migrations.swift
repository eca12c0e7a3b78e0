/// The schema of the whole manual, including the screens that later issues build.
/// Times are Unix seconds (UTC); tokens and codes are stored only as BLAKE2b-256 hashes.
public enum Migrations {
    public static let all: [Migration] = [
        initial, contentVersion, tenantContent, desk, deskFilters, vendorRoles, vendorAdministration, responseTargets, operations,
        customerSearch, keptForms, mailGate, accessHardening, keptFormLimits,
        deskPerformance, customerListIndexes, deskQueueColumns, noContentStamp, searchFilters, queueScale, deskCellsVersion,
        figuresIndex, keptFormBytes, responsePause, removedMembers, keptFormOwner,
        answerPause, messagesByAuthor, deadlinesPending, withdrawnInvitations, ticketCreationLimit, replyLimit, searchPeople, returnedTickets,
        lastReplySide, searchPhone, replacedCode, endedSessions, endedSessionsWithoutCompany, removedAddresses,
        queueTies,
    ]

    static let initial = Migration(
        name: "0001_initial",
        sql: """
            CREATE TABLE settings (
                name TEXT PRIMARY KEY,
                value BLOB NOT NULL
            ) STRICT;

            CREATE TABLE tenants (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                vat TEXT NOT NULL UNIQUE,
                created_at INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                first_name TEXT NOT NULL DEFAULT '',
                last_name TEXT NOT NULL DEFAULT '',
                password_hash TEXT NOT NULL,
                -- provisional credentials lead only to the first-access page ("Creazione Utente")
                password_is_provisional INTEGER NOT NULL DEFAULT 0,
                provisional_expires_at INTEGER,
                privacy_accepted_at INTEGER,
                is_operator INTEGER NOT NULL DEFAULT 0,
                picture_sha256 TEXT,
                picture_type TEXT,
                last_tenant_id INTEGER REFERENCES tenants(id) ON DELETE SET NULL,
                failed_logins INTEGER NOT NULL DEFAULT 0,
                failed_login_window_start INTEGER NOT NULL DEFAULT 0,
                last_failed_login_at INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE roles (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                may_administer INTEGER NOT NULL
            ) STRICT;
            INSERT INTO roles (code, name, description, may_administer) VALUES
                ('admin', 'Amministratore', 'Tutto, compresa la gestione degli utenti e degli inviti dell''azienda.', 1),
                ('tech', 'Tecnico', 'Ticket, dashboard e il proprio profilo.', 0);

            CREATE TABLE memberships (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                role TEXT NOT NULL REFERENCES roles(code),
                active_since INTEGER NOT NULL,
                PRIMARY KEY (user_id, tenant_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX memberships_by_tenant ON memberships(tenant_id);

            CREATE TABLE invitations (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                email TEXT NOT NULL,
                role TEXT NOT NULL REFERENCES roles(code),
                invited_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
                created_at INTEGER NOT NULL,
                last_sent_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                accepted_at INTEGER,
                cancelled_at INTEGER
            ) STRICT;
            -- one pending invitation per address and company
            CREATE UNIQUE INDEX invitations_pending ON invitations(tenant_id, email)
                WHERE accepted_at IS NULL AND cancelled_at IS NULL;
            CREATE INDEX invitations_by_email ON invitations(email);

            CREATE TABLE sessions (
                id INTEGER PRIMARY KEY,
                token_hash BLOB NOT NULL UNIQUE,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                tenant_id INTEGER REFERENCES tenants(id) ON DELETE CASCADE,
                remember INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                user_agent TEXT NOT NULL DEFAULT '',
                client_ip TEXT NOT NULL DEFAULT ''
            ) STRICT;
            CREATE INDEX sessions_by_user ON sessions(user_id);

            -- a login between the password and the session: first access, e-mail code, company choice
            CREATE TABLE login_challenges (
                id INTEGER PRIMARY KEY,
                token_hash BLOB NOT NULL UNIQUE,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                stage TEXT NOT NULL,
                remember INTEGER NOT NULL DEFAULT 0,
                return_to TEXT NOT NULL DEFAULT '',
                code_hash BLOB,
                code_expires_at INTEGER,
                code_attempts INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX login_challenges_by_user ON login_challenges(user_id);

            -- every e-mail code sent, for the "3 codes per 15 minutes" limit
            CREATE TABLE login_codes_sent (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                sent_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX login_codes_sent_by_user ON login_codes_sent(user_id, sent_at);

            CREATE TABLE trusted_devices (
                id INTEGER PRIMARY KEY,
                token_hash BLOB NOT NULL UNIQUE,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                user_agent TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                last_used_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX trusted_devices_by_user ON trusted_devices(user_id);

            CREATE TABLE password_resets (
                id INTEGER PRIMARY KEY,
                token_hash BLOB NOT NULL UNIQUE,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                used_at INTEGER
            ) STRICT;

            CREATE TABLE tickets (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                number INTEGER NOT NULL UNIQUE,
                title TEXT NOT NULL,
                requester_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
                requester_name TEXT NOT NULL,
                contact_email TEXT NOT NULL,
                phone TEXT NOT NULL DEFAULT '',
                contact_preference TEXT NOT NULL CHECK (contact_preference IN ('web', 'phone')),
                request_type TEXT NOT NULL CHECK (request_type IN ('assistance', 'appointment')),
                area TEXT NOT NULL CHECK (area IN ('administrative', 'management', 'systems')),
                priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'blocking')),
                priority_rank INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('unassigned', 'waiting', 'postponed', 'development', 'closed')),
                operator_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
                -- "Referente ticket": the company's user the operator talks to
                referent_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
                technical_details TEXT NOT NULL DEFAULT '',
                first_line TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                last_reply_at INTEGER NOT NULL,
                closed_at INTEGER
            ) STRICT;
            CREATE INDEX tickets_by_tenant_created ON tickets(tenant_id, created_at DESC);
            CREATE INDEX tickets_by_tenant_reply ON tickets(tenant_id, last_reply_at DESC);
            CREATE INDEX tickets_by_tenant_priority ON tickets(tenant_id, priority_rank DESC, created_at DESC);
            CREATE INDEX tickets_by_status ON tickets(status, created_at);
            -- counts the list's pages without reading the tickets themselves
            CREATE INDEX tickets_by_tenant_status ON tickets(tenant_id, status);

            CREATE TABLE messages (
                id INTEGER PRIMARY KEY,
                ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
                author_name TEXT NOT NULL,
                author_is_operator INTEGER NOT NULL DEFAULT 0,
                body TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX messages_by_ticket ON messages(ticket_id, created_at);

            CREATE TABLE attachments (
                id INTEGER PRIMARY KEY,
                ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                message_id INTEGER REFERENCES messages(id) ON DELETE CASCADE,
                file_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX attachments_by_ticket ON attachments(ticket_id);

            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                recipients TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                sent_at INTEGER,
                last_error TEXT
            ) STRICT;
            CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE sent_at IS NULL;

            -- per user and company: remembered ticket filters, dashboard layout
            CREATE TABLE user_preferences (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (user_id, tenant_id, name)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE audit_events (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                tenant_id INTEGER REFERENCES tenants(id) ON DELETE CASCADE,
                user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
                actor_email TEXT NOT NULL DEFAULT '',
                event TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT '',
                client_ip TEXT NOT NULL DEFAULT ''
            ) STRICT;
            CREATE INDEX audit_by_tenant ON audit_events(tenant_id, at DESC);

            -- requests made on the legacy portal's P.IVA page
            CREATE TABLE legacy_access_requests (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                vat TEXT NOT NULL,
                client_ip TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL
            ) STRICT;
            """)

    /// One counter that moves with every change to what the pages show of a company
    /// (tickets, messages, files, names, memberships), and not with logins or sessions: the
    /// workers' caches of rendered parts checked it (0003 made it one per company, 0020 dropped
    /// it with the caches), so a user being active somewhere did not throw them away.
    static let contentVersion = Migration(
        name: "0002_content_version",
        sql: """
            CREATE TABLE content_version (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL
            ) STRICT;
            INSERT INTO content_version (id, version) VALUES (1, 0);
            """ + contentTriggers)

    /// Generated once, for 0002 only; released, so it must never change. 0003 replaces its
    /// triggers with literal SQL.
    static var contentTriggers: String {
        let bump = "BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;"
        var sql = ""
        for table in ["tenants", "memberships", "tickets", "messages", "attachments"] {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                sql += "\nCREATE TRIGGER \(table)_\(event.lowercased())_content AFTER \(event) ON \(table) \(bump)"
            }
        }
        sql += "\nCREATE TRIGGER users_insert_content AFTER INSERT ON users \(bump)"
        sql += "\nCREATE TRIGGER users_delete_content AFTER DELETE ON users \(bump)"
        sql += "\nCREATE TRIGGER users_names_content AFTER UPDATE OF first_name, last_name, email ON users \(bump)"
        return sql
    }

    // Its triggers repeat one shape per table on purpose: a released migration is literal
    // SQL, never generated by code, so that what ran once can be read and runs the same again.
    /// One content stamp per company instead of one for everybody: a write in one company no
    /// longer empties every other company's kept parts in every worker. The triggers cover
    /// every table that a kept part read (migration 0020 dropped them with the kept parts).
    /// Also the indexes the operators' queue and these triggers search by.
    static let tenantContent = Migration(
        name: "0003_tenant_content",
        sql: """
            DROP TRIGGER tenants_insert_content;
            DROP TRIGGER tenants_update_content;
            DROP TRIGGER tenants_delete_content;
            DROP TRIGGER memberships_insert_content;
            DROP TRIGGER memberships_update_content;
            DROP TRIGGER memberships_delete_content;
            DROP TRIGGER tickets_insert_content;
            DROP TRIGGER tickets_update_content;
            DROP TRIGGER tickets_delete_content;
            DROP TRIGGER messages_insert_content;
            DROP TRIGGER messages_update_content;
            DROP TRIGGER messages_delete_content;
            DROP TRIGGER attachments_insert_content;
            DROP TRIGGER attachments_update_content;
            DROP TRIGGER attachments_delete_content;
            DROP TRIGGER users_insert_content;
            DROP TRIGGER users_delete_content;
            DROP TRIGGER users_names_content;
            DROP TABLE content_version;

            CREATE TABLE tenant_content (
                tenant_id INTEGER PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
                version INTEGER NOT NULL DEFAULT 0
            ) STRICT;
            INSERT INTO tenant_content (tenant_id, version) SELECT id, 0 FROM tenants;

            CREATE INDEX tickets_by_operator ON tickets(operator_id);
            CREATE INDEX tickets_by_requester ON tickets(requester_id);
            CREATE INDEX tickets_by_referent ON tickets(referent_id);

            CREATE TRIGGER tenants_insert_content AFTER INSERT ON tenants BEGIN
                INSERT INTO tenant_content (tenant_id, version) VALUES (NEW.id, 0);
            END;
            CREATE TRIGGER tenants_update_content AFTER UPDATE ON tenants BEGIN
                UPDATE tenant_content SET version = version + 1 WHERE tenant_id = NEW.id;
            END;

            CREATE TRIGGER memberships_insert_content AFTER INSERT ON memberships BEGIN
                UPDATE tenant_content SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
            END;
            CREATE TRIGGER memberships_update_content AFTER UPDATE ON memberships BEGIN
                UPDATE tenant_content SET version = version + 1 WHERE tenant_id IN (OLD.tenant_id, NEW.tenant_id);
            END;
            CREATE TRIGGER memberships_delete_content AFTER DELETE ON memberships BEGIN
                UPDATE tenant_content SET version = version + 1 WHERE tenant_id = OLD.tenant_id;
            END;

            CREATE TRIGGER tickets_insert_content AFTER INSERT ON tickets BEGIN
                UPDATE tenant_content SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
            END;
            CREATE TRIGGER tickets_update_content AFTER UPDATE ON tickets BEGIN
                UPDATE tenant_content SET version = version + 1 WHERE tenant_id IN (OLD.tenant_id, NEW.tenant_id);
            END;
            CREATE TRIGGER tickets_delete_content AFTER DELETE ON tickets BEGIN
                UPDATE tenant_content SET version = version + 1 WHERE tenant_id = OLD.tenant_id;
            END;

            CREATE TRIGGER messages_insert_content AFTER INSERT ON messages BEGIN
                UPDATE tenant_content SET version = version + 1
                WHERE tenant_id = (SELECT tenant_id FROM tickets WHERE id = NEW.ticket_id);
            END;
            CREATE TRIGGER messages_update_content AFTER UPDATE ON messages BEGIN
                UPDATE tenant_content SET version = version + 1
                WHERE tenant_id IN (SELECT tenant_id FROM tickets WHERE id IN (OLD.ticket_id, NEW.ticket_id));
            END;
            CREATE TRIGGER messages_delete_content AFTER DELETE ON messages BEGIN
                UPDATE tenant_content SET version = version + 1
                WHERE tenant_id = (SELECT tenant_id FROM tickets WHERE id = OLD.ticket_id);
            END;

            CREATE TRIGGER attachments_insert_content AFTER INSERT ON attachments BEGIN
                UPDATE tenant_content SET version = version + 1
                WHERE tenant_id = (SELECT tenant_id FROM tickets WHERE id = NEW.ticket_id);
            END;
            CREATE TRIGGER attachments_update_content AFTER UPDATE ON attachments BEGIN
                UPDATE tenant_content SET version = version + 1
                WHERE tenant_id IN (SELECT tenant_id FROM tickets WHERE id IN (OLD.ticket_id, NEW.ticket_id));
            END;
            CREATE TRIGGER attachments_delete_content AFTER DELETE ON attachments BEGIN
                UPDATE tenant_content SET version = version + 1
                WHERE tenant_id = (SELECT tenant_id FROM tickets WHERE id = OLD.ticket_id);
            END;

            -- a name or address shows wherever the person is a member, asked, answers or is
            -- the referent; new people show only once they join (memberships), and a deleted
            -- person's memberships and tickets change (cascade, SET NULL) and move the stamp.
            CREATE TRIGGER users_update_content AFTER UPDATE OF first_name, last_name, email ON users BEGIN
                UPDATE tenant_content SET version = version + 1 WHERE tenant_id IN (
                    SELECT tenant_id FROM memberships WHERE user_id = NEW.id
                    UNION SELECT tenant_id FROM tickets WHERE requester_id = NEW.id
                    UNION SELECT tenant_id FROM tickets WHERE operator_id = NEW.id
                    UNION SELECT tenant_id FROM tickets WHERE referent_id = NEW.id);
            END;
            """)
}
