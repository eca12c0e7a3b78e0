import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// A new password, from the profile or from a recovery link: every session ends, every
/// trusted device and open recovery link is revoked, in the same transaction.
enum PasswordChange {
    static func apply(user: UserRecord, newPassword: String, event: String, _ request: Request, _ services: Services) throws {
        let hash = PasswordHasher.hash(newPassword)
        let now = services.now
        try services.database.write { tx in
            try UserStore(services.database).setPassword(userID: user.id, passwordHash: hash, now: now)
            try SessionStore(services.database).deleteAll(userID: user.id)
            try TrustedDeviceStore(services.database).deleteAll(userID: user.id)
            try PasswordResetStore(services.database).markAllUsed(userID: user.id, now: now)
            try AuditStore.record(in: tx, event, tenantID: user.lastTenantID, userID: user.id, actorEmail: user.email,
                clientIP: request.clientAddress, now: now)
        }
    }
}
