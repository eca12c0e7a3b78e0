import PortalCore

/// What the privacy notice promises to keep no longer than it says ("Per quanto tempo li
/// conserviamo"), removed by `portal-mailer` when it starts and every hour: expired
/// sessions, logins under way, trusted devices and recovery links; finished invitations; the
/// security trail and received-mail records past twelve months; delivered e-mails past a
/// month; browsers unseen for a year; expired kept forms; the tickets of companies deactivated
/// ten years ago; and the accounts of people no
/// longer in any company once "Ripristina utente" can no longer bring them back (their
/// tickets keep their name; the foreign keys set the rest to NULL or delete it with them).
/// Nothing did before: the rows stayed, IP addresses and browsers with them.
public struct RetentionSweep {
    let database: Database

    public init(database: Database) { self.database = database }

    /// "Registri tecnici e di sicurezza: non oltre 12 mesi".
    public static let trailKept: Int64 = 365 * 86400
    /// A delivered e-mail is no register: kept a month for "portal-admin mail list".
    public static let deliveredMailKept: Int64 = 30 * 86400
    /// An accepted or withdrawn invitation answers "Accetta" pressed again for a day.
    public static let finishedInvitationKept: Int64 = 86400
    /// An account without a company is erased this long after it was created at the earliest
    /// (an invitation being provisioned has its pending invitation anyway).
    public static let accountGrace: Int64 = 86400

    /// "Richieste di assistenza e allegati": for the support contract's duration and at most
    /// the ordinary ten-year limitation period after it ends, which on the portal is the
    /// company's deactivation.
    public static let ticketsKeptAfterContract: Int64 = 3653 * 86400
    /// Tickets removed per transaction: a company's thousands of tickets, with their messages,
    /// files' rows and text index entries, would hold the single writer for seconds at once.
    public static let ticketBatch = 200

    /// How many rows each step removed, for the log line.
    public struct Report: Sendable, Equatable {
        public var rows: [String: Int] = [:]
        public var total: Int { rows.values.reduce(0, +) }
    }

    @discardableResult
    public func run(now: Timestamp) throws -> Report {
        var report = Report()
        let finished = now - Self.finishedInvitationKept
        // Each store's own expiry where it has one; the rest are the notice's periods.
        let steps: [(String, () throws -> Void)] = [
            ("sessions", { try SessionStore(database).deleteExpired(now: now) }),
            ("ended_sessions", { try SessionStore(database).forgetEndedReasons(now: now) }),
            ("login_challenges", { try LoginChallengeStore(database).deleteExpired(now: now) }),
            ("kept_forms", { try KeptFormStore(database).deleteExpired(now: now) }),
            // The brake counts a quarter of an hour: a day is far past any window.
            ("login_failures", { try LoginFailureStore(database).forgetClosedWindows(now: now, window: 86400) }),
            ("removed_members", { try TenantStore(database).forgetRemovals(now: now) }),
            // A removed address is kept only while a ticket of that company names it as its
            // «Email» (what it keeps out of the ticket's e-mails); after the 15 minutes in which
            // the removal can be undone.
            ("removed_addresses", {
                try database.run(
                    """
                    DELETE FROM removed_addresses WHERE removed_at <= ? AND NOT EXISTS (
                        SELECT 1 FROM tickets t WHERE t.tenant_id = removed_addresses.tenant_id
                            AND t.contact_email = removed_addresses.email COLLATE NOCASE)
                    """, [now - TenantStore.restoreWindow])
            }),
            ("trusted_devices", { try database.run("DELETE FROM trusted_devices WHERE expires_at <= ?", [now]) }),
            ("password_resets", {
                try database.run("DELETE FROM password_resets WHERE expires_at <= ? OR used_at <= ?", [now, now - 86400])
            }),
            ("invitations", {
                try database.run(
                    """
                    DELETE FROM invitations WHERE accepted_at <= ? OR cancelled_at <= ?
                        OR (accepted_at IS NULL AND cancelled_at IS NULL AND expires_at <= ?)
                    """, [finished, finished, finished])
            }),
            ("audit_events", { try database.run("DELETE FROM audit_events WHERE at <= ?", [now - Self.trailKept]) }),
            ("inbound_mail", { try database.run("DELETE FROM inbound_mail WHERE received_at <= ?", [now - Self.trailKept]) }),
            ("outbox", {
                let before = now - Self.deliveredMailKept
                try database.run("DELETE FROM outbox WHERE sent_at <= ? OR discarded_at <= ?", [before, before])
            }),
            ("known_browsers", {
                try database.run("DELETE FROM known_browsers WHERE last_seen_at <= ?", [now - KnownBrowserStore.lifetime])
            }),
        ]
        // One transaction per step: none holds the writer long, and a failed one leaves the rest.
        for (name, step) in steps {
            let removed = try database.write { _ in
                try step()
                return database.changes
            }
            if removed > 0 { report.rows[name] = removed }
        }
        // A ticket's messages and files' rows go with it (foreign keys); the files themselves
        // with the next upload sweep, once no attachment holds them.
        var tickets = 0
        while true {
            let removed = try database.write { _ in
                try database.run(
                    """
                    DELETE FROM tickets WHERE id IN (SELECT t.id FROM tenants c JOIN tickets t ON t.tenant_id = c.id
                        WHERE c.deactivated_at <= ? LIMIT ?)
                    """, [now - Self.ticketsKeptAfterContract, Int64(Self.ticketBatch)])
                return database.changes
            }
            tickets += removed
            if removed < Self.ticketBatch { break }
        }
        if tickets > 0 { report.rows["tickets"] = tickets }
        // After removed_members: a person removed within the window can still come back.
        let erasable = try database.query(
            """
            SELECT id, email FROM users WHERE is_operator = 0 AND created_at <= ?
                AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)
                AND NOT EXISTS (SELECT 1 FROM removed_members r WHERE r.user_id = users.id)
                AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.email = users.email
                    AND i.accepted_at IS NULL AND i.cancelled_at IS NULL AND i.expires_at > ?)
            """, [now - Self.accountGrace, now])
        for account in erasable {
            try database.write { _ in
                // Their address as a ticket's "Email" goes too: with the account gone, nothing
                // would tell it from an outside contact's, and the company's e-mails would reach
                // them again.
                try database.run("UPDATE tickets SET contact_email = '' WHERE contact_email = ?", [account.string("email")])
                try database.run("DELETE FROM users WHERE id = ?", [account.int("id")])
            }
        }
        if !erasable.isEmpty { report.rows["users"] = erasable.count }
        return report
    }
}
