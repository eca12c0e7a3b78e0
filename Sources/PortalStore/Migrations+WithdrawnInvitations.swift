extension Migrations {
    /// The invitations "Disattiva azienda" withdrew are marked, so that "Riattiva" gives back
    /// those and no other: told apart by time, one removed by hand in the same second came
    /// back with them.
    static let withdrawnInvitations = Migration(
        name: "0030_withdrawn_invitations",
        sql: """
            ALTER TABLE invitations ADD COLUMN withdrawn_with_company INTEGER NOT NULL DEFAULT 0;
            """)
}
