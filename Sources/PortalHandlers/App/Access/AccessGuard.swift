import PortalCore
import PortalHTTP

/// Who may reach a route. Each group resolves its context once per request (for signed-in
/// groups: session, user and membership in one query) and hands
/// the handler a typed context; `RouteTable` checks the CSRF token of every state-changing
/// request against the group's token before the handler runs, so no handler can forget it.
public enum Access: String, Sendable, CaseIterable {
    /// Anyone: login, recovery, the classic portal's page. Forms carry the visitor cookie's token.
    case visitor
    /// A login between the password and the session (first access, e-mail code).
    case login
    /// The last step of a login, or a signed-in user switching company ("Scelta Tenant").
    case companyChoice = "company-choice"
    /// Anyone with a session: profile, logout.
    case signedIn = "signed-in"
    /// A customer working for the session's company: tickets, dashboard.
    case member
    /// An administrator of the session's company: "Gestione Tenant".
    case administrator
    /// The vendor's support staff: the desk.
    case `operator`
    /// A "Responsabile" of the support staff: the vendor administration on the desk.
    case manager
}

extension Access {
    /// The groups of a signed-in person, whose session another request can end or change.
    var isSession: Bool {
        switch self {
        case .visitor, .login, .companyChoice: false
        case .signedIn, .member, .administrator, .operator, .manager: true
        }
    }
}

protocol AccessGuard {
    associatedtype Context
    static var access: Access { get }
    /// The request's context, or the refusal (sign in first, 404 for the wrong kind of user).
    static func resolve(_ request: Request, _ services: Services) throws -> Context
    /// The token that a state-changing request of this context must carry.
    static func csrfToken(_ context: Context) -> String?
    /// What the group adds to every answer (a new visitor cookie).
    static func finish(_ response: inout Response, _ context: Context) throws
    /// The person a form refused for its token may be shown back to (`RouteTable`'s `refill`):
    /// the one signed in, when the form says it is theirs (`KeptForms.owner`). Nil: nobody.
    static func formOwner(_ context: Context) -> Int64?
}

extension AccessGuard {
    static func finish(_ response: inout Response, _ context: Context) throws {}
    static func formOwner(_ context: Context) -> Int64? { nil }
}

extension AccessGuard where Context: SessionContext {
    static func formOwner(_ context: Context) -> Int64? { context.user.id }
}
