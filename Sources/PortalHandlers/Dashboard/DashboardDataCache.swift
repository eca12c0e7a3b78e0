import PortalCore
import PortalStore

/// One worker's copy of each company's widget data, as records (for the page) and as JSON
/// (for the API). The dashboard is loaded after every login and on every "Aggiorna", and its
/// data rarely changes between two loads, so a copy is reused while the company's stamp is
/// unchanged (a `StampedCache`, like the ticket pages' parts).
final class DashboardDataCache {
    /// The records, and their JSON once the API has asked for it.
    final class Entry {
        let data: DashboardData
        var json: [UInt8]?
        init(data: DashboardData) { self.data = data }
    }

    /// A few companies per worker (about 6 KB of JSON and 25 records each): well inside the
    /// workers' memory budget.
    private let entries = StampedCache<Int64, Entry>(capacity: 32)

    func data(_ stamp: TenantStamp, _ database: Database) throws -> DashboardData {
        try entry(stamp, database).data
    }

    func json(_ stamp: TenantStamp, _ database: Database) throws -> [UInt8] {
        let entry = try entry(stamp, database)
        if let json = entry.json { return json }
        let json = DashboardJSON.data(entry.data).bytes
        entry.json = json
        return json
    }

    private func entry(_ stamp: TenantStamp, _ database: Database) throws -> Entry {
        try entries.value(stamp.tenantID, stamp: stamp) { Entry(data: try DashboardData.load(tenantID: stamp.tenantID, database)) }
    }
}

@available(*, unavailable)
extension DashboardDataCache: Sendable {}
