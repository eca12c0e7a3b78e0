import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// GET and POST /accesso/primo: the first login with provisional credentials.
enum FirstAccessHandlers {
    static func show(_ request: Request, _ context: LoginChallengeContext) throws -> Response {
        let page = FirstAccessPage(
            csrfToken: context.csrfToken, email: context.user.email, firstName: context.user.firstName,
            lastName: context.user.lastName)
        return Response.html(page.render())
    }

    static func create(_ request: Request, _ context: LoginChallengeContext) throws -> Response {
        let services = context.services
        let form = request.form
        let user = context.user
        var page = FirstAccessPage(
            csrfToken: context.csrfToken, email: user.email, firstName: String((form["first_name"] ?? "").prefix(100)),
            lastName: String((form["last_name"] ?? "").prefix(100)))
        let firstName = PasswordRules.validName(form["first_name"] ?? "")
        let lastName = PasswordRules.validName(form["last_name"] ?? "")
        if firstName == nil { page.errors["first_name"] = PasswordRules.nameMessage(form["first_name"] ?? "") }
        if lastName == nil { page.errors["last_name"] = PasswordRules.nameMessage(form["last_name"] ?? "") }
        let password = form["password"] ?? ""
        let confirmation = form["password_confirmation"] ?? ""
        let violations = PasswordPolicy.violations(
            password, confirmation: confirmation, email: EmailAddress(user.email), names: [firstName ?? "", lastName ?? ""])
        if !violations.isEmpty {
            page.errors.merge(PasswordRules.errors(for: violations)) { _, new in new }
        } else if PasswordHasher.verify(password, against: user.passwordHash) {
            // The provisional password is known to whoever read the welcome e-mail.
            page.errors["password"] = Text.passwordSameAsProvisional
        }
        page.privacyAccepted = form.isChecked("privacy")
        if !page.privacyAccepted { page.errors["privacy"] = Text.privacyRequired }
        guard page.errors.isEmpty, let firstName, let lastName else {
            return Response.html(page.render(), status: 422)
        }
        let hash = PasswordHasher.hash(password)
        let now = services.now
        // The browser of the first access is the person's first known one: the login that follows
        // in it is no news, one from any other browser is (AccessFlow.noteBrowser).
        let browser = Token.generate()
        let completed = try services.database.write { tx in
            // The login's row goes first, under the write lock: the form sent from several
            // tabs at once set as many passwords and names, each press told it had worked.
            // A press that finds the row gone leaves the first one's account as it is.
            guard try LoginChallengeStore(services.database).delete(id: context.challenge.id) else { return false }
            try UserStore(services.database).completeFirstAccess(
                userID: user.id, firstName: firstName, lastName: lastName, passwordHash: hash, now: now)
            try AuditStore.record(in: tx, "first_access_completed", userID: user.id, actorEmail: user.email, clientIP: request.clientAddress, now: now)
            try KnownBrowserStore(services.database).create(tokenHash: browser.hash, userID: user.id, now: now)
            return true
        }
        // Its own password, or a double press of the same: "Utente creato". Another tab's:
        // said, or the next login would refuse the password this tab was told was set.
        var notice = "creato"
        if !completed, let saved = try UserStore(services.database).find(id: user.id),
            !PasswordHasher.verify(password, against: saved.passwordHash)
        {
            notice = "creato-altrove"
        }
        // The page the login was for (a ticket's link in an e-mail) is kept for the login
        // with the new password: it was lost, and a new operator landed on the queue.
        let next = context.challenge.returnTo.isEmpty ? "" : "&next=" + urlEncode(context.challenge.returnTo)
        var response = try Response.redirect(to: "/login?avviso=\(notice)&email=" + urlEncode(user.email) + next)
        try response.setCookie(Cookies.clear(Cookies.login, request))
        if completed {
            try response.setCookie(Cookies.addingBrowser(browser.value, request))
        }
        return response
    }
}
