import PortalCore

public struct InvitationRecord: Sendable {
    public let id: Int64
    public let tenantID: Int64
    public let email: String
    public let role: Role
    public let createdAt: Timestamp
    public let expiresAt: Timestamp
}

public struct InvitationStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public static let validity: Int64 = 14 * 24 * 3600

    /// Creates the pending invitation, or refreshes the one that exists (inviting twice
    /// never makes two). Returns the invitation and whether it is new.
    public func invite(tenantID: Int64, email: EmailAddress, role: Role, invitedBy: Int64?, now: Timestamp) throws
        -> (InvitationRecord, isNew: Bool)
    {
        // To the end of the day its e-mail and "Scade il" name, not the sending's hour on it.
        let expires = RomeTime.endOfDay(containing: now + InvitationStore.validity)
        if let existing = try pending(tenantID: tenantID, email: email) {
            try database.run(
                "UPDATE invitations SET role = ?, last_sent_at = ?, expires_at = ? WHERE id = ?",
                [role.rawValue, now, expires, existing.id])
            return (try pending(tenantID: tenantID, email: email)!, false)
        }
        try database.run(
            """
            INSERT INTO invitations (tenant_id, email, role, invited_by, created_at, last_sent_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [tenantID, email.value, role.rawValue, invitedBy, now, now, expires])
        return (try pending(tenantID: tenantID, email: email)!, true)
    }

    public func pending(tenantID: Int64, email: EmailAddress) throws -> InvitationRecord? {
        try database.queryOne(
            InvitationStore.columns + """

            WHERE tenant_id = ? AND email = ? AND accepted_at IS NULL AND cancelled_at IS NULL
            """, [tenantID, email.value]
        ).map(InvitationStore.record)
    }

    public func pending(email: EmailAddress, now: Timestamp) throws -> [InvitationRecord] {
        try database.query(
            InvitationStore.columns + """

            WHERE email = ? AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > ?
            ORDER BY id
            """, [email.value, now]
        ).map(InvitationStore.record)
    }

    static func record(_ row: Row) -> InvitationRecord {
        InvitationRecord(
            id: row.int("id"), tenantID: row.int("tenant_id"), email: row.string("email"),
            role: Role(rawValue: row.string("role")) ?? .technician, createdAt: row.int("created_at"),
            expiresAt: row.int("expires_at"))
    }

    /// Accepts a pending, unexpired invitation addressed to `email`; returns it, or nil when
    /// there is no such invitation (cancelled, accepted, expired or someone else's).
    public enum Acceptance {
        case accepted(InvitationRecord)
        /// Pending, but with another role than the page showed: not accepted.
        case roleChanged
        /// Accepted already, withdrawn or expired.
        case notPending
    }

    /// Accepts a pending invitation to `email`, unless its role is no longer `shownRole` (the
    /// role on the page the person read; nil when the form did not say it).
    public func accept(id: Int64, email: EmailAddress, shownRole: Role?, now: Timestamp) throws -> Acceptance {
        guard let invitation = try pending(email: email, now: now).first(where: { $0.id == id }) else { return .notPending }
        if let shownRole, invitation.role != shownRole { return .roleChanged }
        try database.run("UPDATE invitations SET accepted_at = ? WHERE id = ?", [now, id])
        return .accepted(invitation)
    }

    /// The company of an invitation to `email` already accepted: a second "Accetta" (Back,
    /// then the button again) finds it done rather than withdrawn.
    /// The company of this person's invitation, whatever became of it.
    public func tenant(ofInvitation id: Int64, email: EmailAddress) throws -> Int64? {
        try database.queryOne("SELECT tenant_id FROM invitations WHERE id = ? AND email = ?", [id, email.value])?.int(at: 0)
    }

    public func acceptedTenant(id: Int64, email: EmailAddress) throws -> Int64? {
        try database.queryOne(
            "SELECT tenant_id FROM invitations WHERE id = ? AND email = ? AND accepted_at IS NOT NULL", [id, email.value]
        )?.int(at: 0)
    }

    /// A company's pending invitations a page at a time: a company that invited hundreds drew
    /// them all on one page (636 KB, 150 ms).
    public static let pageSize = 50

    /// The columns `record` reads.
    static let columns = "SELECT id, tenant_id, email, role, created_at, expires_at FROM invitations"
    /// A company's pending invitations (its id and the time as arguments), one clause for the
    /// list, its pages, its count and one invitation, so that they cannot drift apart.
    static let pendingOfCompany = " WHERE tenant_id = ? AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > ?"

    /// How many pending invitations the company has.
    public func pendingCount(tenantID: Int64, now: Timestamp) throws -> Int {
        Int(try database.scalarInt("SELECT count(*) FROM invitations" + InvitationStore.pendingOfCompany, [tenantID, now]))
    }

    /// One page of `pending(tenantID:now:)` and how many there are, from one snapshot.
    public func pending(tenantID: Int64, now: Timestamp, page: Int) throws -> (invitations: [InvitationRecord], total: Int) {
        try database.read {
            let rows = try database.query(
                InvitationStore.columns + InvitationStore.pendingOfCompany + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                [tenantID, now, InvitationStore.pageSize, (page - 1) * InvitationStore.pageSize])
            return (rows.map(InvitationStore.record), try pendingCount(tenantID: tenantID, now: now))
        }
    }

    public func pending(tenantID: Int64, now: Timestamp) throws -> [InvitationRecord] {
        try database.query(
            InvitationStore.columns + InvitationStore.pendingOfCompany + " ORDER BY created_at DESC, id DESC", [tenantID, now]
        ).map(InvitationStore.record)
    }

    /// A pending invitation of this company (another company's id answers nil).
    public func pending(id: Int64, tenantID: Int64, now: Timestamp) throws -> InvitationRecord? {
        try database.queryOne(InvitationStore.columns + InvitationStore.pendingOfCompany + " AND id = ?", [tenantID, now, id])
            .map(InvitationStore.record)
    }

    /// One invitation e-mail sent, for the limits per address and per company.
    public func recordSend(email: EmailAddress, tenantID: Int64, now: Timestamp) throws {
        try database.run("INSERT INTO invitation_sends (email, tenant_id, sent_at) VALUES (?, ?, ?)", [email.value, tenantID, now])
    }

    /// Invitation e-mails sent to `email` (from any company) since `since`.
    public func sends(email: EmailAddress, since: Timestamp) throws -> Int {
        Int(try database.scalarInt("SELECT count(*) FROM invitation_sends WHERE email = ? AND sent_at >= ?", [email.value, since]))
    }

    /// Invitation e-mails the company sent since `since`.
    public func sends(tenantID: Int64, since: Timestamp) throws -> Int {
        Int(try database.scalarInt("SELECT count(*) FROM invitation_sends WHERE tenant_id = ? AND sent_at >= ?", [tenantID, since]))
    }

    /// "Ruoli assegnati" of an invitation not yet accepted: the role its acceptance gives.
    public func setRole(id: Int64, tenantID: Int64, role: Role) throws {
        try database.run(
            "UPDATE invitations SET role = ? WHERE id = ? AND tenant_id = ? AND accepted_at IS NULL AND cancelled_at IS NULL",
            [role.rawValue, id, tenantID])
    }

    /// Whether the invitation is this company's, in whatever state.
    public func belongs(id: Int64, tenantID: Int64) throws -> Bool {
        try database.scalarInt("SELECT EXISTS (SELECT 1 FROM invitations WHERE id = ? AND tenant_id = ?)", [id, tenantID]) != 0
    }

    /// Whether the company's invitation was removed ("Rimuovi" pressed again finds it so).
    public func isCancelled(id: Int64, tenantID: Int64) throws -> Bool {
        try database.scalarInt(
            "SELECT EXISTS (SELECT 1 FROM invitations WHERE id = ? AND tenant_id = ? AND cancelled_at IS NOT NULL)", [id, tenantID]) != 0
    }

    /// The company's invitations its deactivation withdrew (`markWithdrawnWithCompany`) and not
    /// expired, pending again; returns them. Those expired meanwhile lose the mark and the
    /// withdrawal with it: expired, not removed (a login with one read «Invito rimosso»).
    public func restoreWithdrawn(tenantID: Int64, now: Timestamp) throws -> [InvitationRecord] {
        let restored = try withdrawnWithCompany(tenantID: tenantID, now: now)
        try database.run(
            "UPDATE invitations SET cancelled_at = NULL, withdrawn_with_company = 0 WHERE tenant_id = ? AND withdrawn_with_company = 1",
            [tenantID])
        return restored
    }

    /// The company's invitations its deactivation withdrew and not expired: "Riattiva" gives
    /// them back (`restoreWithdrawn`); its page lists them meanwhile.
    public func withdrawnWithCompany(tenantID: Int64, now: Timestamp) throws -> [InvitationRecord] {
        try database.query(
            InvitationStore.columns + """

            WHERE tenant_id = ? AND withdrawn_with_company = 1 AND accepted_at IS NULL AND expires_at > ?
            ORDER BY created_at DESC, id DESC
            """, [tenantID, now]
        ).map(InvitationStore.record)
    }

    /// Whether the address has an invitation of the company its deactivation withdrew, not
    /// expired: "Riattiva" gives it back.
    public func isWithdrawnWithCompany(email: EmailAddress, tenantID: Int64, now: Timestamp) throws -> Bool {
        try database.scalarInt(
            """
            SELECT EXISTS (SELECT 1 FROM invitations WHERE email = ? AND tenant_id = ? AND withdrawn_with_company = 1
                AND accepted_at IS NULL AND expires_at > ?)
            """, [email.value, tenantID, now]) != 0
    }

    /// Whether the company's latest invitation to `email` was removed by someone ("Rimuovi"),
    /// not withdrawn with the company's deactivation.
    public func wasRemoved(email: EmailAddress, tenantID: Int64) throws -> Bool {
        try database.scalarInt(
            """
            SELECT coalesce((SELECT cancelled_at IS NOT NULL AND withdrawn_with_company = 0 FROM invitations
                WHERE email = ? AND tenant_id = ? ORDER BY id DESC LIMIT 1), 0)
            """, [email.value, tenantID]) != 0
    }

    /// Marks a pending invitation withdrawn by its company's deactivation (with `cancel`).
    public func markWithdrawnWithCompany(id: Int64) throws {
        try database.run("UPDATE invitations SET withdrawn_with_company = 1 WHERE id = ?", [id])
    }

    public func cancel(id: Int64, tenantID: Int64, now: Timestamp) throws {
        try database.run(
            "UPDATE invitations SET cancelled_at = ? WHERE id = ? AND tenant_id = ? AND accepted_at IS NULL", [now, id, tenantID])
    }
}
