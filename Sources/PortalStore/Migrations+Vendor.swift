extension Migrations {
    /// The vendor administration: an operator's role on the desk, and the marks that end an
    /// operator's or a company's access while keeping their data.
    static let vendorRoles = Migration(
        name: "0006_vendor_roles",
        sql: """
            -- NULL for customers; 'operator' ("Operatore") or 'manager' ("Responsabile")
            ALTER TABLE users ADD COLUMN desk_role TEXT
                CHECK (desk_role IS NULL OR desk_role IN ('operator', 'manager'));
            -- Operators added before roles existed ran the desk alone: they keep every right.
            UPDATE users SET desk_role = 'manager' WHERE is_operator = 1;

            -- set when a Responsabile deactivates an operator: no login, no session, data kept
            ALTER TABLE users ADD COLUMN deactivated_at INTEGER;
            -- set by "Disattiva azienda": its users can no longer enter it, its data stays
            ALTER TABLE tenants ADD COLUMN deactivated_at INTEGER;
            """)
}
