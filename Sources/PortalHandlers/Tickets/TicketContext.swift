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

    /// The ticket of this company with the number in the path; 404 for missing and foreign alike.
    func ticket(_ request: Request, _ services: Services) throws -> TicketRecord {
        guard let number = request.pathParameters["number"].flatMap({ Int64($0) }),
            let ticket = try TicketStore(services.database).find(number: number, tenantID: tenant.id)
        else { throw HTTPError.notFound }
        return ticket
    }
}
