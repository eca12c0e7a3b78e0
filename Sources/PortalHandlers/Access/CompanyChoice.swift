import PortalCore
import PortalStore

/// "Scelta Tenant" is reached in two ways: as the last step of a login, or from the company
/// icon of the header by a logged-in user who wants to switch company.
enum CompanyChoiceContext {
    case login(LoginChallengeContext)
    case session(CurrentUser)

    var user: UserRecord {
        switch self {
        case .login(let context): context.user
        case .session(let current): current.user
        }
    }

    var services: Services {
        switch self {
        case .login(let context): context.services
        case .session(let current): current.services
        }
    }

    var csrfToken: String {
        switch self {
        case .login(let context): context.csrfToken
        case .session(let current): current.csrfToken
        }
    }
}
