import PortalCore
import PortalHTTP
import PortalStore

/// An administrator of the session's company: the only way into "Gestione Tenant". Everyone
/// else (technicians, operators) gets 404, as if the pages did not exist.
struct TenantAdminContext {
    let current: CurrentUser
    let tenant: TenantRecord

    static func require(_ request: Request, _ services: Services) throws -> TenantAdminContext {
        let current = try CurrentUser.require(request, services)
        guard let membership = current.membership, membership.role.mayAdministerTenant else { throw HTTPError.notFound }
        return TenantAdminContext(current: current, tenant: membership.tenant)
    }

    func verify(_ form: FormData, _ request: Request, _ services: Services) throws {
        try current.verify(form, request, services)
    }

    func audit(_ event: String, detail: String, _ request: Request, _ services: Services) throws {
        try AuditStore(services.database).record(
            event, tenantID: tenant.id, userID: current.user.id, actorEmail: current.user.email, detail: detail,
            clientIP: request.clientAddress, now: services.now)
    }
}
