import PortalCore
import PortalDomain
import PortalStore
import Testing

@Suite("Invitations: limits and provisional credentials")
struct InvitationLimitTests {
    private let now: Timestamp = 1_700_000_000
    let temporary: TemporaryDatabase
    let provisioning: Provisioning

    init() throws {
        temporary = try TemporaryDatabase()
        provisioning = Provisioning(
            database: temporary.database,
            config: Config(values: ["PORTAL_INVITES_PER_ADDRESS_HOUR": "3", "PORTAL_INVITES_PER_COMPANY_DAY": "5"]))
    }

    func company(_ name: String, _ vat: String) throws -> TenantRecord {
        try provisioning.addTenant(name: name, vat: VATNumber(vat)!, now: now)
    }

    func passwordHash(_ email: String) throws -> String {
        try temporary.database.queryOne("SELECT password_hash FROM users WHERE email = ?", [email])!.string("password_hash")
    }

    func queued() throws -> Int64 { try temporary.database.scalarInt("SELECT count(*) FROM outbox") }

    @Test("another company's invitation never replaces the provisional password the first one's e-mail gave")
    func otherCompanyKeepsPassword() throws {
        let rossi = try company("ROSSI SRL", "02740123456")
        let bianchi = try company("BIANCHI SPA", "01987654322")
        let email = EmailAddress("nuovo@example.it")!
        _ = try provisioning.invite(tenant: rossi, email: email, role: .technician, invitedBy: nil, now: now)
        let given = try passwordHash(email.value)
        _ = try provisioning.invite(tenant: bianchi, email: email, role: .technician, invitedBy: nil, now: now + 60)
        #expect(try passwordHash(email.value) == given)
        #expect(try temporary.database.scalarInt("SELECT count(*) FROM outbox WHERE subject LIKE 'Benvenuto%'") == 1)
        // The first company inviting again may renew its own mail's credentials (it may be lost).
        _ = try provisioning.invite(tenant: rossi, email: email, role: .technician, invitedBy: nil, now: now + 120)
        #expect(try passwordHash(email.value) != given)
    }

    @Test("an expired provisional password is renewed by any company's invitation")
    func expiredRenewed() throws {
        let rossi = try company("ROSSI SRL", "02740123456")
        let bianchi = try company("BIANCHI SPA", "01987654322")
        let email = EmailAddress("nuovo@example.it")!
        _ = try provisioning.invite(tenant: rossi, email: email, role: .technician, invitedBy: nil, now: now)
        let given = try passwordHash(email.value)
        // Past the end of the day the e-mail named ("vale fino al …").
        let later = RomeTime.endOfDay(containing: now + Provisioning.provisionalValidity) + 1
        _ = try provisioning.invite(tenant: bianchi, email: email, role: .technician, invitedBy: nil, now: later)
        #expect(try passwordHash(email.value) != given)
    }

    @Test("a few invitations per address per hour, from any company; the next is refused and sends nothing")
    func perAddress() throws {
        let rossi = try company("ROSSI SRL", "02740123456")
        let bianchi = try company("BIANCHI SPA", "01987654322")
        let email = EmailAddress("nuovo@example.it")!
        for minute in 0..<2 {
            _ = try provisioning.invite(tenant: rossi, email: email, role: .technician, invitedBy: nil, limited: true, now: now + Int64(minute) * 60)
        }
        _ = try provisioning.invite(tenant: bianchi, email: email, role: .technician, invitedBy: nil, limited: true, now: now + 180)
        let before = try queued()
        let error = #expect(throws: DomainError.self) {
            try provisioning.invite(tenant: bianchi, email: email, role: .technician, invitedBy: nil, limited: true, now: now + 240)
        }
        #expect(error?.code == .invitationLimit)
        #expect(error?.message == "A nuovo@example.it sono già stati inviati 3 inviti nell'ultima ora: riprova più tardi.")
        #expect(try queued() == before)
        // An hour after the first two, one may go again.
        _ = try provisioning.invite(tenant: bianchi, email: email, role: .technician, invitedBy: nil, limited: true, now: now + 3660)
    }

    @Test("a company sends a limited number of invitations a day; the vendor's own are never refused")
    func perCompany() throws {
        let rossi = try company("ROSSI SRL", "02740123456")
        for index in 0..<5 {
            _ = try provisioning.invite(
                tenant: rossi, email: EmailAddress("persona\(index)@example.it")!, role: .technician, invitedBy: nil,
                limited: true, now: now + Int64(index))
        }
        let error = #expect(throws: DomainError.self) {
            try provisioning.invite(
                tenant: rossi, email: EmailAddress("sesta@example.it")!, role: .technician, invitedBy: nil, limited: true,
                now: now + 3600)
        }
        #expect(error?.code == .invitationLimit)
        #expect(error?.message == "La tua azienda ha già inviato 5 inviti nelle ultime 24 ore: riprova domani.")
        _ = try provisioning.invite(tenant: rossi, email: EmailAddress("sesta@example.it")!, role: .technician, invitedBy: nil, now: now + 3600)
        _ = try provisioning.invite(
            tenant: rossi, email: EmailAddress("settima@example.it")!, role: .technician, invitedBy: nil, limited: true,
            now: now + 24 * 3600 + 10)
    }
}
