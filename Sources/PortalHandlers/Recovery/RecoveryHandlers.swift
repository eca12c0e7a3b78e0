import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// /password/recupero and /password/nuova. The answer never says whether an address has
/// an account; the link is single-use, valid one hour, and built from the public URL. Its
/// token travels in the link's fragment, which browsers never send: the page's script puts
/// it in the form, which posts it, so no token is ever in a request line or a log. Without
/// JavaScript the person types the e-mail's short code instead.
enum RecoveryHandlers {
    /// The least time a request for a link takes, in milliseconds (`AnswerFloor`): its write
    /// and e-mail take 2–3 ms, ten times that on a machine under load.
    static let answerFloor: Int64 = 40

    static func showRequest(_ request: Request, _ context: VisitorContext) throws -> Response {
        Response.html(RecoveryPages.request(csrfToken: context.csrfToken))
    }

    static func sendLink(_ request: Request, _ context: VisitorContext) throws -> Response {
        let services = context.services
        let form = request.form
        let csrf = context.csrfToken
        let typed = (form["email"] ?? "").trimmingWhitespace()
        guard let email = EmailAddress(typed) else {
            let html = RecoveryPages.request(
                csrfToken: csrf, email: String(typed.prefix(254)), error: EmailAddress.refusal(typed))
            return Response.html(html, status: 422)
        }
        let now = services.now
        // The same answer whether or not a mail leaves, at the same time: it must not tell an
        // address's owner apart.
        let floor = AnswerFloor(milliseconds: RecoveryHandlers.answerFloor)
        let user = try UserStore(services.database).find(email: email)
        // No password to give: the first access still to be done is told how to do it; a
        // deactivated operator, why no new password would let them in (it set one, then the
        // login said no).
        let explanation: (detail: String, body: String)? =
            if let user, user.deactivatedAt != nil {
                ("operator deactivated", Text.recoveryDeactivated)
            } else if let user, user.passwordIsProvisional {
                ("first access pending", Text.recoveryFirstAccessPending(loginPage: services.config.publicURL + "/login"))
            } else {
                nil
            }
        if let user, let explanation {
            try services.database.write { tx in
                // As many an hour as recovery links (the audit lines count them).
                guard try AuditStore(services.database).count(
                    event: "password_reset_requested", detail: explanation.detail, userID: user.id, since: now - 3600)
                    < PasswordResetStore.perHour
                else { return }
                try OutboxStore.enqueue(in: tx, to: [email], subject: Text.recoveryRequestMailSubject(), body: explanation.body, now: now)
                try AuditStore.record(in: tx, "password_reset_requested", tenantID: user.lastTenantID, userID: user.id,
                    actorEmail: user.email, detail: explanation.detail, clientIP: request.clientAddress, now: now)
            }
        } else if let user {
            let token = Token.generate()
            let code = RecoveryCode.generate()
            let page = services.config.publicURL + "/password/nuova"
            try services.database.write { tx in
                let resets = PasswordResetStore(services.database)
                // Counted in the transaction that adds the link: parallel requests cannot all pass.
                guard try resets.maySend(userID: user.id, now: now) else {
                    // One line an hour says the flood, not one per request.
                    if try AuditStore(services.database).count(
                        event: "password_reset_requested", detail: "throttled", userID: user.id, since: now - 3600) == 0
                    {
                        try AuditStore.record(in: tx, "password_reset_requested", tenantID: user.lastTenantID, userID: user.id,
                            actorEmail: user.email, detail: "throttled", clientIP: request.clientAddress, now: now)
                    }
                    return
                }
                try resets.create(tokenHash: token.hash, codeHash: RecoveryCode.hash(code), userID: user.id, now: now)
                try OutboxStore.enqueue(in: tx, to: [email], subject: Text.recoveryMailSubject(),
                    body: Text.recoveryMailBody(link: page + "#token=" + token.value, page: page, code: RecoveryCode.display(code)),
                    now: now, kind: .secret)
                try AuditStore.record(in: tx, "password_reset_requested", tenantID: user.lastTenantID, userID: user.id, actorEmail: user.email,
                    clientIP: request.clientAddress, now: now)
            }
        } else {
            // The write lock is waited for as on the other paths (a long writer elsewhere made
            // only an account's answer late), and let go with nothing written.
            try services.database.write { _ in }
        }
        var response = Response.html(RecoveryPages.request(csrfToken: csrf, sent: true))
        response.notBefore = floor.deadline
        return response
    }

    /// The form, whatever the address holds: the token is in the fragment, out of our sight.
    static func showNewPassword(_ request: Request, _ context: VisitorContext) throws -> Response {
        Response.html(RecoveryPages.newPassword(csrfToken: context.csrfToken))
    }

