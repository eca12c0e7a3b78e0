import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// GET and POST /accesso/codice, POST /accesso/codice/nuovo.
enum CodeHandlers {
    static func show(_ request: Request, _ context: LoginChallengeContext) throws -> Response {
        var page = CodePage(csrfToken: context.csrfToken)
        if try AccessFlow.holdsTrustedDevice(request, user: context.user, context.services) { page.warning = Text.codeDespiteTrustedDevice }
        if context.challenge.codeHash == nil || request.query["avviso"] == "troppi" {
            // No code for this login: either the limit held it back (say so, and when a new
            // one may come) or the code was used up.
            if let next = try CodeSender.nextCodeAllowed(for: context.user, context.services) {
                page.limit = Text.codeLimitReached(until: Clock.displayFrom(next))
            } else {
                page.error = context.challenge.codeAttempts >= CodeSender.maxAttempts ? Text.codeTooManyAttempts : Text.codeExpired
            }
        } else if request.query["avviso"] == "nuovo" {
            page.notice = Text.codeSent
        }
        return Response.html(page.render())
    }

    /// What one press of "Accedi" on the code's page came to, decided under the write lock.
    private enum Outcome {
        case noCode(attempts: Int, destroyed: Bool)
        case nothingTyped
        /// `replaced`: the code typed is the one a newer code replaced (its e-mail came late,
        /// or was read first): said as such, not as a typing error. It still counts.
        case wrong(attempts: Int, replaced: Bool)
        case passed(device: Token?)
    }

    static func verify(_ request: Request, _ context: LoginChallengeContext) throws -> Response {
        let services = context.services
        let form = request.form
        let typed = (form["code"] ?? "").filter { !$0.isWhitespace }
        let trusted = form.isChecked("trusted")
        var page = CodePage(csrfToken: context.csrfToken, trusted: trusted)
        if try AccessFlow.holdsTrustedDevice(request, user: context.user, services) { page.warning = Text.codeDespiteTrustedDevice }
        let now = services.now
        let store = LoginChallengeStore(services.database)

        // The code, its attempts and its use are read again under the write lock: checked
        // against the row read before it, parallel guesses each saw the attempts at zero and
        // the code still there, so a burst of them tried many codes past the limit of attempts.
        let outcome: Outcome = try services.database.write { tx in
            guard let challenge = try store.find(tokenHash: Token.hash(context.cookieValue), now: now) else {
                throw Redirect(to: "/login?avviso=scaduto")
            }
            // Another press of the same form got there first and the login went on.
            guard challenge.stage == .code else { throw Redirect(to: LoginChallengeContext.page(of: challenge.stage)) }
            guard let expected = challenge.codeHash, let expires = challenge.codeExpiresAt, expires > now else {
                return .noCode(attempts: challenge.codeAttempts, destroyed: challenge.codeHash == nil)
            }
            // Nothing typed is not a guess: it costs no attempt.
            guard !typed.isEmpty else { return .nothingTyped }
            guard CodeSender.matches(typed, expected, key: services.secretKey) else {
                try store.recordWrongCode(id: challenge.id, limit: CodeSender.maxAttempts)
                // A wrong code means someone has the password: it counts like a wrong password.
                try LoginThrottle.recordFailure(
                    in: tx, LoginThrottle.Source(typedEmail: context.user.email, request), user: context.user, request, services)
                try AuditStore.record(in: tx, "code_failed", tenantID: context.user.lastTenantID, userID: context.user.id,
                    actorEmail: context.user.email, clientIP: request.clientAddress, now: now)
                let replaced = challenge.previousCodeHash.map { CodeSender.matches(typed, $0, key: services.secretKey) } ?? false
                return .wrong(attempts: challenge.codeAttempts + 1, replaced: replaced)
            }
            // Single use: the code is gone before anything else happens.
            try store.setStage(id: challenge.id, .company)
            try AuditStore.record(in: tx, "code_ok", tenantID: context.user.lastTenantID, userID: context.user.id, actorEmail: context.user.email,
                clientIP: request.clientAddress, now: now)
            guard trusted else { return .passed(device: nil) }
            let token = Token.generate()
            try TrustedDeviceStore(services.database).create(
                tokenHash: token.hash, userID: context.user.id, userAgent: request.userAgent, now: now)
            try AuditStore.record(in: tx, "device_trusted", tenantID: context.user.lastTenantID, userID: context.user.id,
                actorEmail: context.user.email, detail: DeviceName.describe(request.userAgent),
                clientIP: request.clientAddress, now: now)
            try SecurityMail.send(.trustedDevice, in: tx, to: context.user, request, services)
            return .passed(device: token)
        }
        switch outcome {
        case .noCode(let attempts, let destroyed):
            if destroyed, let next = try CodeSender.nextCodeAllowed(for: context.user, services) {
                page.limit = Text.codeLimitReached(until: Clock.displayFrom(next))
                // The typed code is refused too: said at its field (aria-invalid, focus), the
                // notice above saying why and until when.
                page.error = Text.codeNoLongerValid
                return Response.html(page.render(), status: 429)
            }
            page.error = attempts >= CodeSender.maxAttempts ? Text.codeTooManyAttempts : Text.codeExpired
            return Response.html(page.render(), status: 422)
        case .nothingTyped:
            page.error = Text.codeRequired
            return Response.html(page.render(), status: 422)
        case .wrong(let attempts, let replaced):
            page.error = attempts >= CodeSender.maxAttempts
                ? Text.codeTooManyAttempts : replaced ? Text.codeReplaced : Text.codeWrong
            return Response.html(page.render(), status: 422)
        case .passed(let device):
            guard let advanced = try store.find(tokenHash: Token.hash(context.cookieValue), now: now)
            else { throw Redirect(to: "/login?avviso=scaduto") }
            var response = try AccessFlow.secondFactorPassed(user: context.user, challenge: advanced, request, services)
            if let device {
                let others = try AccessFlow.otherPeoplesDevices(request, user: context.user, services)
                try response.setCookie(Cookies.addingDevice(device.value, keeping: others, request))
            }
            return response
        }
    }

    static func resend(_ request: Request, _ context: LoginChallengeContext) throws -> Response {
        let services = context.services
        let sent = try services.database.write { tx in
            try CodeSender.send(in: tx, to: context.user, challengeID: context.challenge.id, request, services)
        }
        throw Redirect(to: sent ? "/accesso/codice?avviso=nuovo" : "/accesso/codice?avviso=troppi")
    }
}
