import PortalCore
import PortalHTTP
import PortalStore

/// A logged-in customer working for a company: the only way into the ticket pages.
struct TicketContext {
    let current: CurrentUser
    let tenant: TenantRecord

    static func require(_ request: Request, _ services: Services) throws -> TicketContext {
        let current = try CurrentUser.require(request, services)
        // Operators have no company session; their desk is not these pages.
        guard let membership = current.membership else { throw HTTPError.notFound }
        return TicketContext(current: current, tenant: membership.tenant)
    }

    /// The ticket of this company with the number in the path; 404 for missing and foreign
    /// alike. With a stamp, the worker's kept copy while the content is unchanged.
    func ticket(_ request: Request, _ services: Services, stamp: ChangeStamp? = nil) throws -> TicketRecord {
        guard let number = request.pathParameters["number"].flatMap({ Int64($0) }) else { throw HTTPError.notFound }
        let find = { try TicketStore(services.database).find(number: number, tenantID: tenant.id) }
        let found: TicketRecord?
        if let stamp {
            found = try services.fragments.value(.init(kind: .ticket, tenantID: tenant.id, detail: String(number)), stamp: stamp, make: find)
        } else {
            found = try find()
        }
        guard let found else { throw HTTPError.notFound }
        return found
    }
}
