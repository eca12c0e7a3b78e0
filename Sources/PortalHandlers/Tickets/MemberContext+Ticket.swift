import PortalCore
import PortalHTTP
import PortalStore

extension MemberContext {
    /// The ticket of this company with the number in the path; 404 for missing and foreign
    /// alike. The worker's kept copy while the company's stamp is unchanged.
    func ticket(_ request: Request) throws -> TicketRecord {
        guard let number = request.pathParameters["number"].flatMap({ Int64($0) }) else { throw HTTPError.notFound }
        let key = FragmentKey(kind: .ticket, tenantID: tenant.id, detail: String(number))
        let found = try services.tickets.value(key, stamp: stamp) {
            try TicketStore(services.database).find(number: number, tenantID: tenant.id)
        }
        guard let found else { throw HTTPError.notFound }
        return found
    }
}
