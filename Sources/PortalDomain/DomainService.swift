import PortalCore
import PortalStore

/// What a service of the domain works with: the worker's own database connection, the
/// configuration its e-mails and rules come from, and the address of the request it acts
/// for (empty for `portal-admin` and the mail gateway), which its audit lines record.
public struct ServiceContext {
    let database: Database
    let config: Config
    let clientIP: String
}

/// A service of the domain (tickets, the desk, provisioning). Each is made from a database
/// and the configuration alone, so handlers and `portal-admin` make them all the same way.
public protocol DomainService {
    init(_ context: ServiceContext)
    var context: ServiceContext { get }
}

extension DomainService {
    public init(database: Database, config: Config, clientIP: String = "") {
        self.init(ServiceContext(database: database, config: config, clientIP: clientIP))
    }

    var database: Database { context.database }
    var config: Config { context.config }

    /// One audit line about `ticket`, done by `user` from the request's address.
    /// `user` nil: a script (`portal-admin`), whose changes are in the trail as well.
    func audit(in tx: WriteTransaction, _ event: String, _ ticket: TicketRecord, by user: UserRecord?, detail: String = "", now: Timestamp)
        throws
    {
        try AuditStore.record(
            in: tx, event, tenantID: ticket.tenantID, userID: user?.id, actorEmail: user?.email ?? "",
            detail: detail.isEmpty ? "#\(ticket.number)" : "#\(ticket.number): \(detail)", clientIP: context.clientIP, now: now)
    }
}
