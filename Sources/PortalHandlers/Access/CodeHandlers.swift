import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// GET and POST /accesso/codice, POST /accesso/codice/nuovo.
enum CodeHandlers {
    static func show(_ request: Request, _ context: LoginChallengeContext) throws -> Response {
        var page = CodePage(csrfToken: context.csrfToken)
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

    static func verify(_ request: Request, _ context: LoginChallengeContext) throws -> Response {
        let services = context.services
        let form = request.form
        let challenge = context.challenge
        let typed = (form["code"] ?? "").filter { !$0.isWhitespace }
        let trusted = form.isChecked("trusted")
        var page = CodePage(csrfToken: context.csrfToken, trusted: trusted)
        let now = services.now

        guard let expected = challenge.codeHash, let expires = challenge.codeExpiresAt, expires > now else {
            if challenge.codeHash == nil, let next = try CodeSender.nextCodeAllowed(for: context.user, services) {
                page.limit = Text.codeLimitReached(until: Clock.displayFrom(next))
                return Response.html(page.render(), status: 429)
            }
            page.error = challenge.codeAttempts >= CodeSender.maxAttempts ? Text.codeTooManyAttempts : Text.codeExpired
            return Response.html(page.render(), status: 422)
        }
        // Nothing typed is not a guess: it costs no attempt.
        guard !typed.isEmpty else {
            page.error = Text.codeRequired
            return Response.html(page.render(), status: 422)
        }
        guard CodeSender.matches(typed, expected, key: services.secretKey) else {
            try services.database.write { tx in
                try LoginChallengeStore(services.database).recordWrongCode(id: challenge.id, limit: CodeSender.maxAttempts)
                // A wrong code means someone has the password: it counts like a wrong password.
                try LoginThrottle.recordFailure(
                    in: tx, LoginThrottle.Source(typedEmail: context.user.email, request), user: context.user, request, services)
                try AuditStore.record(in: tx, "code_failed", tenantID: context.user.lastTenantID, userID: context.user.id,
                    actorEmail: context.user.email, clientIP: request.clientAddress, now: now)
            }
            page.error = challenge.codeAttempts + 1 >= CodeSender.maxAttempts ? Text.codeTooManyAttempts : Text.codeWrong
            return Response.html(page.render(), status: 422)
        }
        var device: Token?
        try services.database.write { tx in
            // Single use: the code is gone before anything else happens.
            try LoginChallengeStore(services.database).setStage(id: challenge.id, .company)
            try AuditStore.record(in: tx, "code_ok", tenantID: context.user.lastTenantID, userID: context.user.id, actorEmail: context.user.email,
                clientIP: request.clientAddress, now: now)
            if trusted {
                let token = Token.generate()
                try TrustedDeviceStore(services.database).create(
                    tokenHash: token.hash, userID: context.user.id, userAgent: request.userAgent, now: now)
                try AuditStore.record(in: tx, "device_trusted", tenantID: context.user.lastTenantID, userID: context.user.id,
                    actorEmail: context.user.email, detail: DeviceName.describe(request.userAgent),
                    clientIP: request.clientAddress, now: now)
                try SecurityMail.send(.trustedDevice, in: tx, to: context.user, request, services)
                device = token
            }
        }
        guard let advanced = try LoginChallengeStore(services.database).find(tokenHash: Token.hash(context.cookieValue), now: now)
        else { throw Redirect(to: "/login?avviso=scaduto") }
        var response = try AccessFlow.secondFactorPassed(user: context.user, challenge: advanced, request, services)
        if let device {
            try response.setCookie(
                Cookies.make(Cookies.device, value: device.value, maxAge: TrustedDeviceStore.lifetime, request))
        }
        return response
    }

    static func resend(_ request: Request, _ context: LoginChallengeContext) throws -> Response {
        let services = context.services
        let sent = try services.database.write { tx in
            try CodeSender.send(in: tx, to: context.user, challengeID: context.challenge.id, request, services)
        }
        throw Redirect(to: sent ? "/accesso/codice?avviso=nuovo" : "/accesso/codice?avviso=troppi")
    }
}
