import PortalCore
import PortalStore

/// What a service of the domain works with: the worker's own database connection and the
/// configuration its e-mails and rules come from.
public struct ServiceContext {
    let database: Database
    let config: Config
}

/// A service of the domain (tickets, the desk, provisioning). Each is made from a database
/// and the configuration alone, so handlers and `portal-admin` make them all the same way.
public protocol DomainService {
    init(_ context: ServiceContext)
    var context: ServiceContext { get }
}

extension DomainService {
    public init(database: Database, config: Config) {
        self.init(ServiceContext(database: database, config: config))
    }

    var database: Database { context.database }
    var config: Config { context.config }
}
