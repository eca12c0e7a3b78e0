import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// The steps of the manual's access chapter after a correct password, in order:
/// first access ("Creazione Utente") for provisional credentials, the e-mail code unless the
/// browser is a trusted device of this user, the company choice unless the user has chosen
/// before and has no pending invitation, and then the session. The step reached is kept in a
/// login challenge bound to this browser by its own cookie.
enum AccessFlow {
    /// `codeAlways`: the account is being guessed at (`LoginThrottle`), so even a trusted
    /// device gets the e-mail code.
    static func passwordAccepted(
        user: UserRecord, remember: Bool, next: String, codeAlways: Bool, _ request: Request, _ services: Services
    ) throws -> Response {
        let now = services.now
        // Told only after the right password: the refusal reveals nothing to a guesser.
        if user.deactivatedAt != nil {
            try audit("login_refused", user: user, detail: "operator deactivated", request, services)
            throw LoginPageError(message: Text.operatorDeactivatedLogin, email: user.email)
        }
        if user.passwordIsProvisional, let expires = user.provisionalExpiresAt, expires <= now {
            // Withdrawn with its company's deactivation: "ask your administrator" was no answer.
            let company = try UserStore(services.database).provisionalTenant(userID: user.id)
            let withdrawn = try company.map {
                try TenantStore(services.database).isDeactivated(tenantID: $0)
                    && InvitationStore(services.database).isWithdrawnWithCompany(email: EmailAddress(user.email)!, tenantID: $0, now: now)
            } ?? false
            // The trail says why, in the company's own trail: it said "expired" of a withdrawn
            // or removed invitation, under no company (the person had never chosen one).
            let removed = try !withdrawn && company.map {
                try InvitationStore(services.database).wasRemoved(email: EmailAddress(user.email)!, tenantID: $0)
            } ?? false
            try audit(
                "login_refused", user: user,
                detail: withdrawn ? "company deactivated" : removed ? "invitation removed" : "provisional password expired",
                tenantID: company ?? user.lastTenantID, request, services)
            // A company's first administrator (invited by the support) has nobody to ask there.
            let noAdministrator = try company.map { try TenantStore(services.database).administratorCount(tenantID: $0) == 0 } ?? true
            let message = withdrawn ? Text.provisionalCompanyDeactivated : noAdministrator ? Text.provisionalExpiredAskSupport : Text.provisionalExpired
            throw LoginPageError(message: message, email: user.email)
        }
        let trustedDevice = try isTrustedDevice(request, user: user, services)
        let trusted = !codeAlways && trustedDevice
        let stage: LoginChallengeRecord.Stage = user.passwordIsProvisional ? .firstAccess : trusted ? .company : .code
        let token = Token.generate()
        let challengeID = try services.database.write { tx in
            try discardChallenge(request, services)
            let id = try LoginChallengeStore(services.database).create(
                tokenHash: token.hash, userID: user.id, stage: stage, remember: remember, returnTo: next, now: now)
            try AuditStore.record(in: tx, "login_password_ok", tenantID: user.lastTenantID, userID: user.id, actorEmail: user.email,
                detail: trusted ? "trusted device" : "", clientIP: request.clientAddress, now: now)
            if stage == .code { _ = try CodeSender.send(in: tx, to: user, challengeID: id, request, services) }
            return id
        }
        var response: Response
        if stage == .company {
            guard let challenge = try LoginChallengeStore(services.database).find(tokenHash: token.hash, now: now) else {
                throw HTTPError(status: 500, message: Text.errorInternal, reason: "challenge \(challengeID) vanished")
            }
            response = try secondFactorPassed(user: user, challenge: challenge, request, services)
        } else {
            // A trusted device asked for the code is told why on the code's page, which looks
            // at the browser's devices itself (`holdsTrustedDevice`).
            response = try Response.redirect(to: LoginChallengeContext.page(of: stage))
        }
        // A login that ended here (a trusted device with its company known) has cleared the
        // login cookie with its challenge: set again, it named a challenge already gone.
        let ended = response.headers.contains { $0.name == "Set-Cookie" && $0.value.hasPrefix(Cookie.name(Cookies.login, secure: request.isHTTPS) + "=") }
        if !ended { try response.setCookie(Cookies.make(Cookies.login, value: token.value, request)) }
        return response
    }

