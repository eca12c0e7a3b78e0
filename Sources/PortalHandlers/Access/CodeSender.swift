import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// E-mail codes: 6 characters from a 46-letter unambiguous alphabet (about 33 bits), valid
/// 10 minutes, stored hashed on the login challenge, at most 3 sent per user in 15 minutes.
enum CodeSender {
    static let length = 6
    static let validity: Int64 = 10 * 60
    static let maxAttempts = 5
    static let maxSent = 3
    static let sendWindow: Int64 = 15 * 60

    /// Of the code in capitals: typed from a phone, "pVpavC" as "pvpavc" is the same code. The
    /// alphabet has each letter in both cases, so folding leaves 26 symbols: 3 × 10⁸ codes,
    /// 5 tries each.
    static func hash(_ code: String) -> [UInt8] { Digest.blake2b(Array(code.uppercased().utf8)) }

    /// A code sent before codes were hashed in capitals (at most ten minutes old when this
    /// version starts) is still taken as typed.
    static func exactHash(_ code: String) -> [UInt8] { Digest.blake2b(Array(code.utf8)) }

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
        try challenges.setCode(id: challengeID, codeHash: hash(code), expiresAt: now + validity)
        try challenges.recordCodeSent(userID: user.id, now: now)
        try OutboxStore.enqueue(in: tx, to: [EmailAddress(user.email)!], subject: Text.codeMailSubject(), body: Text.codeMailBody(code: code), now: now, kind: .secret)
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
