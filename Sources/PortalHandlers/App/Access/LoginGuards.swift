import PortalHTTP
import PortalStore

/// A login at the step a page expects; any other step (or none) sends the browser back to
/// the login page.
protocol LoginStep {
    static var stage: LoginChallengeRecord.Stage { get }
}

enum FirstAccessStep: LoginStep { static let stage = LoginChallengeRecord.Stage.firstAccess }
enum CodeStep: LoginStep { static let stage = LoginChallengeRecord.Stage.code }

enum LoginGuard<Step: LoginStep>: AccessGuard {
    static var access: Access { .login }

    static func resolve(_ request: Request, _ services: Services) throws -> LoginChallengeContext {
        try LoginChallengeContext.require(request, services, stage: Step.stage)
    }

    static func csrfToken(_ context: LoginChallengeContext) -> String? { context.csrfToken }
}

/// A login at whichever step ("Esci" of each step's page ends it).
enum AnyLoginStepGuard: AccessGuard {
    static var access: Access { .login }

    static func resolve(_ request: Request, _ services: Services) throws -> LoginChallengeContext {
        guard let context = try LoginChallengeContext.find(request, services) else {
            throw Redirect(to: LoginChallengeContext.loginPage(request))
        }
        return context
    }

    static func csrfToken(_ context: LoginChallengeContext) -> String? { context.csrfToken }
}

/// "Scelta Tenant": the last step of a login, or a signed-in user switching company.
enum CompanyChoiceGuard: AccessGuard {
    static let access = Access.companyChoice

    static func resolve(_ request: Request, _ services: Services) throws -> CompanyChoiceContext {
        if let current = try CurrentUser.find(request, services) { return .session(current) }
        return .login(try LoginChallengeContext.require(request, services, stage: .company))
    }

    static func csrfToken(_ context: CompanyChoiceContext) -> String? { context.csrfToken }
}
