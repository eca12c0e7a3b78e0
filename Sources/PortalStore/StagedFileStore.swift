import PortalCore

/// Files written for a form that was not (yet) accepted. They count in their company's
/// quota, and the sweep removes the files that no attachment took once their staging is
/// older than the grace period (`UploadSweep`).
public struct StagedFileStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// Records a file written (or chosen again) for a company's form; a file staged before
    /// gets the new time, so it is kept while its form is being corrected.
    public static func stage(in transaction: WriteTransaction, tenantID: Int64, sha256: String, size: Int64, now: Timestamp)
        throws
    {
        let database = transaction.database
        try database.run(
            "UPDATE staged_files SET created_at = ? WHERE tenant_id = ? AND sha256 = ?", [now, tenantID, sha256])
        if database.changes == 0 {
            try database.run(
                "INSERT INTO staged_files (tenant_id, sha256, size, created_at) VALUES (?, ?, ?, ?)",
                [tenantID, sha256, size, now])
        }
    }

    /// What the company's files take: its tickets' attachments, plus the files staged since
    /// `since` that none of them holds yet (a refused form's, kept for a few minutes).
    public func usage(tenantID: Int64, stagedSince since: Timestamp) throws -> Int64 {
        let attached = try database.scalarInt(
            """
            SELECT coalesce(sum(a.size), 0) FROM attachments a JOIN tickets t ON t.id = a.ticket_id
            WHERE t.tenant_id = ?
            """, [tenantID])
        let staged = try database.scalarInt(
            """
            SELECT coalesce(sum(s.size), 0) FROM staged_files s
            WHERE s.tenant_id = ? AND s.created_at >= ? AND NOT EXISTS (
                SELECT 1 FROM attachments a JOIN tickets t ON t.id = a.ticket_id
                WHERE a.sha256 = s.sha256 AND t.tenant_id = s.tenant_id)
            """, [tenantID, since])
        return attached + staged
    }

    /// Forgets the stagings older than `before`; returns how many.
    @discardableResult
    public func forget(stagedBefore before: Timestamp) throws -> Int {
        try database.run("DELETE FROM staged_files WHERE created_at < ?", [before])
        return database.changes
    }

    /// Every stored file the database names: attachments and profile pictures.
    public func referencedFiles() throws -> [String] {
        try database.query(
            "SELECT sha256 FROM attachments UNION SELECT picture_sha256 FROM users WHERE picture_sha256 IS NOT NULL"
        ).map { $0.string(at: 0) }
    }

    /// Whether an attachment or a staging (of any company) still names the file.
    public func isHeld(sha256: String) throws -> Bool {
        try database.scalarInt(
            """
            SELECT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?)
                OR EXISTS (SELECT 1 FROM staged_files WHERE sha256 = ?)
            """, [sha256, sha256]) == 1
    }
}
