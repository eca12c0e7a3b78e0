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

    /// A step already passed (a form sent twice, the browser's Back and "Invia" again) goes on
    /// to the login's current step, or home when the login has ended in a session: the second
    /// press of "Accedi" on the code's page told a person just signed in that the login expired.
    /// Only a login gone from this browser goes back to the login page.
    static func require(_ request: Request, _ services: Services, stage: LoginChallengeRecord.Stage) throws
        -> LoginChallengeContext
    {
        guard let context = try find(request, services) else {
            if try CurrentUser.find(request, services) != nil { throw Redirect(to: "/") }
            throw Redirect(to: loginPage(request))
        }
        guard context.challenge.stage == stage else { throw Redirect(to: page(of: context.challenge.stage)) }
        return context
    }

    static func page(of stage: LoginChallengeRecord.Stage) -> String {
        switch stage {
        case .firstAccess: "/accesso/primo"
        case .code: "/accesso/codice"
        case .company: "/accesso/azienda"
        }
    }

    /// Where a step's page sends a browser with no login under way: "the login expired" only
    /// to one that had started one; the company icon's page opened after signing out said so
    /// of a login nobody had begun. A form sent (a code, «Creazione Utente») was a login under
    /// way whatever became of its cookie (the browser restarted, its cookies cleared): a bare
    /// login page after it lost what was typed without a word. «Esci» carries nothing typed.
    static func loginPage(_ request: Request) -> String {
        let sentSomething = request.method == "POST" && request.path != "/accesso/esci"
        return Cookies.value(Cookies.login, request) == nil && !sentSomething ? "/login" : "/login?avviso=scaduto"
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
