import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// "Scelta Tenant" is reached in two ways: as the last step of a login, or from the company
/// icon of the header by a logged-in user who wants to switch company.
enum CompanyChoiceContext {
    case login(LoginChallengeContext)
    case session(CurrentUser)

    static func require(_ request: Request, _ services: Services) throws -> CompanyChoiceContext {
        if let current = try CurrentUser.find(request, services) { return .session(current) }
        return .login(try LoginChallengeContext.require(request, services, stage: .company))
    }

    var user: UserRecord {
        switch self {
        case .login(let context): context.user
        case .session(let current): current.user
        }
    }

    var csrfToken: String {
        switch self {
        case .login(let context): context.csrfToken
        case .session(let current): current.csrfToken
        }
    }

    func verify(_ form: FormData, _ request: Request, _ services: Services) throws {
        switch self {
        case .login(let context): try context.verify(form, services)
        case .session(let current): try current.verify(form, request, services)
        }
    }
}
