import PortalCore
import PortalCrypto
import PortalStore
import Testing

@Suite("SessionStore")
struct SessionStoreTests {
    private func makeSession(_ database: Database, remember: Bool) throws -> [UInt8] {
        let users = UserStore(database)
        let email = EmailAddress("utente\(remember ? 1 : 0)@example.it")!
        let userID = try users.create(email: email, passwordHash: "x", provisionalUntil: nil, now: 0)
        let token = Token.generate()
        _ = try SessionStore(database).create(
            tokenHash: token.hash, userID: userID, tenantID: nil, remember: remember, userAgent: "test", clientIP: "127.0.0.1",
            now: 0)
        return token.hash
    }

    @Test("a session not remembered is gone after the idle timeout")
    func idleSessionExpires() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let hash = try makeSession(database, remember: false)
        let sessions = SessionStore(database)
        #expect(try sessions.find(tokenHash: hash, now: SessionStore.idleTimeout + 61) == nil)
        // and the row went with it
        #expect(try database.scalarInt("SELECT count(*) FROM sessions") == 0)
    }

    @Test("a session not remembered stays while in use")
    func activeSessionStays() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let hash = try makeSession(database, remember: false)
        let sessions = SessionStore(database)
        #expect(try sessions.find(tokenHash: hash, now: SessionStore.idleTimeout - 1) != nil)
        // that visit counted: another idle timeout from it is still fine
        #expect(try sessions.find(tokenHash: hash, now: 2 * SessionStore.idleTimeout - 2) != nil)
    }

    @Test("a remembered session survives the idle timeout")
    func rememberedSessionStays() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let hash = try makeSession(database, remember: true)
        let session = try #require(try SessionStore(database).find(tokenHash: hash, now: SessionStore.idleTimeout + 61))
        #expect(session.remember)
    }

    @Test("an unknown token finds nothing")
    func unknownToken() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        _ = try makeSession(database, remember: true)
        #expect(try SessionStore(database).find(tokenHash: Token.generate().hash, now: 1) == nil)
    }
}
