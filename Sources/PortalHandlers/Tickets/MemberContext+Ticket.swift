import PortalCore
import PortalHTTP
import PortalStore

extension MemberContext {
    /// The ticket of this company with the number in the path; 404 for missing and foreign
    /// alike.
    func ticket(_ request: Request) throws -> TicketRecord {
        guard let number = request.pathID("number") else { throw HTTPError.notFound }
        guard let found = try TicketStore(services.database).find(number: number, tenantID: tenant.id) else {
            throw HTTPError.notFound
        }
        return found
    }
}
