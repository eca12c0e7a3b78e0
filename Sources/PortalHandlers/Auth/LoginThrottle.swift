import PortalCore
import PortalStore

/// Per-account brake on password guessing: after 10 failures in 15 minutes each further
/// try must wait, doubling from 2 seconds up to 15 minutes. It never blocks password recovery.
enum LoginThrottle {
    static let window: Int64 = 15 * 60
    static let freeFailures = 10

    static func mustWait(_ user: UserRecord, now: Timestamp) -> Bool {
        guard now - user.failedLoginWindowStart < window, user.failedLogins >= freeFailures else { return false }
        let excess = min(user.failedLogins - freeFailures, 9)
        let wait = min(Int64(2) << Int64(excess), window)
        return now - user.lastFailedLoginAt < wait
    }
}
