import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// A new password, from the profile or from a recovery link: every session and login under
/// way ends, every trusted device and open recovery link is revoked, and the owner is
/// e-mailed, in the same transaction.
enum PasswordChange {
    enum Cause: String {
        case profile = "password_changed"
        case reset = "password_reset"
    }

    /// What `stillAllowed` held back: nothing was written.
    struct Refused: Error {}

    /// `stillAllowed`: asked under the write lock before anything is written; false makes the
    /// change `Refused`. A recovery link's use is checked there: checked before, the same link
    /// sent from several browsers at once set several passwords, each told it was set.
    static func apply(
        user: UserRecord, newPassword: String, cause event: Cause, stillAllowed: () throws -> Bool = { true },
        _ request: Request, _ services: Services
    ) throws {
        let hash = PasswordHasher.hash(newPassword)
        let now = services.now
        try services.database.write { tx in
            guard try stillAllowed() else { throw Refused() }
            try UserStore(services.database).setPassword(userID: user.id, passwordHash: hash, now: now)
            // The other browsers' next page says why they were signed out.
            try SessionStore(services.database).deleteAll(userID: user.id, reason: .passwordChanged, now: now)
            let devices = try TrustedDeviceStore(services.database).deleteAll(userID: user.id)
            // A login begun with the old password (waiting for its code or at "Scelta Tenant")
            // would otherwise still end in a session.
            try LoginChallengeStore(services.database).deleteAll(userID: user.id)
            try PasswordResetStore(services.database).markAllUsed(userID: user.id, now: now)
            try AuditStore.record(in: tx, event.rawValue, tenantID: user.lastTenantID, userID: user.id, actorEmail: user.email,
                clientIP: request.clientAddress, now: now)
            if devices > 0 {
                try AuditStore.record(in: tx, "device_removed", tenantID: user.lastTenantID, userID: user.id, actorEmail: user.email,
                    detail: Text.devicesRemovedDetail(user.email, count: devices, because: event == .reset
                        ? Text.devicesRemovedWithPasswordReset : Text.devicesRemovedWithPasswordChange),
                    clientIP: request.clientAddress, now: now)
            }
            try SecurityMail.send(event == .reset ? .passwordReset : .passwordChanged, in: tx, to: user, request, services)
        }
    }
}
