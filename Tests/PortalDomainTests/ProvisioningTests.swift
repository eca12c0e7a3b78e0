import PortalCore
import PortalDomain
import PortalStore
import Testing

@Suite("Provisioning refuses by typed errors")
struct ProvisioningTests {
    private let now: Timestamp = 1_700_000_000

    private func provisioning(_ temporary: TemporaryDatabase) -> Provisioning {
        Provisioning(database: temporary.database, config: Config(values: [:]))
    }

    @Test("a second company with the same P.IVA is .companyExists, and nothing is written")
    func duplicateCompany() throws {
        let temporary = try TemporaryDatabase()
        let vat = try #require(VATNumber("02740123456"))
        _ = try provisioning(temporary).addTenant(name: "ROSSI SRL", vat: vat, now: now)
        let error = #expect(throws: DomainError.self) {
            try provisioning(temporary).addTenant(name: "ALTRA SRL", vat: vat, now: now)
        }
        #expect(error?.code == .companyExists)
        #expect(try temporary.database.scalarInt("SELECT count(*) FROM tenants") == 1)
    }

    @Test("a company name of blanks is .invalidInput", arguments: ["", "   ", String(repeating: "x", count: 201)])
    func invalidName(_ name: String) throws {
        let temporary = try TemporaryDatabase()
        let error = #expect(throws: DomainError.self) {
            try provisioning(temporary).addTenant(name: name, vat: VATNumber("02740123456")!, now: now)
        }
        #expect(error?.code == .invalidInput)
    }

    @Test("the welcome e-mail's link carries the address percent-encoded: a '+' read as a space")
    func welcomeLink() throws {
        let temporary = try TemporaryDatabase()
        let tenant = try provisioning(temporary).addTenant(name: "ROSSI SRL", vat: VATNumber("02740123456")!, now: now)
        let email = try #require(EmailAddress("sara+supporto@rossi.example"))
        _ = try provisioning(temporary).invite(tenant: tenant, email: email, role: .technician, invitedBy: nil, now: now)
        let bodies = try temporary.database.query("SELECT body FROM outbox").map { $0.string(at: 0) }
        #expect(bodies.contains { $0.contains("/login?email=sara%2Bsupporto%40rossi.example") }, "\(bodies)")
    }

    @Test("inviting a member of the company again is .alreadyMember")
    func alreadyMember() throws {
        let temporary = try TemporaryDatabase()
        let tenant = try provisioning(temporary).addTenant(name: "ROSSI SRL", vat: VATNumber("02740123456")!, now: now)
        let email = try #require(EmailAddress("anna@rossi.example"))
        _ = try provisioning(temporary).invite(tenant: tenant, email: email, role: .administrator, invitedBy: nil, now: now)
        let user = try #require(try UserStore(temporary.database).find(email: email))
        try temporary.database.write { _ in
            try temporary.database.run(
                "INSERT INTO memberships (user_id, tenant_id, role, active_since) VALUES (?, ?, 'tech', ?)",
                [user.id, tenant.id, now])
        }
        let error = #expect(throws: DomainError.self) {
            try provisioning(temporary).invite(tenant: tenant, email: email, role: .technician, invitedBy: nil, now: now)
        }
        #expect(error?.code == .alreadyMember)
    }
}
