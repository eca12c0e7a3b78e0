extension Migrations {
    /// The addresses a company removed, for good: `removed_members` forgets a removal once it
    /// can no longer be undone (15 minutes), and then the removed colleague typed as a ticket's
    /// "Email" was an outside contact again: mailed every reply's text, and their e-mailed
    /// answers added in the requester's name. By address, not by account: an account deleted
    /// later leaves the same address behind. Filled from the removals still remembered and
    /// from the companies' trails ("member_removed" names the address).
    static let removedAddresses = Migration(
        name: "0040_removed_addresses",
        sql: """
            CREATE TABLE removed_addresses (
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                email TEXT NOT NULL,
                removed_at INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, email)
            ) STRICT, WITHOUT ROWID;
            INSERT OR IGNORE INTO removed_addresses (tenant_id, email, removed_at)
                SELECT r.tenant_id, u.email, r.removed_at FROM removed_members r JOIN users u ON u.id = r.user_id;
            INSERT OR IGNORE INTO removed_addresses (tenant_id, email, removed_at)
                SELECT tenant_id, lower(detail), max(at) FROM audit_events
                WHERE event = 'member_removed' AND tenant_id IS NOT NULL AND detail LIKE '%_@_%'
                GROUP BY tenant_id, lower(detail);
            """)
}
