import PortalCore

public struct TenantRecord: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let vat: String
}

// In an extension, so that Swift still gives the record its memberwise init (`SessionStore`
// builds one from a join's renamed columns).
extension TenantRecord {
    init(_ row: Row) {
        id = row.int("id")
        name = row.string("name")
        vat = row.string("vat")
    }
}

public struct UserRecord: Sendable {
    public let id: Int64
    public let email: String
    public let firstName: String
    public let lastName: String
    public let passwordHash: String
    public let passwordIsProvisional: Bool
    public let provisionalExpiresAt: Timestamp?
    public let isOperator: Bool
    /// The operator's role on the desk; nil for customers.
    public let deskRole: DeskRole?
    /// When a Responsabile deactivated this operator; nil while active.
    public let deactivatedAt: Timestamp?
    public let lastTenantID: Int64?
    public let failedLogins: Int
    public let failedLoginWindowStart: Timestamp
    public let lastFailedLoginAt: Timestamp

    // Column by column, as every record reads its row (`TicketRecord` too): SQL's names on one
    // side, Swift's on the other, in one place per record, with no reflection per row.
    init(_ row: Row) {
        id = row.int("id")
        email = row.string("email")
        firstName = row.string("first_name")
        lastName = row.string("last_name")
        passwordHash = row.string("password_hash")
        passwordIsProvisional = row.bool("password_is_provisional")
        provisionalExpiresAt = row.optionalInt("provisional_expires_at")
        isOperator = row.bool("is_operator")
        deskRole = row.optionalString("desk_role").flatMap(DeskRole.init(rawValue:))
        deactivatedAt = row.optionalInt("deactivated_at")
        lastTenantID = row.optionalInt("last_tenant_id")
        failedLogins = Int(row.int("failed_logins"))
        failedLoginWindowStart = row.int("failed_login_window_start")
        lastFailedLoginAt = row.int("last_failed_login_at")
    }

    /// "Nome Cognome", or the e-mail when the person has not filled the name in yet.
    public var displayName: String {
        let name = "\(firstName) \(lastName)".trimmingWhitespace()
        return name.isEmpty ? email : name
    }
}

public struct MembershipRecord: Sendable, Equatable {
    public let tenant: TenantRecord
    public let role: Role
    public let activeSince: Timestamp
}

public struct SessionRecord: Sendable {
    public let id: Int64
    public let userID: Int64
    public let tenantID: Int64?
    public let remember: Bool
    public let createdAt: Timestamp
    public let lastSeenAt: Timestamp
    public let expiresAt: Timestamp

    init(_ row: Row, prefix: String = "") {
        id = row.int(prefix + "id")
        userID = row.int(prefix + "user_id")
        tenantID = row.optionalInt(prefix + "tenant_id")
        remember = row.bool(prefix + "remember")
        createdAt = row.int(prefix + "created_at")
        lastSeenAt = row.int(prefix + "last_seen_at")
        expiresAt = row.int(prefix + "expires_at")
    }
}
