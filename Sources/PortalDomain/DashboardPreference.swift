import PortalCore
import PortalStore

/// The saved layout, one per user and company (the preferences table), in the compact text
/// of `DashboardLayout.stored`.
public enum DashboardPreference {
    static let name = "dashboard_layout"

    /// The demo technician's dashboard (`make run`): the list on the left, the pie on the right.
    public static let demoLayout = DashboardLayout(stored: "ticket-list:0,0,8,7;ticket-status:8,0,4,6")

    public static func load(userID: Int64, tenantID: Int64, _ database: Database) throws -> DashboardLayout {
        let stored = try PreferenceStore(database).value(name, userID: userID, tenantID: tenantID) ?? ""
        return DashboardLayout(stored: stored)
    }

    public static func save(
        in tx: WriteTransaction, _ layout: DashboardLayout, userID: Int64, tenantID: Int64, now: Timestamp
    ) throws {
        try PreferenceStore(tx.database).set(name, value: layout.stored, userID: userID, tenantID: tenantID, now: now)
    }
}
