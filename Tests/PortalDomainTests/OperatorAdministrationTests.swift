import PortalCore
import PortalDomain
import PortalStore
import Testing

@Suite("Operators: the last Responsabile stays, a deactivated operator leaves nothing behind")
struct OperatorAdministrationTests {
    private let now: Timestamp = 1_700_000_000
    private let temporary: TemporaryDatabase
    private var database: Database { temporary.database }

    init() throws { temporary = try TemporaryDatabase() }

    private var administration: OperatorAdministration {
        OperatorAdministration(database: database, config: Config(values: [:]))
    }

    /// `firstAccessDone`: as after "Creazione Utente" (an invited operator's password is provisional).
    private func addOperator(_ email: String, _ role: DeskRole, firstAccessDone: Bool = true) throws -> UserRecord {
        let address = try #require(EmailAddress(email))
        try Provisioning(database: database, config: Config(values: [:])).addOperator(
            email: address, name: "Nome Cognome", role: role, now: now)
        let invited = try #require(try UserStore(database).find(email: address))
        guard firstAccessDone else { return invited }
        try UserStore(database).completeFirstAccess(
            userID: invited.id, firstName: "Nome", lastName: "Cognome", passwordHash: invited.passwordHash, now: now)
        return try #require(try UserStore(database).find(email: address))
    }

    private func actor(_ user: UserRecord) -> AuditActor { AuditActor(userID: user.id, email: user.email) }

    @Test("the only active Responsabile can neither demote nor deactivate themself, and nothing changes")
    func lastManager() throws {
        let manager = try addOperator("capo@fornitore.example", .manager)
        let demoted = #expect(throws: DomainError.self) {
            try administration.changeRole(of: manager, to: .operator, by: actor(manager), now: now)
        }
        #expect(demoted?.code == .lastManager)
        let deactivated = #expect(throws: DomainError.self) {
            try administration.deactivate(manager, by: manager, clientIP: "", now: now)
        }
        #expect(deactivated?.code == .lastManager)
        let after = try #require(try UserStore(database).find(id: manager.id))
        #expect(after.deskRole == .manager)
        #expect(after.deactivatedAt == nil)
    }

    @Test("with a second active Responsabile, one may step down")
    func secondManager() throws {
        let first = try addOperator("capo@fornitore.example", .manager)
        _ = try addOperator("vice@fornitore.example", .manager)
        try administration.changeRole(of: first, to: .operator, by: actor(first), now: now)
        #expect(try UserStore(database).find(id: first.id)?.deskRole == .operator)
    }

    @Test("a Responsabile still waiting for the first access does not count as the one who stays")
    func invitedManagerDoesNotCount() throws {
        let first = try addOperator("capo@fornitore.example", .manager)
        let invited = try addOperator("vice@fornitore.example", .manager, firstAccessDone: false)
        for change in [
            { try administration.changeRole(of: first, to: .operator, by: actor(first), now: now) },
            { _ = try administration.deactivate(first, by: first, clientIP: "", now: now) },
        ] {
            let refused = #expect(throws: DomainError.self) { try change() }
            #expect(refused?.code == .lastManager)
        }
        #expect(try UserStore(database).find(id: first.id)?.deskRole == .manager)
        // The invited one may still be demoted or deactivated: the desk keeps its Responsabile.
        try administration.changeRole(of: invited, to: .operator, by: actor(first), now: now)
        #expect(try UserStore(database).find(id: invited.id)?.deskRole == .operator)
    }

    @Test("a deactivated Responsabile does not count as the one who stays")
    func deactivatedManagerDoesNotCount() throws {
        let first = try addOperator("capo@fornitore.example", .manager)
        let second = try addOperator("vice@fornitore.example", .manager)
        try administration.deactivate(second, by: first, clientIP: "", now: now)
        let refused = #expect(throws: DomainError.self) {
            try administration.changeRole(of: first, to: .operator, by: actor(first), now: now)
        }
        #expect(refused?.code == .lastManager)
    }

    @Test("deactivating ends sessions and trusted devices, and the open tickets go back to the queue unassigned")
    func deactivation() throws {
        let manager = try addOperator("capo@fornitore.example", .manager)
        let agent = try addOperator("operatore@fornitore.example", .operator)
        _ = try DemoData.seed(database: database, now: now)
        let ticket = try database.scalarInt("SELECT id FROM tickets WHERE status != 'closed' ORDER BY id LIMIT 1")
        let closed = try database.scalarInt("SELECT id FROM tickets WHERE status = 'closed' ORDER BY id LIMIT 1")
        try database.write { _ in
            try database.run("UPDATE tickets SET operator_id = ?, status = 'waiting' WHERE id = ?", [agent.id, ticket])
            try database.run("UPDATE tickets SET operator_id = ? WHERE id = ?", [agent.id, closed])
            _ = try SessionStore(database).create(
                tokenHash: Array(repeating: 1, count: 32), userID: agent.id, tenantID: nil, remember: false, userAgent: "",
                clientIP: "", now: now)
            try TrustedDeviceStore(database).create(tokenHash: Array(repeating: 2, count: 32), userID: agent.id, userAgent: "", now: now)
        }
        let returned = try administration.deactivate(agent, by: manager, clientIP: "127.0.0.1", now: now + 10)
        #expect(returned == 1)
        #expect(try database.scalarInt("SELECT count(*) FROM sessions WHERE user_id = ?", [agent.id]) == 0)
        #expect(try database.scalarInt("SELECT count(*) FROM trusted_devices WHERE user_id = ?", [agent.id]) == 0)
        let row = try #require(try database.queryOne("SELECT status, operator_id FROM tickets WHERE id = ?", [ticket]))
        #expect(row.string("status") == "unassigned")
        #expect(row.optionalInt("operator_id") == nil)
        #expect(try database.scalarInt("SELECT operator_id FROM tickets WHERE id = ?", [closed]) == agent.id)
        #expect(try database.scalarInt("SELECT count(*) FROM audit_events WHERE event = 'operator_deactivated' AND user_id = ?", [manager.id]) == 1)
        #expect(try UserStore(database).find(id: agent.id)?.deactivatedAt == now + 10)
    }

    @Test("an address that any account uses cannot become an operator", arguments: ["capo@fornitore.example", "cliente@azienda.example"])
    func addressInUse(_ email: String) throws {
        _ = try addOperator("capo@fornitore.example", .manager)
        try database.write { _ in
            try UserStore(database).create(email: EmailAddress("cliente@azienda.example")!, passwordHash: "x", provisionalUntil: nil, now: now)
        }
        let error = #expect(throws: DomainError.self) {
            try Provisioning(database: database, config: Config(values: [:])).addOperator(
                email: EmailAddress(email)!, name: "Altro Nome", role: .operator, now: now)
        }
        #expect(error?.code == .accountExists)
    }

    @Test("an operator's name is required", arguments: ["", "   ", String(repeating: "x", count: 201)])
    func operatorName(_ name: String) throws {
        let error = #expect(throws: DomainError.self) {
            try Provisioning(database: database, config: Config(values: [:])).addOperator(
                email: EmailAddress("nuovo@fornitore.example")!, name: name, role: .operator, now: now)
        }
        #expect(error?.code == .invalidInput)
        #expect(try database.scalarInt("SELECT count(*) FROM users") == 0)
    }
}