    /// After the code (or a trusted device): straight to the session when the company is
    /// already known, otherwise to "Scelta Tenant".
    static func secondFactorPassed(
        user: UserRecord, challenge: LoginChallengeRecord, _ request: Request, _ services: Services
    ) throws -> Response {
        // Operators work for every company: no company choice, straight to "Coda ticket".
        if user.isOperator {
            return try startSession(user: user, tenantID: nil, challenge: challenge, request, services)
        }
        if let company = try automaticCompany(of: user, services) {
            return try startSession(user: user, tenantID: company, challenge: challenge, request, services)
        }
        try services.database.write { tx in try LoginChallengeStore(services.database).setStage(id: challenge.id, .company) }
        return try Response.redirect(to: LoginChallengeContext.page(of: .company))
    }

    /// The company a customer enters without "Scelta Tenant", when there is nothing to
    /// choose: no pending invitation, and the company last chosen, or the only one, active.
    static func automaticCompany(of user: UserRecord, _ services: Services) throws -> Int64? {
        let invitations = try InvitationStore(services.database).pending(email: EmailAddress(user.email)!, now: services.now)
        guard invitations.isEmpty else { return nil }
        let memberships = try TenantStore(services.database).memberships(userID: user.id)
        // A deactivated company is never entered by itself: the company choice says why.
        let deactivated = try TenantStore(services.database).deactivatedCompanies(userID: user.id)
        if let last = memberships.first(where: { $0.tenant.id == user.lastTenantID && !deactivated.contains($0.tenant.id) }) {
            return last.tenant.id
        }
        // One company and nothing else to choose: the manual's "Scelta Tenant" does not come
        // back after the invitation was accepted, also when its company was not clicked then
        // (accepted, then "Esci": the next login offered a choice of one).
        if memberships.count == 1, let only = memberships.first, !deactivated.contains(only.tenant.id) { return only.tenant.id }
        return nil
    }

    /// A fresh session id at the end of every login and at every company switch: a cookie
    /// planted before login is never promoted, and a company switch never reuses an id.
    static func startSession(
        user: UserRecord, tenantID: Int64?, challenge: LoginChallengeRecord?, _ request: Request, _ services: Services,
        event: String = "login_ok", returnTo: String? = nil
    ) throws -> Response {
        let now = services.now
        let token = Token.generate()
        let (remember, browser) = try services.database.write { tx in
            var remember = challenge?.remember ?? false
            // The login (or, at a company switch, the session) this one replaces must still be
            // there under the write lock: a password changed or reset meanwhile ends them all,
            // and a session made after it would outlive the "every session ends" it promised.
            // Gone because another press of the same form finished it, home is the answer.
            if let challenge, try !LoginChallengeStore(services.database).delete(id: challenge.id) {
                throw Redirect(to: "/")
            }
            var replaced: SessionRecord?
            if let old = Cookies.sessionValue(request) {
                let sessions = SessionStore(services.database)
                if challenge == nil,
                    let current = try sessions.find(tokenHash: Token.hash(old), now: now, rememberedIdle: services.config.rememberedSessionIdle)
                {
                    remember = current.remember
                    replaced = current
                }
                if try !sessions.delete(tokenHash: Token.hash(old)), challenge == nil { throw Redirect(to: "/") }
            }
            // A company switch keeps the login's absolute end; only a login starts a new one.
            _ = try SessionStore(services.database).create(
                tokenHash: token.hash, userID: user.id, tenantID: tenantID, remember: remember,
                userAgent: request.userAgent, clientIP: request.clientAddress, now: now, replacing: replaced)
            // A login (not a company switch) notes the browser.
            let browser = try challenge.map { try noteBrowser(user: user, since: $0.createdAt, in: tx, request, services) } ?? nil
            if let tenantID { try UserStore(services.database).setLastTenant(userID: user.id, tenantID: tenantID) }
            if challenge != nil, let tenantID {
                try AuditStore.adoptLogin(in: tx, userID: user.id, tenantID: tenantID, since: now - LoginChallengeStore.lifetime)
            }
            try AuditStore.record(in: tx, event, tenantID: tenantID, userID: user.id, actorEmail: user.email, clientIP: request.clientAddress,
                now: now)
            return (remember, browser)
        }
        var response = try Response.redirect(
            to: SafeRedirect.path(returnTo ?? challenge?.returnTo, fallback: SafeRedirect.home(for: user)))
        try response.setCookie(Cookies.sessionCookie(token: token.value, remember: remember, request: request))
        if challenge != nil { try response.setCookie(Cookies.clear(Cookies.login, request)) }
        if let browser {
            try response.setCookie(Cookies.addingBrowser(browser.value, request))
        }
        return response
    }

