import PortalCore
import PortalStore

/// One worker's copy of each company's widget data, as records (for the page) and as JSON
/// (for the API). The dashboard is loaded after every login and on every "Aggiorna", and its
/// data rarely changes between two loads, so a copy is reused as long as the database has
/// not changed (`ChangeStamp`). Owned by the worker's `Services`: nothing is shared between
/// workers.
final class DashboardDataCache {
    private struct Entry {
        let stamp: ChangeStamp
        let data: DashboardData
        var json: [UInt8]?
    }

    /// A few companies per worker (about 6 KB of JSON and 25 records each): well inside the
    /// workers' memory budget.
    static let capacity = 32

    private var entries: [Int64: Entry] = [:]

    func data(tenantID: Int64, _ database: Database) throws -> DashboardData {
        try entry(tenantID: tenantID, database).data
    }

    func json(tenantID: Int64, _ database: Database) throws -> [UInt8] {
        let current = try entry(tenantID: tenantID, database)
        if let json = current.json { return json }
        let json = DashboardJSON.data(current.data).bytes
        entries[tenantID]?.json = json
        return json
    }

    private func entry(tenantID: Int64, _ database: Database) throws -> Entry {
        let stamp = try database.changeStamp()
        if let entry = entries[tenantID], entry.stamp == stamp { return entry }
        let entry = Entry(stamp: stamp, data: try DashboardData.load(tenantID: tenantID, database), json: nil)
        if entries.count >= DashboardDataCache.capacity { entries.removeAll() }
        entries[tenantID] = entry
        return entry
    }
}

@available(*, unavailable)
extension DashboardDataCache: Sendable {}
