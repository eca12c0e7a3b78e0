import PortalCore
import PortalCrypto
import PortalHTTP
@testable import PortalHandlers
import PortalStore
import Testing

/// A session's request is written only while its access still holds: the group's guard is
/// asked again inside each of the request's write transactions. Another request's commit is
/// put between the guard and the write here by the route itself, through a second connection.
@Suite("A request's access is checked again at its first write (in process)", .serialized)
struct AccessAtWriteTests {
    let fixture: Fixture

    init() throws {
        fixture = try Fixture()
        try fixture.database.execute("CREATE TABLE probe (label TEXT NOT NULL)")
    }

    /// One POST route of `group` whose handler lets `meanwhile` commit, then writes "first"
    /// (and "second" after `between`, in a second transaction of its own).
    private func send<Guard: AccessGuard>(
        _ group: Guard.Type, as email: String, checksAccessAtWrite: Bool = true, meanwhile: @escaping () throws -> Void,
        between: @escaping () throws -> Void = {}
    ) throws -> Response where Guard.Context: SessionContext {
        let app = try PortalApp(config: fixture.config) { table in
            table.post("/prova", group, bodyLimit: 1024, checksAccessAtWrite: checksAccessAtWrite) { _, context in
                try meanwhile()
                let database = context.services.database
                try database.write { _ in try database.run("INSERT INTO probe (label) VALUES ('first')") }
                try between()
                try database.write { _ in try database.run("INSERT INTO probe (label) VALUES ('second')") }
                return Response.html("ok")
            }
        }
        let cookies = try fixture.session(email)
        let token = try #require(cookies["portal_session"])
        let csrf = CSRF.token(for: token, key: app.services.secretKey)
        return app.handle(
            Request(
                method: "POST", path: "/prova", headers: ["content-type": "application/x-www-form-urlencoded"],
                cookies: cookies, body: Array("csrf=\(csrf)".utf8)))
    }

    private func written() throws -> [String] {
        try fixture.database.query("SELECT label FROM probe ORDER BY rowid").map { $0.string("label") }
    }

    private func userID(_ email: String) throws -> Int64 { try fixture.userID(email) }

    @Test("nothing changed meanwhile: both writes land")
    func unchanged() throws {
        let response = try send(MemberGuard.self, as: "luca.verdi@rossi.example", meanwhile: {})
        #expect(response.status == 200)
        #expect(try written() == ["first", "second"])
    }

    @Test("the author removed from the company meanwhile: nothing is written, the browser goes to the login")
    func memberRemoved() throws {
        let id = try userID("luca.verdi@rossi.example")
        let response = try send(MemberGuard.self, as: "luca.verdi@rossi.example") {
            try fixture.database.run("DELETE FROM memberships WHERE user_id = ?", [id])
        }
        #expect(response.status == 303)
        #expect(response.header("Location")?.hasPrefix("/login") == true)
        #expect(try written().isEmpty)
    }

    @Test("an administrator demoted meanwhile: an administrator's form writes nothing")
    func administratorDemoted() throws {
        let id = try userID("mario.rossi@rossi.example")
        let response = try send(AdministratorGuard.self, as: "mario.rossi@rossi.example") {
            try fixture.database.run("UPDATE memberships SET role = 'tech' WHERE user_id = ?", [id])
        }
        #expect(response.status == 404)
        #expect(try written().isEmpty)
    }

    @Test("an operator deactivated meanwhile: a desk form writes nothing")
    func operatorDeactivated() throws {
        let id = try userID("giulia.neri@assistenza.example")
        let response = try send(OperatorGuard.self, as: "giulia.neri@assistenza.example") {
            try fixture.database.run("UPDATE users SET deactivated_at = 1 WHERE id = ?", [id])
            try fixture.database.run("DELETE FROM sessions WHERE user_id = ?", [id])
        }
        #expect(response.status != 200)
        #expect(try written().isEmpty)
    }

    @Test("the session ended meanwhile (a password changed elsewhere): a profile form writes nothing")
    func sessionEnded() throws {
        let id = try userID("luca.verdi@rossi.example")
        let response = try send(SignedInGuard.self, as: "luca.verdi@rossi.example") {
            try fixture.database.run("DELETE FROM sessions WHERE user_id = ?", [id])
        }
        #expect(response.status == 303)
        #expect(try written().isEmpty)
    }

    @Test("every write is held to it: the session ended between a request's two writes, the second writes nothing")
    func everyWrite() throws {
        let id = try userID("luca.verdi@rossi.example")
        let response = try send(
            SignedInGuard.self, as: "luca.verdi@rossi.example", meanwhile: {},
            between: { try fixture.database.run("DELETE FROM sessions WHERE user_id = ?", [id]) })
        #expect(response.status == 303)
        #expect(try written() == ["first"])
    }

    @Test("a route that ends its own session (Esci) is not held to it")
    func exempt() throws {
        let id = try userID("luca.verdi@rossi.example")
        let response = try send(SignedInGuard.self, as: "luca.verdi@rossi.example", checksAccessAtWrite: false) {
            try fixture.database.run("DELETE FROM sessions WHERE user_id = ?", [id])
        }
        #expect(response.status == 200)
        #expect(try written() == ["first", "second"])
    }

    @Test("a company switch whose session ended meanwhile (a password changed elsewhere) makes no session")
    func switchAfterTheSessionEnded() throws {
        let app = try PortalApp(config: fixture.config) { _ in }
        let id = try userID("luca.verdi@rossi.example")
        let user = try #require(try UserStore(fixture.database).find(id: id))
        let ended = Request(method: "POST", path: "/accesso/azienda", cookies: ["portal_session": Token.generate().value])
        #expect(throws: Redirect.self) {
            try AccessFlow.startSession(user: user, tenantID: user.lastTenantID, challenge: nil, ended, app.services)
        }
        #expect(try fixture.database.scalarInt("SELECT count(*) FROM sessions WHERE user_id = ?", [id]) == 0)
    }

    @Test("a login whose row is gone under the write lock (ended, or finished by another press) makes no session")
    func loginAfterItEnded() throws {
        let app = try PortalApp(config: fixture.config) { _ in }
        let id = try userID("luca.verdi@rossi.example")
        let user = try #require(try UserStore(fixture.database).find(id: id))
        let cookies = try fixture.login("luca.verdi@rossi.example", stage: .company)
        let token = try #require(cookies["portal_login"])
        let challenge = try #require(try LoginChallengeStore(fixture.database).find(tokenHash: Token.hash(token), now: Clock.now()))
        try LoginChallengeStore(fixture.database).deleteAll(userID: id)
        let request = Request(method: "POST", path: "/accesso/azienda", cookies: cookies)
        #expect(throws: Redirect.self) {
            try AccessFlow.startSession(user: user, tenantID: user.lastTenantID, challenge: challenge, request, app.services)
        }
        #expect(try fixture.database.scalarInt("SELECT count(*) FROM sessions WHERE user_id = ?", [id]) == 0)
    }
}
