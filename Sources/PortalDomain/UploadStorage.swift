import PortalCore
import PortalStore

/// Where the files of a ticket form go before the form is accepted: written to the content
/// store and staged for the company, within its quota. A refused form's files stay chosen
/// for `grace` (the page offers them again); the sweep removes them after that unless an
/// attachment took them (`UploadSweep`).
public struct UploadStorage: DomainService {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    /// `PORTAL_COMPANY_QUOTA_MB`: what one company's files may take, its tickets' attachments
    /// and its forms' pending files together (2048 MB by default).
    public var quotaBytes: Int64 { Int64(max(config.int("PORTAL_COMPANY_QUOTA_MB", default: 2048), 0)) * 1024 * 1024 }

    /// `PORTAL_UPLOAD_GRACE_MINUTES`: how long a file of a form not accepted is kept (10 by default).
    public var grace: Int64 { Int64(max(config.int("PORTAL_UPLOAD_GRACE_MINUTES", default: 10), 0)) * 60 }

    var store: ContentStore { ContentStore(directory: config.attachmentsDirectory) }

    public struct Upload: Sendable {
        public let fileName: String
        public let contentType: String
        public let bytes: [UInt8]
        public init(fileName: String, contentType: String, bytes: [UInt8]) {
            self.fileName = fileName
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    /// Writes the files and stages them for the company, or refuses them all, writing
    /// nothing, when they would take it past its quota (`enforcingQuota`: the desk's answers
    /// are never refused for what a customer used).
    public func stage(_ uploads: [Upload], tenantID: Int64, enforcingQuota: Bool = true, now: Timestamp) throws
        -> [NewAttachment]
    {
        guard !uploads.isEmpty else { return [] }
        let adding = uploads.reduce(Int64(0)) { $0 + Int64($1.bytes.count) }
        // Before writing any file, so that a form clearly past the quota costs no disk...
        if enforcingQuota { try checkQuota(tenantID: tenantID, adding: adding, now: now) }
        var files: [NewAttachment] = []
        for upload in uploads {
            let sha = try store.store(upload.bytes)
            files.append(
                NewAttachment(
                    fileName: upload.fileName, contentType: upload.contentType, size: Int64(upload.bytes.count),
                    sha256: sha))
        }
        try database.write { tx in
            // ...and again under the write lock: forms sent at the same moment each passed the
            // first check against the usage before any of them was staged, and together took
            // the company past its quota. A refused form's files, written but never staged,
            // go with the sweep.
            if enforcingQuota { try checkQuota(tenantID: tenantID, adding: adding, now: now) }
            for file in files {
                try StagedFileStore.stage(in: tx, tenantID: tenantID, sha256: file.sha256, size: file.size, now: now)
            }
        }
        return files
    }

    private func checkQuota(tenantID: Int64, adding: Int64, now: Timestamp) throws {
        let used = try StagedFileStore(database).usage(tenantID: tenantID, stagedSince: now - grace)
        if used + adding > quotaBytes {
            throw DomainError(.storageQuota, Text.storageQuotaExceeded(used: used, adding: adding, quota: quotaBytes))
        }
    }

    /// A form kept while its session had ended (the person logs in again to send it): no
    /// company is known yet, so its files are written outside any quota and held until the
    /// kept form expires; when it comes back, `keep` stages them for the company.
    public func hold(_ uploads: [Upload], until: Timestamp) throws -> [NewAttachment] {
        try uploads.map { upload in
            let sha = try store.store(upload.bytes)
            _ = store.touch(sha, at: until)
            return NewAttachment(
                fileName: upload.fileName, contentType: upload.contentType, size: Int64(upload.bytes.count), sha256: sha)
        }
    }

    /// A file chosen earlier, held with a kept form until `until`; false when it is gone.
    public func hold(_ file: NewAttachment, until: Timestamp) -> Bool { store.touch(file.sha256, at: until) }

    /// A file chosen in an earlier, refused attempt and sent back with the form: staged anew
    /// so that the sweep leaves it while the form is corrected. False when it is gone (the
    /// form waited longer than the grace period): the person chooses it again.
    public func keep(_ file: NewAttachment, tenantID: Int64, now: Timestamp) throws -> Bool {
        guard store.touch(file.sha256) else { return false }
        try database.write { tx in
            try StagedFileStore.stage(in: tx, tenantID: tenantID, sha256: file.sha256, size: file.size, now: now)
        }
        return true
    }
}
