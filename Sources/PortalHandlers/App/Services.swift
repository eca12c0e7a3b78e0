import PortalCore
import PortalCrypto
import PortalDomain
import PortalStore

/// What every handler of one worker shares: its database connection, the configuration and
/// the server secret. One per process; used by one thread.
public final class Services {
    public let database: Database
    public let config: Config
    /// Keys the CSRF tokens; created once in the database so that every worker agrees.
    let secret: [UInt8]
    /// The secret as a prepared HMAC key, for the tokens made on every page.
    let secretKey: HMACKey

    public init(config: Config) throws {
        self.config = config
        database = try Database(path: config.databasePath)
        try Migrator.refuseNewer(database)
        let pending = try Migrator.pending(database)
        guard pending.isEmpty else {
            throw ConfigError(
                message: Text.Console.notMigrated(config.databasePath, pending: pending))
        }
        do { try ContentStore.checkWritable(config.attachmentsDirectory) } catch {
            throw ConfigError(message: Text.Console.attachmentsFolderRefused("\(error)"))
        }
        secret = try SettingsStore(database).ensure("csrf_secret") { Random.bytes(32) }
        secretKey = HMACKey(secret)
    }

    public var now: Timestamp { Clock.now() }
}

@available(*, unavailable)
extension Services: Sendable {}
