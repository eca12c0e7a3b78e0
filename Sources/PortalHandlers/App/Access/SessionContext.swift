import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// A context with a live session behind it (`SignedInContext`, `MemberContext`,
/// `OperatorContext`): the user, what the pages show of them, and the session's CSRF token.
protocol SessionContext {
    var services: Services { get }
    var current: CurrentUser { get }
}

extension SessionContext {
    var user: UserRecord { current.user }
    var viewer: Viewer { current.viewer }

    /// The person and address that the audit trail records for this request.
    func actor(_ request: Request) -> AuditActor {
        AuditActor(userID: user.id, email: user.email, clientIP: request.clientAddress)
    }
}

extension AccessGuard where Context: SessionContext {
    /// Every signed-in group's forms carry the session's token.
    static func csrfToken(_ context: Context) -> String? { context.current.csrfToken }
}
