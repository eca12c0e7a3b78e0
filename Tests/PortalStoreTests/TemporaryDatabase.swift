import Foundation
import PortalCore
import PortalStore

/// A migrated database in a fresh folder under /tmp (mkdtemp); the folder goes with it.
final class TemporaryDatabase {
    let directory: String
    let database: Database

    init(migrated: Bool = true) throws {
        var template = Array("/tmp/portal-store-tests.XXXXXX".utf8CString)
        guard let pointer = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        directory = String(cString: pointer)
        database = try Database(path: directory + "/portal.sqlite3")
        if migrated { try Migrator.migrate(database, now: 1_700_000_000) }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

extension TemporaryDatabase {
    /// ROSSI SRL and one "Normale" ticket of it, opened at `now`; returns the ticket's id.
    func rossiTicket(now: Timestamp) throws -> Int64 {
        let tenant = try TenantStore(database).add(name: "ROSSI SRL", vat: VATNumber("02740123456")!, now: 0).id
        var ticket = NewTicket(
            tenantID: tenant, title: "Stampante ferma", requesterID: nil, requesterName: "Mario Rossi",
            contactEmail: "mario@rossi.example", area: .systems, priority: .normal, description: "La stampa non parte.")
        ticket.phone = ""
        return try database.write { _ in try TicketStore(database).create(ticket, now: now).id }
    }
}
