import PortalCore
import PortalDomain
import PortalHTTP
import PortalHandlers
import PortalStore
import Testing

@Suite("Aziende, Portale classico, Registro attività (in process)", .serialized)
struct CompanyPagesTests {
    let fixture: Fixture
    let manager: [String: String]
    let token: String

    init() throws {
        fixture = try Fixture()
        (manager, token) = try fixture.managerSession()
    }

    private func html(_ response: Response) -> String { String(decoding: response.body, as: UTF8.self) }

    private func create(_ name: String, _ vat: String) -> Response {
        fixture.post("/desk/aziende", ["csrf": token, "name": name, "vat": vat], cookies: manager)
    }

    private func tenantID(_ vat: String) throws -> Int64 {
        try fixture.database.scalarInt("SELECT id FROM tenants WHERE vat = ?", [vat])
    }

    @Test("the list finds a company by part of its name or by its P.IVA")
    func search() throws {
        let byName = html(fixture.get("/desk/aziende?cerca=bianchi", cookies: manager))
        #expect(byName.contains("BIANCHI SPA") && !byName.contains("ROSSI SRL"))
        let byVAT = html(fixture.get("/desk/aziende?cerca=IT02740123456", cookies: manager))
        #expect(byVAT.contains("ROSSI SRL") && !byVAT.contains("BIANCHI SPA"))
        #expect(html(fixture.get("/desk/aziende?cerca=nessuna-azienda", cookies: manager)).contains(Text.noCompanies))
    }

