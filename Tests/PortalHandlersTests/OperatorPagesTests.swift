import PortalCore
import PortalDomain
import PortalHTTP
import PortalHandlers
import PortalStore
import Testing

@Suite("Operatori: a Responsabile invites, changes roles, deactivates (in process)", .serialized)
struct OperatorPagesTests {
    let fixture: Fixture
    let manager: [String: String]
    let token: String

    init() throws {
        fixture = try Fixture()
        (manager, token) = try fixture.managerSession()
    }

    private func html(_ response: Response) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test("the list shows every operator with role and state, and the menu leads there")
    func list() throws {
        let page = html(fixture.get("/desk/operatori", cookies: manager))
        #expect(page.contains("paolo.gallo@assistenza.example"))
        #expect(page.contains(">Ruolo di Paolo Gallo<"))
        #expect(page.contains("href=\"/desk/operatori\""))
        #expect(page.contains(">Amministrazione<") || page.contains(" Amministrazione<"))
    }

    @Test("an Operatore's menu has no administration")
    func operatorMenu() throws {
        let paolo = try fixture.session("paolo.gallo@assistenza.example")
        let queue = html(fixture.get("/desk/", cookies: paolo))
        #expect(!queue.contains("/desk/operatori"))
    }

    @Test("inviting an operator creates the account with provisional credentials and the chosen role")
    func invite() throws {
        let response = fixture.post(
            "/desk/operatori", ["csrf": token, "name": "Sara Conti", "email": "sara.conti@assistenza.example", "role": "manager"],
            cookies: manager)
        #expect(response.status == 303)
        let user = try #require(try UserStore(fixture.database).find(email: EmailAddress("sara.conti@assistenza.example")!))
        #expect(user.deskRole == .manager)
        #expect(user.passwordIsProvisional)
        #expect(try fixture.database.scalarInt("SELECT count(*) FROM outbox WHERE recipients LIKE '%sara.conti%'") == 1)
        #expect(try fixture.database.scalarInt(
            "SELECT count(*) FROM audit_events WHERE event = 'operator_created' AND actor_email = 'giulia.neri@assistenza.example'") == 1)
    }

    @Test("an address already used by an operator or a customer is refused next to the field, the name kept",
          arguments: ["paolo.gallo@assistenza.example", "luca.verdi@rossi.example"])
    func addressInUse(_ email: String) throws {
        let users = try fixture.database.scalarInt("SELECT count(*) FROM users")
        let response = fixture.post(
            "/desk/operatori", ["csrf": token, "name": "Sara Conti", "email": email, "role": "operator"], cookies: manager)
        #expect(response.status == 422)
        let page = html(response)
        #expect(page.contains("email-error"))
        #expect(page.contains("Esiste già un utente"))
        #expect(page.contains("value=\"Sara Conti\""))
        #expect(try fixture.database.scalarInt("SELECT count(*) FROM users") == users)
    }

    @Test("a bad address or an empty name is refused next to its field", arguments: [
        ("Sara Conti", "non-un-indirizzo", "email-error"), ("  ", "sara@assistenza.example", "name-error"),
    ])
    func badInput(_ name: String, _ email: String, _ errorID: String) throws {
        let response = fixture.post("/desk/operatori", ["csrf": token, "name": name, "email": email, "role": "operator"], cookies: manager)
        #expect(response.status == 422)
        #expect(html(response).contains("id=\"\(errorID)\""))
    }

    @Test("the last Responsabile cannot demote or deactivate themself: the message is next to the control")
    func lastManager() throws {
        let giulia = try fixture.userID("giulia.neri@assistenza.example")
        let demote = fixture.post("/desk/operatori/\(giulia)/ruolo", ["csrf": token, "role": "operator"], cookies: manager)
        #expect(demote.status == 422)
        #expect(html(demote).contains("id=\"role-\(giulia)-error\""))
        #expect(html(demote).contains(Text.lastManagerDemote))
        let deactivate = fixture.post("/desk/operatori/\(giulia)/disattiva", ["csrf": token], cookies: manager)
        #expect(deactivate.status == 422)
        #expect(html(deactivate).contains("id=\"deactivate-\(giulia)-error\""))
        #expect(try UserStore(fixture.database).find(id: giulia)?.deskRole == .manager)
        #expect(try UserStore(fixture.database).find(id: giulia)?.deactivatedAt == nil)
    }

    @Test("changing a role, deactivating and reactivating an operator; the deactivated one's session is gone")
    func roleAndDeactivation() throws {
        let paolo = try fixture.userID("paolo.gallo@assistenza.example")
        let paoloSession = try fixture.session("paolo.gallo@assistenza.example")
        #expect(fixture.post("/desk/operatori/\(paolo)/ruolo", ["csrf": token, "role": "manager"], cookies: manager).status == 303)
        #expect(try UserStore(fixture.database).find(id: paolo)?.deskRole == .manager)
        #expect(fixture.get("/desk/operatori", cookies: paoloSession).status == 200)

        #expect(fixture.post("/desk/operatori/\(paolo)/disattiva", ["csrf": token], cookies: manager).status == 303)
        #expect(fixture.get("/desk/", cookies: paoloSession).status == 404)
        #expect(try fixture.database.scalarInt("SELECT count(*) FROM sessions WHERE user_id = ?", [paolo]) == 0)
        #expect(html(fixture.get("/desk/operatori", cookies: manager)).contains("Disattivato dal"))

        #expect(fixture.post("/desk/operatori/\(paolo)/riattiva", ["csrf": token], cookies: manager).status == 303)
        #expect(try UserStore(fixture.database).find(id: paolo)?.deactivatedAt == nil)
        let events = try fixture.database.query("SELECT event FROM audit_events WHERE user_id = ? ORDER BY id", [
            try fixture.userID("giulia.neri@assistenza.example"),
        ]).map { $0.string("event") }
        // The deactivated operator's tickets going back to the queue are lines of their own.
        #expect(events.filter { !$0.hasPrefix("ticket_") }.suffix(3) == ["operator_role_changed", "operator_deactivated", "operator_reactivated"])
    }

    @Test("a customer's id is not an operator: 404")
    func customerIsNotAnOperator() throws {
        let luca = try fixture.userID("luca.verdi@rossi.example")
        #expect(fixture.post("/desk/operatori/\(luca)/disattiva", ["csrf": token], cookies: manager).status == 404)
    }

    @Test("a deactivated operator's right password is refused with the reason, in Italian")
    func loginRefused() throws {
        let paolo = try fixture.userID("paolo.gallo@assistenza.example")
        #expect(fixture.post("/desk/operatori/\(paolo)/disattiva", ["csrf": token], cookies: manager).status == 303)
        let visitor = Fixture.visitor
        let loginToken = try fixture.csrf("/login", cookies: visitor)
        let response = fixture.post(
            "/login", ["csrf": loginToken, "email": "paolo.gallo@assistenza.example", "password": DemoData.password],
            cookies: visitor)
        #expect(response.status == 403)
        #expect(html(response).contains("è stato disattivato"))
    }
}
