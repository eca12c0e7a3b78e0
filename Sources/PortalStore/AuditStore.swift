import PortalCore

/// The security and administration trail. Rows never hold a password, code or token.
public struct AuditStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// One line, inside the transaction of what it records.
    public static func record(
        in transaction: WriteTransaction, _ event: String, tenantID: Int64? = nil, userID: Int64? = nil,
        actorEmail: String = "", detail: String = "", clientIP: String = "", now: Timestamp
    ) throws {
        try transaction.database.run(
            """
            INSERT INTO audit_events (at, tenant_id, user_id, actor_email, event, detail, client_ip)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [now, tenantID, userID, actorEmail, event, detail, clientIP])
    }

    /// A login's lines written before any company was known (a first access: its code, the
    /// "Dispositivo sicuro" ticked with it) go to the company the login ends in: its
    /// "Attività" showed the device removed later and never added.
    /// Only the steps of a login that went through (not a failure, another browser's
    /// abandoned login or a recovery asked from elsewhere, which stay the person's own).
    public static func adoptLogin(in transaction: WriteTransaction, userID: Int64, tenantID: Int64, since: Timestamp) throws {
        try transaction.database.run(
            """
            UPDATE audit_events SET tenant_id = ? WHERE tenant_id IS NULL AND at >= ? AND user_id = ?
                AND event IN ('first_access_completed', 'login_password_ok', 'code_sent', 'code_ok', 'device_trusted', 'login_new_device')
            """, [tenantID, since, userID])
    }

    /// One line done by `actor` (nil: a script such as `portal-admin`).
    public static func record(
        in transaction: WriteTransaction, _ event: String, tenantID: Int64? = nil, by actor: AuditActor?, detail: String = "",
        now: Timestamp
    ) throws {
        try record(
            in: transaction, event, tenantID: tenantID, userID: actor?.userID, actorEmail: actor?.email ?? "", detail: detail,
            clientIP: actor?.clientIP ?? "", now: now)
    }

    /// The people of the company's trail who are no longer its members (a removed colleague,
    /// whose lines an administrator reviews): by address.
    /// `name`: "Nome Cognome", empty for a person who never gave them.
    public func formerMembers(tenantID: Int64) throws -> [(userID: Int64, email: String, name: String)] {
        try database.query(
            """
            SELECT DISTINCT u.id, u.email, trim(u.first_name || ' ' || u.last_name), u.last_name, u.first_name
            FROM audit_events a JOIN users u ON u.id = a.user_id
            WHERE a.tenant_id = ? AND u.is_operator = 0
                AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.tenant_id = a.tenant_id)
            ORDER BY u.last_name, u.first_name, u.email
            """, [tenantID]
        ).map { ($0.int(at: 0), $0.string(at: 1), $0.string(at: 2)) }
    }

    public func count(event: String, userID: Int64) throws -> Int64 {
        try database.scalarInt("SELECT count(*) FROM audit_events WHERE event = ? AND user_id = ?", [event, userID])
    }

    /// Lines of `event` with `detail` for one user since a moment.
    public func count(event: String, detail: String, userID: Int64, since: Timestamp) throws -> Int64 {
        try database.scalarInt(
            "SELECT count(*) FROM audit_events WHERE event = ? AND detail = ? AND user_id = ? AND at >= ?", [event, detail, userID, since])
    }

    /// Whether `event` has a line since a moment for the company (or of no company) from `clientIP`.
    public func exists(event: String, tenantID: Int64?, clientIP: String, since: Timestamp) throws -> Bool {
        if let tenantID {
            return try database.scalarInt(
                "SELECT EXISTS (SELECT 1 FROM audit_events WHERE tenant_id = ? AND at >= ? AND event = ? AND client_ip = ?)",
                [tenantID, since, event, clientIP]) != 0
        }
        return try database.scalarInt(
            "SELECT EXISTS (SELECT 1 FROM audit_events WHERE at >= ? AND tenant_id IS NULL AND event = ? AND client_ip = ?)",
            [since, event, clientIP]) != 0
    }

    public struct Event: Sendable {
        public let at: Timestamp
        public let tenantID: Int64?
        /// The company's name, for the vendor's whole trail.
        public let tenantName: String?
        public let userID: Int64?
        public let actorEmail: String
        /// The actor is one of the vendor's operators, named by `actorName` in a company's
        /// trail rather than by their address.
        public let actorIsOperator: Bool
        public let actorName: String
        public let event: String
        public let detail: String
        public let clientIP: String
    }

    public static let pageSize = 50

    /// Lines a company's own trail leaves out: that an operator wrote an internal note is
    /// itself internal (its ticket and time would tell a customer one exists).
    public static let deskOnlyEvents = ["ticket_note"]

    /// The company's trail (`tenantID`), or the whole trail (nil) optionally of the companies
    /// whose name holds `company` or whose P.IVA it is; newest first, for one user and a range
    /// of days when given. `forCustomers`: the company's own reading, without `deskOnlyEvents`.
    /// `about`: with `userID`, the lines about that person too, whoever wrote them (their
    /// invitation, their role changed: the detail starts with their address); the filter
    /// "Utente" showed only what the person did, and an administrator looking for who changed
    /// Elena's role found nothing under Elena.
    public func list(
        tenantID: Int64?, forCustomers: Bool = false, company: String = "", userID: Int64? = nil, about email: String? = nil,
        from: Timestamp? = nil, until: Timestamp? = nil, page: Int
    ) throws -> (events: [Event], total: Int) {
        var filter = SQLConditions()
        filter.add("a.tenant_id", equals: tenantID)
        if forCustomers { filter.add("a.event", notIn: AuditStore.deskOnlyEvents) }
        if !company.isEmpty {
            let name = DeskStore.caseVariants("%" + DeskStore.likeEscaped(company) + "%")
            filter.add(
                "a.tenant_id IN (SELECT id FROM tenants WHERE name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR vat GLOB ?)",
                name.lower, name.upper, DeskStore.vatPrefix(company))
        }
        if let userID, let email {
            let escaped = DeskStore.likeEscaped(email)
            filter.add(
                "(a.user_id = ? OR a.detail = ? OR a.detail LIKE ? ESCAPE '\\' OR a.detail LIKE ? ESCAPE '\\')",
                userID, email, escaped + ": %", escaped + " (%")
        } else {
            filter.add("a.user_id", equals: userID)
        }
        if let from { filter.add("a.at >= ?", from) }
        if let until { filter.add("a.at < ?", until) }
        let total = try database.scalarInt("SELECT count(*) FROM audit_events a" + filter.whereClause, filter.arguments)
        let rows = try database.query(
            // Lines written without the actor's address (tickets created before it was recorded)
            // name the user they belong to.
            // A company reads where its own people acted from, not where the vendor's operators work.
            "SELECT a.at, a.tenant_id, t.name AS tenant_name, a.user_id,"
                + " coalesce(nullif(a.actor_email, ''), u.email, '') AS actor_email, coalesce(u.is_operator, 0) AS actor_is_operator,"
                + " trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')) AS actor_name, a.event, a.detail,"
                + (forCustomers ? " CASE WHEN u.is_operator = 1 THEN '' ELSE a.client_ip END AS client_ip" : " a.client_ip")
                + " FROM audit_events a LEFT JOIN tenants t ON t.id = a.tenant_id LEFT JOIN users u ON u.id = a.user_id"
                + filter.whereClause
                + " ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?",
            filter.arguments + [AuditStore.pageSize, (max(page, 1) - 1) * AuditStore.pageSize])
        return (
            rows.map {
                Event(
                    at: $0.int("at"), tenantID: $0.optionalInt("tenant_id"), tenantName: $0.optionalString("tenant_name"),
                    userID: $0.optionalInt("user_id"), actorEmail: $0.string("actor_email"),
                    actorIsOperator: $0.bool("actor_is_operator"), actorName: $0.string("actor_name"), event: $0.string("event"),
                    detail: $0.string("detail"), clientIP: $0.string("client_ip"))
            }, Int(total)
        )
    }
}

/// Who did what a line of the trail records: a person, from an address.
public struct AuditActor: Sendable {
    public let userID: Int64?
    public let email: String
    public let clientIP: String

    public init(userID: Int64?, email: String, clientIP: String = "") {
        self.userID = userID
        self.email = email
        self.clientIP = clientIP
    }
}