    @Test("a new company with a valid P.IVA is created and its page opens; the trail says who did it")
    func createCompany() throws {
        let response = create("VERDI SNC", "IT 12345678903")
        #expect(response.status == 303)
        let id = try tenantID("12345678903")
        #expect(response.header("Location") == "/desk/aziende/\(id)?avviso=creata")
        let page = html(fixture.get("/desk/aziende/\(id)", cookies: manager))
        #expect(page.contains("VERDI SNC") && page.contains(Text.noCompanyUsers) && page.contains(Text.inviteAdministrator))
        #expect(try fixture.database.scalarInt(
            "SELECT count(*) FROM audit_events WHERE event = 'tenant_created' AND tenant_id = ? AND actor_email = ?",
            [id, "giulia.neri@assistenza.example"]) == 1)
    }

    @Test("a bad or existing P.IVA and an empty name are refused next to their field, the typed values kept", arguments: [
        ("VERDI SNC", "12345678901", "vat-error", Text.legacyVATChecksum),
        ("VERDI SNC", "1234", "vat-error", Text.legacyVATFormat),
        ("VERDI SNC", "02740123456", "vat-error", Text.companyExists("02740123456")),
        ("  ", "12345678903", "name-error", Text.fieldRequired),
    ])
    func refused(_ name: String, _ vat: String, _ errorID: String, _ message: String) throws {
        let before = try fixture.database.scalarInt("SELECT count(*) FROM tenants")
        let response = create(name, vat)
        #expect(response.status == 422)
        let page = html(response)
        #expect(page.contains("id=\"\(errorID)\""))
        #expect(page.contains(message.replacingOccurrences(of: "'", with: "&#39;")) || page.contains(message))
        #expect(page.contains("value=\"\(vat)\""))
        #expect(try fixture.database.scalarInt("SELECT count(*) FROM tenants") == before)
    }

    @Test("Invita amministratore sends the two e-mails of the first access and the invitation is listed, resent and removed")
    func inviteAdministrator() throws {
        #expect(create("VERDI SNC", "12345678903").status == 303)
        let id = try tenantID("12345678903")
        let invited = fixture.post("/desk/aziende/\(id)/invita", ["csrf": token, "email": "anna@verdi.example"], cookies: manager)
        #expect(invited.status == 303)
        let mails = try fixture.database.query("SELECT subject FROM outbox WHERE recipients LIKE '%anna@verdi.example%' ORDER BY id")
            .map { $0.string("subject") }
        #expect(mails.count == 2)
        #expect(mails.contains { $0.contains("Benvenuto") } && mails.contains { $0.contains("Invito") })
        let invitation = try fixture.database.scalarInt("SELECT id FROM invitations WHERE tenant_id = ?", [id])
        #expect(try fixture.database.scalarInt("SELECT count(*) FROM invitations WHERE id = ? AND role = 'admin'", [invitation]) == 1)
        #expect(html(fixture.get("/desk/aziende/\(id)", cookies: manager)).contains("anna@verdi.example"))

        #expect(fixture.post("/desk/aziende/\(id)/inviti/\(invitation)/reinvia", ["csrf": token], cookies: manager).status == 303)
        #expect(try fixture.database.scalarInt("SELECT count(*) FROM outbox WHERE recipients LIKE '%anna@verdi.example%'") == 4)
        #expect(fixture.post("/desk/aziende/\(id)/inviti/\(invitation)/rimuovi", ["csrf": token], cookies: manager).status == 303)
        #expect(!html(fixture.get("/desk/aziende/\(id)", cookies: manager)).contains("anna@verdi.example"))
        // Another company's invitation is not this company's: nothing is done, and the answer
        // is the one for an invitation gone meanwhile.
        let rossi = try tenantID("02740123456")
        let other = fixture.post("/desk/aziende/\(rossi)/inviti/\(invitation)/reinvia", ["csrf": token], cookies: manager)
        #expect(other.status == 303 && other.header("Location") == "/desk/aziende/\(rossi)?avviso=non-in-attesa#company-invitations")
        let trail = try fixture.database.query("SELECT event FROM audit_events WHERE tenant_id = ? ORDER BY id", [id]).map { $0.string("event") }
        #expect(trail == ["tenant_created", "invitation_sent", "invitation_resent", "invitation_cancelled"])
    }

    @Test("an operator's address or a member's cannot be invited as administrator", arguments: [
        "paolo.gallo@assistenza.example", "mario.rossi@rossi.example",
    ])
    func inviteRefused(_ email: String) throws {
        let rossi = try tenantID("02740123456")
        let response = fixture.post("/desk/aziende/\(rossi)/invita", ["csrf": token, "email": email], cookies: manager)
        #expect(response.status == 422)
        #expect(html(response).contains("id=\"email-error\"") && html(response).contains("value=\"\(email)\""))
    }

    @Test("a deactivated company: its sessions lose it, its users are told why at the company choice, the data stays")
    func deactivation() throws {
        let rossi = try tenantID("02740123456")
        let mario = try fixture.session("mario.rossi@rossi.example")
        #expect(fixture.get("/ticket", cookies: mario).status == 200)
        let tickets = try fixture.database.scalarInt("SELECT count(*) FROM tickets WHERE tenant_id = ?", [rossi])

        #expect(fixture.post("/desk/aziende/\(rossi)/disattiva", ["csrf": token], cookies: manager).status == 303)
        let away = fixture.get("/ticket", cookies: mario)
        #expect(away.status == 303 && away.header("Location") == "/accesso/azienda?next=/ticket", "the list opens once a company is chosen")
        #expect(fixture.get("/dashboard", cookies: mario).header("Location") == "/accesso/azienda")
        let choice = html(fixture.get("/accesso/azienda", cookies: mario))
        #expect(choice.contains(Text.companyDeactivatedBadge) && choice.contains("non è possibile entrarvi"))
        let choiceToken = try fixture.csrf("/profilo", cookies: mario)
        let chosen = fixture.post("/accesso/azienda", ["csrf": choiceToken, "tenant": String(rossi)], cookies: mario)
        #expect(chosen.header("Location") == "/accesso/azienda?avviso=disattivata")
        #expect(try fixture.database.scalarInt("SELECT count(*) FROM tickets WHERE tenant_id = ?", [rossi]) == tickets)
        #expect(html(fixture.get("/desk/aziende", cookies: manager)).contains("Disattivata dal"))
        let invite = fixture.post("/desk/aziende/\(rossi)/invita", ["csrf": token, "email": "nuovo@rossi.example"], cookies: manager)
        #expect(invite.status == 422 && html(invite).contains(Text.companyDeactivatedNoInvitation))

        #expect(fixture.post("/desk/aziende/\(rossi)/riattiva", ["csrf": token], cookies: manager).status == 303)
        #expect(fixture.post("/accesso/azienda", ["csrf": choiceToken, "tenant": String(rossi)], cookies: mario).status == 303)
        // The company's administrator reads both changes in "Attività".
        let admin = try fixture.session("mario.rossi@rossi.example")
        let activity = html(fixture.get("/tenant/attivita", cookies: admin))
        #expect(activity.contains("Giulia Neri (Assistenza)") && !activity.contains("giulia.neri@assistenza.example"))
    }

    @Test("Portale classico lists the companies that asked and have no user yet, newest first, with the invitation prefilled")
    func legacyRequests() throws {
        #expect(create("VERDI SNC", "12345678903").status == 303)
        #expect(create("NERI SPA", "98765432103").status == 303)
        let verdi = try tenantID("12345678903")
        let neri = try tenantID("98765432103")
        let rossi = try tenantID("02740123456")
        let now = Clock.now()
        try fixture.database.write { _ in
            let store = LegacyAccessStore(fixture.database)
            try store.record(tenantID: verdi, vat: VATNumber("12345678903")!, clientIP: "", now: now - 100)
            try store.record(tenantID: neri, vat: VATNumber("98765432103")!, clientIP: "", now: now - 10)
            try store.record(tenantID: rossi, vat: VATNumber("02740123456")!, clientIP: "", now: now)
        }
        let page = html(fixture.get("/desk/portale-classico", cookies: manager))
        let neriAt = try #require(page.range(of: "NERI SPA"))
        let verdiAt = try #require(page.range(of: "VERDI SNC"))
        #expect(neriAt.lowerBound < verdiAt.lowerBound)
        #expect(!page.contains("ROSSI SRL"), "ROSSI SRL has users")
        #expect(page.contains("href=\"/desk/aziende/\(verdi)/invita\""))
        let form = html(fixture.get("/desk/aziende/\(verdi)/invita", cookies: manager))
        #expect(form.contains("VERDI SNC") && form.contains(">Email<"))
    }

    @Test("Registro attività shows the whole trail, filtered by company, and pages")
    func auditLog() throws {
        #expect(create("VERDI SNC", "12345678903").status == 303)
        let all = html(fixture.get("/desk/registro", cookies: manager))
        #expect(all.contains("Azienda creata") && all.contains("VERDI SNC"))
        let filtered = html(fixture.get("/desk/registro?azienda=bianchi", cookies: manager))
        #expect(!filtered.contains("VERDI SNC"))
        let byVAT = html(fixture.get("/desk/registro?azienda=12345678903", cookies: manager))
        #expect(byVAT.contains("VERDI SNC"))
        try fixture.database.write { tx in
            for _ in 0..<AuditStore.pageSize { try AuditStore.record(in: tx, "logout", now: Clock.now()) }
        }
        let first = html(fixture.get("/desk/registro", cookies: manager))
        #expect(first.contains("rel=\"next\" href=\"/desk/registro?pagina=2\""))
        #expect(html(fixture.get("/desk/registro?pagina=2", cookies: manager)).contains("rel=\"prev\""))
    }
}
