import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// The brake on guessing passwords, without a lock that anyone could pull on the owner:
/// - per source (the typed address and the client's address): after 10 failed passwords or
///   codes in 15 minutes (issue 3's figure), each further try must wait, doubling from 2 seconds up to 15
///   minutes; a try during the wait is refused without looking at the password. Only that
///   source waits: the owner elsewhere logs in as usual.
/// - per account, from anywhere: from 5 failures in its window on, a right password always
///   leads to the e-mail code (a trusted device does not skip it), so whoever guesses the
///   password still cannot enter without the owner's mailbox; the owner gets one e-mail.
/// nginx's per-address limit bounds how fast any one address tries at all.
enum LoginThrottle {
    static let window: Int64 = 15 * 60
    static let freeFailures = 10
    static let accountAlertFailures = 5

    /// What a failure is counted under: the typed address in lower case (whether or not it
    /// has an account, so the brake says nothing about that) and the client's address.
    struct Source {
        let email: String
        let client: String

        init(typedEmail: String, _ request: Request) {
            let typed = String(typedEmail.trimmingWhitespace().lowercased().prefix(254))
            // Not an address (a password typed in the wrong field): counted under its hash,
            // never stored as typed.
            email = EmailAddress(typed) != nil ? typed : "#" + Token.hash(typed).prefix(12).map { String($0, radix: 16) }.joined()
            client = LoginThrottle.clientKey(request.clientAddress)
        }
    }

    /// An IPv6 client is counted by its /64, which one subscriber usually holds whole: a
    /// guesser cannot get a fresh budget by stepping to the next address.
    static func clientKey(_ address: String) -> String {
        // IPv4, also as an IPv4-mapped IPv6 address, is counted per address.
        guard address.contains(":"), !address.contains(".") else { return address }
        let groups = address.split(separator: ":", omittingEmptySubsequences: false)
        guard let gap = groups.firstIndex(of: ""), gap < 4 else { return groups.prefix(4).joined(separator: ":") + "::/64" }
        // "2001:db8::1": the groups after "::" are the low ones; fill the gap with zeros.
        let head = groups[..<gap].filter { !$0.isEmpty }
        let tail = groups[(gap + 1)...].filter { !$0.isEmpty }
        let zeros = Array(repeating: Substring("0"), count: max(0, 8 - head.count - tail.count))
        return (head + zeros + tail).prefix(4).joined(separator: ":") + "::/64"
    }

    /// Seconds this source must still wait before its next try is looked at; 0 when it may try.
    static func wait(_ source: Source, _ services: Services) throws -> Int64 {
        let now = services.now
        guard
            let record = try LoginFailureStore(services.database).find(
                email: source.email, client: source.client, now: now, window: window),
            record.failures >= freeFailures
        else { return 0 }
        let pause = min(Int64(2) << Int64(min(record.failures - freeFailures, 9)), window)
        return max(0, record.lastFailedAt + pause - now)
    }

    /// Whether the account has seen enough failures, from anywhere, to want the e-mail code
    /// at every login until its window closes.
    static func underAttack(_ user: UserRecord, now: Timestamp) -> Bool {
        now - user.failedLoginWindowStart < window && user.failedLogins >= accountAlertFailures
    }

    /// Counts a failed password or code against its source and, when the address has an
    /// account, against the account; the owner is e-mailed once per window when it passes
    /// the threshold.
    static func recordFailure(in tx: WriteTransaction, _ source: Source, user: UserRecord?, _ request: Request, _ services: Services)
        throws
    {
        let now = services.now
        try LoginFailureStore(services.database).record(email: source.email, client: source.client, now: now, window: window)
        guard let user else { return }
        let users = UserStore(services.database)
        try users.recordFailedLogin(userID: user.id, now: now, window: window)
        guard let counted = try users.find(id: user.id), underAttack(counted, now: now),
            try users.claimFailedLoginAlert(userID: user.id, windowStart: counted.failedLoginWindowStart, now: now)
        else { return }
        try SecurityMail.failedLogins(in: tx, to: counted, count: counted.failedLogins, request, services)
    }

    /// A right password forgets its source's failures (never the account's: those keep
    /// asking for the code while someone else guesses).
    static func recordSuccess(_ source: Source, _ services: Services) throws {
        let failures = LoginFailureStore(services.database)
        // Most logins have nothing to forget: no write for them.
        guard try failures.find(email: source.email, client: source.client, now: services.now, window: window) != nil else { return }
        try services.database.write { _ in try failures.clear(email: source.email, client: source.client) }
    }
}
