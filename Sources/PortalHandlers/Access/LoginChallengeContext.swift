import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// The login in progress of this browser, at the step a page expects.
struct LoginChallengeContext {
    let services: Services
    let challenge: LoginChallengeRecord
    let user: UserRecord
    let cookieValue: String
    let csrfToken: String

    /// Sends the browser back to the login page when the login expired or is at another step.
    static func require(_ request: Request, _ services: Services, stage: LoginChallengeRecord.Stage) throws
        -> LoginChallengeContext
    {
        guard let context = try find(request, services), context.challenge.stage == stage else {
            throw Redirect(to: "/login?avviso=scaduto")
        }
        return context
    }

    static func find(_ request: Request, _ services: Services) throws -> LoginChallengeContext? {
        guard let token = Cookies.value(Cookies.login, request),
            let challenge = try LoginChallengeStore(services.database).find(tokenHash: Token.hash(token), now: services.now),
            let user = try UserStore(services.database).find(id: challenge.userID)
        else { return nil }
        return LoginChallengeContext(
            services: services, challenge: challenge, user: user, cookieValue: token, csrfToken: CSRF.token(for: token, key: services.secretKey))
    }
}
