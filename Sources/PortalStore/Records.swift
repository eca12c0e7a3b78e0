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
    /// The profile picture's SHA-256 (nil: none): the header shows it, its address names it.
    public let pictureSHA256: String?

    /// The columns `init` reads, in its order: every query of users selects them so
    /// (`columns`), a join with `u.` before each (`SessionStore.findWithUser`).
    static let columnNames = [
        "id", "email", "first_name", "last_name", "password_hash", "password_is_provisional", "provisional_expires_at",
        "is_operator", "desk_role", "deactivated_at", "last_tenant_id", "failed_logins", "failed_login_window_start",
        "last_failed_login_at", "picture_sha256",
    ]
    static let columns = columnNames.joined(separator: ", ")

    // By position, from `first`: the user is read with every session, and hashing each name
    // was a tenth of that lookup. Debug builds (every test) check the names.
    init(_ row: Row, from first: Int = 0) {
        assert(row.hasColumns(UserRecord.columnNames, at: first), "UserRecord.columnNames and the select list disagree")
        id = row.int(at: first)
        email = row.string(at: first + 1)
        firstName = row.string(at: first + 2)
        lastName = row.string(at: first + 3)
        passwordHash = row.string(at: first + 4)
        passwordIsProvisional = row.bool(at: first + 5)
        provisionalExpiresAt = row.optionalInt(at: first + 6)
        isOperator = row.bool(at: first + 7)
        deskRole = row.optionalString(at: first + 8).flatMap(DeskRole.init(rawValue:))
        deactivatedAt = row.optionalInt(at: first + 9)
        lastTenantID = row.optionalInt(at: first + 10)
        failedLogins = Int(row.int(at: first + 11))
        failedLoginWindowStart = row.int(at: first + 12)
        lastFailedLoginAt = row.int(at: first + 13)
        pictureSHA256 = row.optionalString(at: first + 14)
    }

    /// "Nome Cognome", or the e-mail when the person has not filled the name in yet.
    public var displayName: String {
        let name = "\(firstName) \(lastName)".trimmingWhitespace()
        return name.isEmpty ? email : name
    }

    /// "Nome Cognome (indirizzo)", the address alone without a name: who sent an e-mail that
    /// names its sender (an invitation, a role change).
    public var nameAndAddress: String { displayName == email ? email : "\(displayName) (\(email))" }
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

    /// The columns `init` reads, in its order (`s.` before each in a join).
    static let columnNames = ["id", "user_id", "tenant_id", "remember", "created_at", "last_seen_at", "expires_at"]
    static let columns = columnNames.joined(separator: ", ")

    /// By position, from the first column: read on every request.
    init(_ row: Row) {
        assert(row.hasColumns(SessionRecord.columnNames, at: 0), "SessionRecord.columnNames and the select list disagree")
        id = row.int(at: 0)
        userID = row.int(at: 1)
        tenantID = row.optionalInt(at: 2)
        remember = row.bool(at: 3)
        createdAt = row.int(at: 4)
        lastSeenAt = row.int(at: 5)
        expiresAt = row.int(at: 6)
    }
}
