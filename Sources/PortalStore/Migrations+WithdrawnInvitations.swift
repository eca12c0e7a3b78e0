extension Migrations {
    /// The invitations "Disattiva azienda" withdrew are marked, so that "Riattiva" gives back
    /// those and no other: told apart by time, one removed by hand in the same second came
    /// back with them.
    static let withdrawnInvitations = Migration(
        name: "0030_withdrawn_invitations",
        sql: """
            ALTER TABLE invitations ADD COLUMN withdrawn_with_company INTEGER NOT NULL DEFAULT 0;
            -- A company deactivated before: its invitations withdrawn with it carry its time.
            UPDATE invitations SET withdrawn_with_company = 1
            WHERE accepted_at IS NULL AND cancelled_at IS NOT NULL
                AND cancelled_at = (SELECT deactivated_at FROM tenants WHERE tenants.id = invitations.tenant_id);
            """)
}
