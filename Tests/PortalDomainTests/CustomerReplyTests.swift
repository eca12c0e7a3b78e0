import PortalCore
import PortalDomain
import PortalStore
import Testing

@Suite("A customer's reply is judged on the ticket as it is written")
struct CustomerReplyTests {
    let temporary: TemporaryDatabase
    let config = Config(values: [:])

    init() throws { temporary = try TemporaryDatabase() }

    @Test("a reply sent while the desk closed the ticket reopens it, as one sent after")
    func replyRacingTheClose() throws {
        let database = temporary.database
        let now = Clock.now()
        let tenant = try TenantStore(database).add(name: "Rossi S.r.l.", vat: VATNumber("02019510409")!, now: now)
        let authorID = try UserStore(database).create(
            email: EmailAddress("carla.neri@example.it")!, passwordHash: "x", provisionalUntil: nil, firstName: "Carla",
            lastName: "Neri", now: now)
        let author = try #require(try UserStore(database).find(id: authorID))
        let tickets = TicketService(database: database, config: config)
        let number = try tickets.create(
            NewTicket(
                tenantID: tenant.id, title: "Stampa bloccata", requesterID: authorID, requesterName: "Carla Neri",
                contactEmail: "carla.neri@example.it", area: .systems, priority: .normal, description: "Non stampa."),
            files: [], now: now - 7200)
        // What the reply's request read before the desk's close committed.
        let read = try #require(try TicketStore(database).find(number: number))
        try DeskService(database: database, config: config).setStatus(read, .closed, by: nil, now: now - 60)
        let outcome = try tickets.customerReply(
            read, author: author, body: "Stampa ancora bloccata.", files: [], close: false, changes: .init(), now: now)
        #expect(outcome == .reopened)
        #expect(try TicketStore(database).find(number: number)?.status != .closed)
    }
}
