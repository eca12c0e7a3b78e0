import Foundation
import PortalCore
import PortalDomain
import PortalStore
import Testing

@Suite("Uploads: staging, quota and sweep")
struct UploadStorageTests {
    let temporary: TemporaryDatabase
    let config: Config
    let tenant: TenantRecord

    init() throws {
        temporary = try TemporaryDatabase()
        config = Config(values: [
            "PORTAL_ATTACHMENTS_DIR": temporary.directory + "/attachments", "PORTAL_COMPANY_QUOTA_MB": "1",
            "PORTAL_UPLOAD_GRACE_MINUTES": "10",
        ])
        tenant = try TenantStore(temporary.database).add(name: "Rossi S.r.l.", vat: VATNumber("02019510409")!, now: 1)
    }

    var storage: UploadStorage { UploadStorage(database: temporary.database, config: config) }
    var folder: String { temporary.directory + "/attachments" }

    func upload(_ byte: UInt8, _ size: Int) -> UploadStorage.Upload {
        UploadStorage.Upload(fileName: "f\(byte).bin", contentType: "application/octet-stream", bytes: [UInt8](repeating: byte, count: size))
    }

    func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    func age(_ name: String, to time: Timestamp) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(time))], ofItemAtPath: folder + "/" + name)
    }

    @Test("files past the company's quota are refused together, before any is written")
    func quota() throws {
        let now = Clock.now()
        _ = try storage.stage([upload(1, 600_000)], tenantID: tenant.id, now: now)
        #expect(throws: DomainError.self) {
            try storage.stage([upload(2, 100), upload(3, 500_000)], tenantID: tenant.id, now: now)
        }
        #expect(try files().count == 1)
        _ = try storage.stage([upload(4, 500_000)], tenantID: tenant.id, enforcingQuota: false, now: now)
        #expect(try files().count == 2, "the desk's answers are not refused")
    }

    @Test("a refused form's files go once the grace period is over; attached and recent ones stay")
    func sweep() throws {
        let now = Clock.now()
        let refused = try storage.stage([upload(1, 10)], tenantID: tenant.id, now: now - 3600)
        let recent = try storage.stage([upload(2, 10)], tenantID: tenant.id, now: now)
        let accepted = try storage.stage([upload(3, 10)], tenantID: tenant.id, now: now - 3600)
        let service = TicketService(database: temporary.database, config: config)
        _ = try service.create(
            NewTicket(
                tenantID: tenant.id, title: "Con file", requesterID: nil, requesterName: "Mario", contactEmail: "m@example.it",
                area: .systems, priority: .normal, description: "Testo"), files: accepted, now: now - 3600)
        for file in refused + accepted { try age(file.sha256, to: now - 3600) }
        let report = try UploadSweep(database: temporary.database, config: config).run(now: now)
        #expect(report.files == 1)
        #expect(try files() == [recent[0].sha256, accepted[0].sha256].sorted())
        #expect(try !storage.keep(refused[0], tenantID: tenant.id, now: now), "a swept file cannot be kept")
        #expect(try storage.keep(recent[0], tenantID: tenant.id, now: now))
    }

    @Test("a kept form's files are held until it expires, then swept like any other")
    func heldForKeptForm() throws {
        let now = Clock.now()
        let held = try storage.hold([upload(5, 10)], until: now + 7200)
        #expect(try UploadSweep(database: temporary.database, config: config).run(now: now + 3600).files == 0)
        #expect(try files() == [held[0].sha256])
        #expect(try UploadSweep(database: temporary.database, config: config).run(now: now + 7200 + 601).files == 1)
    }

    @Test("a profile picture nobody shows any more goes after the grace period; one in use and a new one stay")
    func pictures() throws {
        let now = Clock.now()
        let store = ContentStore(directory: folder + "/pictures")
        let shown = try store.store([1, 2, 3]), removed = try store.store([4, 5, 6]), fresh = try store.store([7, 8, 9])
        let user = try UserStore(temporary.database).create(
            email: EmailAddress("p@example.it")!, passwordHash: "x", provisionalUntil: nil, now: now)
        try UserStore(temporary.database).setPicture(userID: user, sha256: shown, contentType: "image/png", now: now)
        try age("pictures/" + shown, to: now - 3600)
        try age("pictures/" + removed, to: now - 3600)
        #expect(try UploadSweep(database: temporary.database, config: config).run(now: now).files == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder + "/pictures").sorted()
        #expect(left == [shown, fresh].sorted())
        try UserStore(temporary.database).removePicture(userID: user, now: now)
        #expect(try UploadSweep(database: temporary.database, config: config).run(now: now).files == 1, "removed: it goes")
    }

    @Test("the temporary file of an unfinished write goes after a minute, at any sweep")
    func temporaryFiles() throws {
        let now = Clock.now()
        try FileManager.default.createDirectory(atPath: folder + "/pictures", withIntermediateDirectories: true)
        for name in ["a.tmp.1", "pictures/b.tmp.2", "c.tmp.3"] {
            FileManager.default.createFile(atPath: folder + "/" + name, contents: Data([1]))
        }
        try age("a.tmp.1", to: now - 61)
        try age("pictures/b.tmp.2", to: now - 61)
        let report = try UploadSweep(database: temporary.database, config: config).run(now: now)
        #expect(report.temporary == 2)
        #expect(try files() == ["c.tmp.3", "pictures"])
    }
}
