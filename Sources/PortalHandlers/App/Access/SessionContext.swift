import PortalCore
import PortalHTML
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
}

extension AccessGuard where Context: SessionContext {
    /// Every signed-in group's forms carry the session's token.
    static func csrfToken(_ context: Context) -> String? { context.current.csrfToken }
}
