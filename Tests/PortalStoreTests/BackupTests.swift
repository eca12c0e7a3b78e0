import PortalCore
import PortalStore
import Testing

@Suite("Backup")
struct BackupTests {
    private func tenants(_ database: Database) throws -> [[String]] {
        try database.query("SELECT id, name, vat, created_at FROM tenants ORDER BY id").map {
            [$0.string("id"), $0.string("name"), $0.string("vat"), $0.string("created_at")]
        }
    }

    @Test("copy holds the same tenants as the original")
    func copyHasSameRows() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let directory = temporary.directory
        let store = TenantStore(database)
        _ = try store.add(name: "Rossi S.r.l.", vat: VATNumber("02019510409")!, now: 10)
        _ = try store.add(name: "Bianchi & C. — è", vat: VATNumber("00000000000")!, now: 20)
        let path = directory + "/backup.sqlite3"
        try Backup.copy(database, to: path)

        let copy = try Database(path: path)
        let original = try tenants(database)
        #expect(original.count == 2)
        #expect(try tenants(copy) == original)
    }

    @Test("refuses to overwrite an existing file")
    func existingTarget() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let directory = temporary.directory
        let path = directory + "/backup.sqlite3"
        try Backup.copy(database, to: path)
        #expect(throws: DatabaseError.self) { try Backup.copy(database, to: path) }
    }
}
