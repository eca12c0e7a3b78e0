import PortalCore

/// Members removed a short while ago, who may be put back as they were ("Ripristina utente").
extension TenantStore {
    /// How long a removal can be undone: long enough to notice a slip, short enough that the
    /// company's list of people is not second-guessed days later.
    public static let restoreWindow: Int64 = 15 * 60

    /// Removes the member and keeps what undoing it needs.
    public func removeMember(_ member: MemberRow, tenantID: Int64, now: Timestamp) throws {
        try forgetRemovals(now: now)
        try database.run(
            """
            INSERT INTO removed_members (tenant_id, user_id, role, active_since, removed_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, user_id) DO UPDATE SET
                role = excluded.role, active_since = excluded.active_since, removed_at = excluded.removed_at
            """, [tenantID, member.userID, member.role.rawValue, member.activeSince, now])
        try database.run(
            """
            INSERT INTO removed_addresses (tenant_id, email, removed_at) VALUES (?, ?, ?)
            ON CONFLICT (tenant_id, email) DO UPDATE SET removed_at = excluded.removed_at
            """, [tenantID, member.email, now])
        try removeMember(userID: member.userID, tenantID: tenantID)
    }

    /// Whether the company ever removed the person at `email` and they are not its member now
    /// (an account of theirs may since have been deleted): a ticket's "Email" of theirs is no
    /// outside contact.
    public func removedAndNotBack(email: EmailAddress, tenantID: Int64) throws -> Bool {
        try database.scalarInt(
            """
            SELECT EXISTS (SELECT 1 FROM removed_addresses WHERE tenant_id = ? AND email = ?)
                AND NOT EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ? AND u.email = ?)
            """, [tenantID, email.value, tenantID, email.value]) != 0
    }

    /// Removals that can no longer be undone (the window has passed).
    public func forgetRemovals(now: Timestamp) throws {
        try database.run("DELETE FROM removed_members WHERE removed_at <= ?", [now - TenantStore.restoreWindow])
    }

    /// Those removed within the window who are not members again, newest first.
    public func restorableMembers(tenantID: Int64, now: Timestamp) throws -> [MemberRow] {
        try database.query(
            """
            SELECT u.id, u.email, u.first_name, u.last_name, r.role, r.active_since
            FROM removed_members r JOIN users u ON u.id = r.user_id
            WHERE r.tenant_id = ? AND r.removed_at > ?
                AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = r.tenant_id AND m.user_id = r.user_id)
            ORDER BY r.removed_at DESC, u.email
            """, [tenantID, now - TenantStore.restoreWindow]
        ).map(MemberRow.init)
    }

    /// Whether this company removed the person (within the window or not yet forgotten).
    public func wasRemoved(userID: Int64, tenantID: Int64) throws -> Bool {
        try database.queryOne("SELECT 1 FROM removed_members WHERE tenant_id = ? AND user_id = ?", [tenantID, userID]) != nil
            || membership(userID: userID, tenantID: tenantID) != nil
    }

    /// Puts a member removed within the window back with their role and "attivo dal"; nil
    /// when the window has passed (or they are a member again).
    public func restoreMember(userID: Int64, tenantID: Int64, now: Timestamp) throws -> MemberRow? {
        guard let member = try restorableMembers(tenantID: tenantID, now: now).first(where: { $0.userID == userID }) else {
            return nil
        }
        try database.run(
            "INSERT INTO memberships (user_id, tenant_id, role, active_since) VALUES (?, ?, ?, ?)",
            [userID, tenantID, member.role.rawValue, member.activeSince])
        try database.run("DELETE FROM removed_addresses WHERE tenant_id = ? AND email = ?", [tenantID, member.email])
        // The removal forgot it as their last company: back as they were, their next login
        // goes straight in instead of asking to choose their only company.
        try database.run("UPDATE users SET last_tenant_id = ? WHERE id = ? AND last_tenant_id IS NULL", [tenantID, userID])
        return member
    }
}