    /// At a login: a browser that brings no cookie of an earlier login (or of the first access)
    /// of this user is a new device, and the user hears of it. The first login of an account
    /// made without a first access (the demo's, `portal-admin`'s) is one too: it went unsaid,
    /// and a stolen password's first use was the one login nobody was told of. Returns the
    /// cookie to give a browser seen for the first time.
    /// `since`: when the login began.
    static func noteBrowser(
        user: UserRecord, since: Timestamp, in tx: WriteTransaction, _ request: Request, _ services: Services
    ) throws -> Token? {
        let browsers = KnownBrowserStore(services.database)
        let now = services.now
        for cookie in Cookies.browsers(request) where try browsers.recognise(tokenHash: Token.hash(cookie), userID: user.id, now: now) {
            return nil
        }
        if try !madeTrustedAtThisLogin(user: user, since: since, request, services) {
            try SecurityMail.send(.newDevice, in: tx, to: user, request, services)
            try AuditStore.record(in: tx, "login_new_device", tenantID: user.lastTenantID, userID: user.id, actorEmail: user.email,
                detail: DeviceName.describe(request.userAgent), clientIP: request.clientAddress, now: now)
        }
        let token = Token.generate()
        try browsers.create(tokenHash: token.hash, userID: user.id, now: now)
        return token
    }

    /// A browser made trusted at this very login (`since`: the login's start): «nuovo
    /// dispositivo sicuro» has just said it, and «nuovo accesso» in the same second was the
    /// same news twice. A trusted-device cookie alone is no proof: copied to another browser
    /// it would sign in unannounced.
    static func madeTrustedAtThisLogin(user: UserRecord, since: Timestamp, _ request: Request, _ services: Services) throws -> Bool {
        let agent = String(request.userAgent.prefix(TrustedDeviceStore.userAgentLimit))
        return try TrustedDeviceStore(services.database).list(userID: user.id, now: services.now).contains {
            $0.createdAt >= since && $0.userAgent == agent
        }
    }

    static func isTrustedDevice(_ request: Request, user: UserRecord, _ services: Services) throws -> Bool {
        let devices = Cookies.devices(request)
        if devices.isEmpty { return false }
        return try services.database.write { tx in
            let store = TrustedDeviceStore(services.database)
            return try devices.contains { try store.use(tokenHash: Token.hash($0), userID: user.id, now: services.now) }
        }
    }

    /// Whether the browser holds a live trusted device of `user`, read without marking it used:
    /// on the code's page that means the code is asked despite it (the account's failed logins),
    /// which the page says for as long as it is asked (after a new code, a wrong one, the limit).
    /// Worked out here rather than carried in the address or the form, where anyone could put it.
    static func holdsTrustedDevice(_ request: Request, user: UserRecord, _ services: Services) throws -> Bool {
        let devices = Cookies.devices(request)
        if devices.isEmpty { return false }
        let owners = try TrustedDeviceStore(services.database).owners(tokenHashes: devices.map { Token.hash($0) }, now: services.now)
        return owners.values.contains(user.id)
    }

    /// The browser's trusted-device tokens still trusting someone other than `user`: a token
    /// removed in a profile, expired or ended by a password change, and this person's own
    /// older one, give their place back (kept, they pushed out colleagues whose tokens worked).
    static func otherPeoplesDevices(_ request: Request, user: UserRecord, _ services: Services) throws -> [String] {
        let tokens = Cookies.devices(request)
        let owners = try TrustedDeviceStore(services.database).owners(tokenHashes: tokens.map(Token.hash), now: services.now)
        return tokens.filter { token in owners[Token.hash(token)].map { $0 != user.id } ?? false }
    }

    /// A new login from this browser replaces the one in progress.
    static func discardChallenge(_ request: Request, _ services: Services) throws {
        guard let token = Cookies.value(Cookies.login, request),
            let challenge = try LoginChallengeStore(services.database).find(tokenHash: Token.hash(token), now: services.now)
        else { return }
        try LoginChallengeStore(services.database).delete(id: challenge.id)
    }

    /// `tenantID`: the company the line belongs to, by default the person's last one.
    static func audit(
        _ event: String, user: UserRecord, detail: String = "", tenantID: Int64? = nil, _ request: Request, _ services: Services
    ) throws {
        try services.database.write { tx in
            try AuditStore.record(in: tx, event, tenantID: tenantID ?? user.lastTenantID, userID: user.id, actorEmail: user.email, detail: detail,
                clientIP: request.clientAddress, now: services.now)
        }
    }
}

/// Shown on the login page instead of continuing (expired provisional credentials…).
struct LoginPageError: Error {
    let message: String
    let email: String
}