    /// Whether the link's token still opens the form: the page's script asks as soon as it
    /// has moved the token out of the fragment, so that a used or expired link is said before
    /// two passwords are typed for nothing. Only the long token is answered here, never the
    /// short code: 256 bits leave nothing to guess, and the login's limit applies (nginx).
    static func checkLink(_ request: Request, _ context: VisitorContext) throws -> Response {
        let token = request.form["token"] ?? ""
        guard Token.isWellFormed(token) else { throw HTTPError.badRequest("token") }
        let services = context.services
        let open = try PasswordResetStore(services.database).userID(tokenHash: Token.hash(token), now: services.now) != nil
        return Response.json(open ? #"{"open":true}"# : #"{"open":false}"#)
    }

    static func setNewPassword(_ request: Request, _ context: VisitorContext) throws -> Response {
        let services = context.services
        let form = request.form
        let token = form["token"] ?? ""
        let typedCode = String((form["code"] ?? "").prefix(64))
        let password = form["password"] ?? ""
        guard let user = try resetUser(token: token, code: typedCode, services) else {
            // Without JavaScript the link's token stays in the fragment: an empty code is one
            // not yet typed, not a wrong one. What the passwords already break is said too.
            // A link's token that no longer opens the form (used from another tab meanwhile,
            // expired) is said as the page says it on opening: no code was typed here.
            // The page's script found the link spent and took its token out (`link_closed`).
            let noCode = token.isEmpty && typedCode.trimmingWhitespace().isEmpty
            let codeError = Token.isWellFormed(token) || (noCode && form["link_closed"] == "1") ? Text.recoveryLinkClosed
                : noCode ? Text.recoveryCodeMissing : Text.recoveryCodeInvalid
            var errors = ["code": codeError]
            let violations = PasswordPolicy.violations(password, confirmation: form["password_confirmation"] ?? "", email: nil)
            errors.merge(PasswordRules.errors(for: violations)) { code, _ in code }
            let html = RecoveryPages.newPassword(csrfToken: context.csrfToken, code: typedCode, errors: errors)
            return Response.html(html, status: 422)
        }
        let violations = PasswordPolicy.violations(
            password, confirmation: form["password_confirmation"] ?? "", email: EmailAddress(user.email),
            names: [user.firstName, user.lastName])
        if !violations.isEmpty {
            let html = RecoveryPages.newPassword(
                csrfToken: context.csrfToken, token: token, code: typedCode, errors: PasswordRules.errors(for: violations))
            return Response.html(html, status: 422)
        }
        do {
            try PasswordChange.apply(
                user: user, newPassword: password, cause: .reset,
                stillAllowed: { try resetUser(token: token, code: typedCode, services)?.id == user.id }, request, services)
        } catch is PasswordChange.Refused {
            let html = RecoveryPages.newPassword(csrfToken: context.csrfToken, code: typedCode, errors: ["code": Text.recoveryLinkJustUsed])
            return Response.html(html, status: 422)
        }
        // This browser goes to the login of the account just reset. A session of someone else
        // it held is ended as "Esci" ends it: only forgetting its cookie left it valid and
        // listed in that person's «Sessioni attive». (The account's own sessions ended above.)
        if let other = context.signedIn, other.user.id != user.id {
            try services.database.write { tx in
                try SessionStore(services.database).delete(id: other.session.id)
                try AuditStore.record(in: tx, "logout", tenantID: other.tenantID, userID: other.user.id, actorEmail: other.user.email,
                    clientIP: request.clientAddress, now: services.now)
            }
        }
        var response = try Response.redirect(to: "/login?avviso=reimpostata&email=" + urlEncode(user.email))
        try response.setCookie(Cookies.clearSession(request))
        return response
    }

    /// The user of an open link, found by the link's token (put in the form by the page's
    /// script) or by the short code typed in "Codice di recupero" (where the whole token
    /// pasted is welcome too).
    static func resetUser(token: String, code: String, _ services: Services) throws -> UserRecord? {
        let resets = PasswordResetStore(services.database)
        let now = services.now
        var userID: Int64?
        let typed = code.trimmingWhitespace()
        if let token = [token, typed].first(where: Token.isWellFormed) {
            userID = try resets.userID(tokenHash: Token.hash(token), now: now)
        }
        if userID == nil, let short = RecoveryCode.normalize(typed) {
            userID = try resets.userID(codeHash: RecoveryCode.hash(short), now: now)
        }
        return try userID.flatMap { try UserStore(services.database).find(id: $0) }
    }
}
