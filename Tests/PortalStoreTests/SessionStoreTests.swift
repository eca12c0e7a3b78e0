import PortalCore
import PortalCrypto
import PortalStore
import Testing

@Suite("SessionStore")
struct SessionStoreTests {
    private let week: Int64 = 7 * 24 * 3600

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

    @Test("a password change ends every session, with or without a company, and each says why")
    func passwordChangeEndsEverySessionWithItsReason() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        // Without a company (an operator's, a login before «Scelta Tenant"): the case that
        // needed tenant_id to be nullable in ended_sessions (migration 0039).
        let withoutCompany = try makeSession(database, remember: false)
        let userID = try database.scalarInt("SELECT user_id FROM sessions")
        let tenant = try TenantStore(database).add(name: "Rossi S.r.l.", vat: VATNumber("02019510409")!, now: 0)
        try TenantStore(database).addMember(userID: userID, tenantID: tenant.id, role: .administrator, now: 0)
        let inCompany = Token.generate().hash
        _ = try SessionStore(database).create(
            tokenHash: inCompany, userID: userID, tenantID: tenant.id, remember: false, userAgent: "test", clientIP: "127.0.0.1", now: 0)
        let sessions = SessionStore(database)
        try sessions.deleteAll(userID: userID, reason: .passwordChanged, now: 10)
        #expect(try database.scalarInt("SELECT count(*) FROM sessions") == 0)
        // Said while the person is still in the company (a removal is said only while out of it).
        #expect(try sessions.endedReason(tokenHash: withoutCompany) == .passwordChanged)
        #expect(try sessions.endedReason(tokenHash: inCompany) == .passwordChanged)
        #expect(try sessions.endedReason(tokenHash: Token.generate().hash) == nil)
    }

    @Test("a removal is said only while the person is out of that company")
    func removalSaidWhileOut() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        _ = try makeSession(database, remember: false)
        let userID = try database.scalarInt("SELECT user_id FROM sessions")
        let tenant = try TenantStore(database).add(name: "Rossi S.r.l.", vat: VATNumber("02019510409")!, now: 0)
        let token = Token.generate().hash
        _ = try SessionStore(database).create(
            tokenHash: token, userID: userID, tenantID: tenant.id, remember: false, userAgent: "test", clientIP: "127.0.0.1", now: 0)
        try SessionStore(database).deleteAll(userID: userID, tenantID: tenant.id, reason: .removedFromCompany, now: 10)
        #expect(try SessionStore(database).endedReason(tokenHash: token) == .removedFromCompany)
        // Restored (or invited back): the old cookie is only an ended session.
        try TenantStore(database).addMember(userID: userID, tenantID: tenant.id, role: .technician, now: 20)
        #expect(try SessionStore(database).endedReason(tokenHash: token) == nil)
    }

    @Test("a session not remembered is gone after the idle timeout")
    func idleSessionExpires() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let hash = try makeSession(database, remember: false)
        let sessions = SessionStore(database)
        #expect(try sessions.find(tokenHash: hash, now: SessionStore.idleTimeout + 61, rememberedIdle: week) == nil)
        // and the row went with it
        #expect(try database.scalarInt("SELECT count(*) FROM sessions") == 0)
    }

    @Test("a session not remembered stays while in use")
    func activeSessionStays() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let hash = try makeSession(database, remember: false)
        let sessions = SessionStore(database)
        #expect(try sessions.find(tokenHash: hash, now: SessionStore.idleTimeout - 1, rememberedIdle: week) != nil)
        // that visit counted: another idle timeout from it is still fine
        #expect(try sessions.find(tokenHash: hash, now: 2 * SessionStore.idleTimeout - 2, rememberedIdle: week) != nil)
    }

    @Test("a remembered session survives the idle timeout")
    func rememberedSessionStays() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let hash = try makeSession(database, remember: true)
        let session = try #require(try SessionStore(database).find(tokenHash: hash, now: SessionStore.idleTimeout + 61, rememberedIdle: week))
        #expect(session.remember)
    }

    @Test("while another connection holds the write lock, a live session is still found and an expired one still refused")
    func lockedDatabase() throws {
        let temporary = try TemporaryDatabase()
        let hash = try makeSession(temporary.database, remember: false)
        // This connection gives up on the lock at once; the other one holds it throughout.
        let reader = try Database(path: temporary.directory + "/portal.sqlite3", busyTimeoutMilliseconds: 0)
        try temporary.database.execute("BEGIN IMMEDIATE")
        defer { try? temporary.database.execute("ROLLBACK") }
        let sessions = SessionStore(reader)
        // Due for its once-a-minute touch (a minute after its creation), which cannot be written.
        #expect(try sessions.find(tokenHash: hash, now: 61, rememberedIdle: week) != nil)
        // Idle too long: refused, though its row cannot be deleted yet.
        #expect(try sessions.find(tokenHash: hash, now: SessionStore.idleTimeout + 61, rememberedIdle: week) == nil)
        try temporary.database.execute("ROLLBACK")
        #expect(try sessions.find(tokenHash: hash, now: SessionStore.idleTimeout + 61, rememberedIdle: week) == nil)
        #expect(try reader.scalarInt("SELECT count(*) FROM sessions") == 0)
    }

    @Test("an unknown token finds nothing")
    func unknownToken() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        _ = try makeSession(database, remember: true)
        #expect(try SessionStore(database).find(tokenHash: Token.generate().hash, now: 1, rememberedIdle: week) == nil)
    }

    @Test("a remembered session left unused longer than the idle limit is gone, one in use stays to its lifetime")
    func rememberedSessionIdles() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let hash = try makeSession(database, remember: true)
        let sessions = SessionStore(database)
        // Used every six days, it lives on past the idle limit ...
        var now: Int64 = 0
        while now + 6 * 86400 < SessionStore.rememberedLifetime {
            now += 6 * 86400
            #expect(try sessions.find(tokenHash: hash, now: now, rememberedIdle: week) != nil, "day \(now / 86400)")
        }
        // ... and a shorter configured limit ends it after that long unused.
        #expect(try sessions.find(tokenHash: hash, now: now + 2 * 86400 + 1, rememberedIdle: 2 * 86400) == nil)
        #expect(try database.scalarInt("SELECT count(*) FROM sessions") == 0)
    }

    @Test("the owner lists their live sessions and ends one or all the others, never someone else's")
    func listAndEnd() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let users = UserStore(database)
        let owner = try users.create(email: EmailAddress("owner@example.it")!, passwordHash: "x", provisionalUntil: nil, now: 0)
        let other = try users.create(email: EmailAddress("other@example.it")!, passwordHash: "x", provisionalUntil: nil, now: 0)
        let sessions = SessionStore(database)
        func open(_ userID: Int64, remember: Bool, agent: String) throws -> Int64 {
            try sessions.create(
                tokenHash: Token.generate().hash, userID: userID, tenantID: nil, remember: remember, userAgent: agent,
                clientIP: "192.0.2.1", now: 0)
        }
        let current = try open(owner, remember: false, agent: "Firefox")
        let phone = try open(owner, remember: true, agent: "Safari")
        let laptop = try open(owner, remember: true, agent: "Chrome")
        let stranger = try open(other, remember: true, agent: "Edge")
        #expect(try sessions.list(userID: owner, now: 10, rememberedIdle: week).map(\.id).sorted() == [current, phone, laptop])
        // One left idle past its limit is not listed.
        #expect(try sessions.list(userID: owner, now: SessionStore.idleTimeout + 1, rememberedIdle: week).map(\.id).sorted() == [phone, laptop])

        #expect(try sessions.delete(id: stranger, userID: owner, now: 10) == false)
        #expect(try sessions.delete(id: phone, userID: owner, now: 10))
        #expect(try sessions.list(userID: owner, now: 10, rememberedIdle: week).map(\.id).sorted() == [current, laptop])
        #expect(try sessions.deleteOthers(userID: owner, keeping: current, now: 10) == 1)
        #expect(try sessions.list(userID: owner, now: 10, rememberedIdle: week).map(\.id) == [current])
        #expect(try sessions.list(userID: other, now: 10, rememberedIdle: week).map(\.id) == [stranger])
        // The browsers they ended hear why; the stranger's session was none of theirs to end.
        let ended = try database.query("SELECT reason FROM ended_sessions").map { $0.string("reason") }
        #expect(ended == [SessionStore.EndedReason.endedByOwner.rawValue, SessionStore.EndedReason.endedByOwner.rawValue])
        let hashes = try database.query("SELECT token_hash FROM ended_sessions").map { $0.blob("token_hash") }
        for hash in hashes { #expect(try sessions.endedReason(tokenHash: hash) == .endedByOwner) }
    }
}
