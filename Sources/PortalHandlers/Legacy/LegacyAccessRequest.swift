import PortalCore
import PortalStore

/// What a valid P.IVA sets in motion. A company without any active user is recorded and
/// the vendor's support is e-mailed (once a day per company); nothing else changes. Every
/// valid number takes the one write transaction, so that the answer's timing says as little
/// as its text (a line of the trail may or may not be written in it, as an hour's earlier
/// sends decide, not the number). The trail has one line a company and address an hour (of
/// no company: an address an hour) besides the one of each e-mail: anyone may send the form,
/// and 20 sends filled a company's "Attività" page, pushing its own accesses off it; from
/// other addresses each still shows.
struct LegacyAccessRequest {
    static let mailInterval: Int64 = 24 * 3600
    static let trailInterval: Int64 = 3600

    let settings: LegacySettings
    let services: Services

    func handle(_ vat: VATNumber, clientIP: String) throws {
        let database = services.database
        let now = services.now
        try database.write { tx in
            let tenant = try TenantStore(database).find(vat: vat)
            let store = LegacyAccessStore(database)
            let trail = AuditStore(database)
            let traced = try trail.exists(
                event: "legacy_vat_login", tenantID: tenant?.id, clientIP: clientIP, since: now - LegacyAccessRequest.trailInterval)
            guard let tenant, try store.activeUsers(tenantID: tenant.id) == 0 else {
                if !traced {
                    try AuditStore.record(in: tx, "legacy_vat_login", tenantID: tenant?.id, detail: tenant == nil ? "unknown" : "has_users",
                        clientIP: clientIP, now: now)
                }
                return
            }
            let mailedRecently = try store.count(tenantID: tenant.id, since: now - LegacyAccessRequest.mailInterval) > 0
            try store.record(tenantID: tenant.id, vat: vat, clientIP: clientIP, now: now)
            var detail = "recorded"
            if !mailedRecently, let support = settings.supportAddress {
                let deactivated = try TenantStore(database).company(id: tenant.id)?.deactivatedAt != nil
                let page = "/desk/aziende/\(tenant.id)" + (deactivated ? "" : "/invita")
                try OutboxStore.enqueue(in: tx, to: [support], subject: Text.legacyMailSubject(company: tenant.name, vat: vat.digits),
                    body: Text.legacyMailBody(
                        company: tenant.name, vat: vat.digits, when: Clock.display(now),
                        link: services.config.publicURL + "/login?next=" + PercentEncoding.encode(page), deactivated: deactivated),
                    now: now)
                detail = "recorded_mailed"
            }
            if !traced || detail == "recorded_mailed" {
                try AuditStore.record(in: tx, "legacy_vat_login", tenantID: tenant.id, detail: detail, clientIP: clientIP, now: now)
            }
        }
    }
}
