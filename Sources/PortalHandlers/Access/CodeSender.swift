import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// E-mail codes: 7 characters from a 46-letter unambiguous alphabet, valid
/// 10 minutes, stored hashed on the login challenge, at most 3 sent per user in 15 minutes.
enum CodeSender {
    /// Checked without regard to case (below), a character is one of 26: seven make 8 × 10⁹
    /// codes, 32.9 bits (issue #3 asks for 30 at least; six were 28.2).
    static let length = 7
    static let validity: Int64 = 10 * 60
    static let maxAttempts = 5
    static let maxSent = 3
    static let sendWindow: Int64 = 15 * 60

    /// Of the code in capitals: typed from a phone, "pVpavC" as "pvpavc" is the same code. The
    /// alphabet has each letter in both cases, so folding leaves 26 symbols: 8 × 10⁹ codes,
    /// 5 tries each.
    ///
    /// Keyed with the installation's secret: 8 × 10⁹ codes hashed without a key are all tried
    /// in minutes by whoever reads the database, and a stored hash gave the code back.
    static func hash(_ code: String, key: HMACKey) -> [UInt8] { key.authenticate(Array(("login-code:" + code.uppercased()).utf8)) }

    /// Whether `typed` is the code stored as `expected`. Codes sent by an earlier version (at
    /// most ten minutes old when this one starts) were hashed without a key, in capitals or
    /// as typed: still taken.
    static func matches(_ typed: String, _ expected: [UInt8], key: HMACKey) -> Bool {
        ConstantTime.equal(hash(typed, key: key), expected)
            || ConstantTime.equal(Digest.blake2b(Array(typed.uppercased().utf8)), expected)
            || ConstantTime.equal(Digest.blake2b(Array(typed.utf8)), expected)
    }

    /// Sends a new code for the challenge; false when the user already had 3 codes in the
    /// last 15 minutes.
    static func send(
        in tx: WriteTransaction, to user: UserRecord, challengeID: Int64, _ request: Request, _ services: Services
    ) throws -> Bool {
        let now = services.now
        let challenges = LoginChallengeStore(services.database)
        guard try challenges.codesSent(userID: user.id, since: now - sendWindow) < maxSent else {
            try AuditStore.record(in: tx, "code_refused", tenantID: user.lastTenantID, userID: user.id, actorEmail: user.email,
                detail: "too many codes", clientIP: request.clientAddress, now: now)
            return false
        }
        let code = Random.code(length: length)
        try challenges.setCode(id: challengeID, codeHash: hash(code, key: services.secretKey), expiresAt: now + validity)
        try challenges.recordCodeSent(userID: user.id, now: now)
        try OutboxStore.enqueue(in: tx, to: [EmailAddress(user.email)!], subject: Text.codeMailSubject(), body: Text.codeMailBody(code: code, portalURL: services.config.publicURL), now: now, kind: .secret)
        try AuditStore.record(in: tx, "code_sent", tenantID: user.lastTenantID, userID: user.id, actorEmail: user.email,
            clientIP: request.clientAddress, now: now)
        return true
    }

    /// When this user may receive a new code, or nil when one may be sent now: the code page
    /// says so instead of claiming that a code was sent.
    static func nextCodeAllowed(for user: UserRecord, _ services: Services) throws -> Timestamp? {
        let now = services.now
        return try LoginChallengeStore(services.database).nextCodeAllowed(
            userID: user.id, since: now - sendWindow, window: sendWindow, limit: maxSent)
    }
}
