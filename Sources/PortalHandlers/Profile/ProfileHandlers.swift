import PortalCore
import PortalDomain
import PortalCrypto
import PortalHTTP
import PortalStore

/// /profilo: what the user icon of the header opens.
enum ProfileHandlers {
    static let pictureLimit = 1024 * 1024
    /// What the route reads: a photo straight from a phone (a few megabytes) reaches the
    /// handler, which says beside the field that it is over `pictureLimit`, rather than
    /// meeting the generic "too large" page. nginx's limit for the route matches (nginx.conf).
    static let pictureUploadLimit = 8 * 1024 * 1024 + 16 * 1024

    static func pictures(_ services: Services) -> ContentStore {
        ContentStore(directory: services.config.attachmentsDirectory + "/pictures")
    }

    static func page(_ current: CurrentUser, _ request: Request, _ services: Services) throws -> ProfilePage {
        let user = current.user
        return ProfilePage(
            viewer: current.viewer, user: user,
            picture: try UserStore(services.database).picture(userID: user.id)?.sha256,
            devices: try TrustedDeviceStore(services.database).list(userID: user.id, now: services.now),
            browserDeviceHashes: Cookies.devices(request).map(Token.hash),
            sessions: SessionsSection(
                sessions: try SessionStore(services.database).list(
                    userID: user.id, now: services.now, rememberedIdle: services.config.rememberedSessionIdle),
                currentSessionID: current.session.id, csrfToken: current.csrfToken, isOperator: user.isOperator),
            firstName: user.firstName, lastName: user.lastName,
            notifications: try current.tenantID.map { try NotificationSettings.load(userID: user.id, tenantID: $0, services.database) })
    }

    static func show(_ request: Request, _ context: SignedInContext) throws -> Response {
        let services = context.services
        let current = context.current
        var profile = try page(current, request, services)
        profile.notice = request.query["avviso"].flatMap { notices[$0] }
        return Response.html(profile.render())
    }

    static let notices = [
        "dati": Text.profileSaved, "immagine": Text.pictureSaved, "immagine-rimossa": Text.pictureRemoved,
        "dispositivo": Text.deviceRemoved, "dispositivo-gia-rimosso": Text.deviceAlreadyRemoved,
        "notifiche": Text.notificationsSaved,
        "sessione": Text.sessionEnded, "sessioni": Text.otherSessionsEnded, "sessione-gia-terminata": Text.sessionAlreadyEnded,
    ]

    static func saveNames(_ request: Request, _ context: SignedInContext) throws -> Response {
        let services = context.services
        let form = request.form
        let current = context.current
        let firstName = PasswordRules.validName(form["first_name"] ?? "")
        let lastName = PasswordRules.validName(form["last_name"] ?? "")
        guard let firstName, let lastName else {
            var profile = try page(current, request, services)
            profile.firstName = String((form["first_name"] ?? "").prefix(100))
            profile.lastName = String((form["last_name"] ?? "").prefix(100))
            if firstName == nil { profile.errors["first_name"] = PasswordRules.nameMessage(form["first_name"] ?? "") }
            if lastName == nil { profile.errors["last_name"] = PasswordRules.nameMessage(form["last_name"] ?? "") }
            return Response.html(profile.render(), status: 422)
        }
        try save(services, notice: "dati") { _ in
            try UserStore(services.database).setNames(userID: current.user.id, firstName: firstName, lastName: lastName, now: services.now)
        }
    }

    static func changePassword(_ request: Request, _ context: SignedInContext) throws -> Response {
        let services = context.services
        let form = request.form
        let current = context.current
        let user = current.user
        var profile = try page(current, request, services)
        let newPassword = form["new_password"] ?? ""
        // "Password attuale" is a password guess like the login's, and under the same brake
        // (its failures count for this address and this client, the owner is alerted): a
        // session's holder could try it without limit, and a right guess was told apart.
        let source = LoginThrottle.Source(typedEmail: user.email, request)
        let wait = try LoginThrottle.wait(source, services)
        guard wait == 0 else {
            profile.errors["current_password"] = Text.loginThrottled(seconds: wait)
            return Response.html(profile.render(), status: 429)
        }
        let typedCurrent = form["current_password"] ?? ""
        if typedCurrent.isEmpty {
            // Nothing typed is no guess (it costs no attempt), and "non è corretta" named a
            // password nobody wrote.
            profile.errors["current_password"] = Text.fieldRequired
        } else if !PasswordHasher.verify(typedCurrent, against: user.passwordHash) {
            profile.errors["current_password"] = Text.currentPasswordWrong
            try services.database.write { tx in
                try LoginThrottle.recordFailure(in: tx, source, user: user, request, services)
                try AuditStore.record(in: tx, "password_change_failed", tenantID: user.lastTenantID, userID: user.id,
                    actorEmail: user.email, clientIP: request.clientAddress, now: services.now)
            }
        } else {
            try LoginThrottle.recordSuccess(source, services)
        }
        let confirmation = form["password_confirmation"] ?? ""
        // Empty fields are asked for as such: "almeno 12 caratteri" and "non coincidono" named
        // rules about a password nobody typed.
        if newPassword.isEmpty { profile.errors["new_password"] = Text.fieldRequired }
        if confirmation.isEmpty { profile.errors["password_confirmation"] = Text.fieldRequired }
        // The new password's own rules are said at once, the confirmation aside when empty.
        if !newPassword.isEmpty {
            let violations = PasswordPolicy.violations(
                newPassword, confirmation: confirmation.isEmpty ? newPassword : confirmation, email: EmailAddress(user.email),
                names: [user.firstName, user.lastName])
            profile.errors.merge(PasswordRules.errors(for: violations, passwordField: "new_password")) { _, new in new }
        }
        guard profile.errors.isEmpty else { return Response.html(profile.render(), status: 422) }
        try PasswordChange.apply(user: user, newPassword: newPassword, cause: .profile, request, services)
        var response = try Response.redirect(to: "/login?avviso=cambiata&email=" + urlEncode(user.email))
        try response.setCookie(Cookies.clearSession(request))
        return response
    }

    static func uploadPicture(_ request: Request, _ context: SignedInContext) throws -> Response {
        let services = context.services
        let form = request.form
        let current = context.current
        var profile = try page(current, request, services)
        guard let file = form.files(named: "picture").first else {
            profile.errors["picture"] = Text.pictureMissing
            return Response.html(profile.render(), status: 422)
        }
        guard file.bytes.count <= pictureLimit else {
            profile.errors["picture"] = Text.pictureTooLarge
            return Response.html(profile.render(), status: 422)
        }
        guard let type = ImageType.sniff(file.bytes) else {
            profile.errors["picture"] = Text.pictureInvalid
            return Response.html(profile.render(), status: 422)
        }
        switch ImageDimensions.verdict(file.bytes, type: type) {
        case .fine: break
        case .damaged:
            profile.errors["picture"] = Text.pictureDamaged
            return Response.html(profile.render(), status: 422)
        case .tooLarge(let width, let height):
            profile.errors["picture"] = Text.pictureTooManyPixels(width: width, height: height, limit: ImageDimensions.maxPixels)
            return Response.html(profile.render(), status: 422)
        }
        let name = try pictures(services).store(file.bytes)
        try save(services, notice: "immagine") { _ in
            try UserStore(services.database).setPicture(userID: current.user.id, sha256: name, contentType: type, now: services.now)
        }
    }

    static func removePicture(_ request: Request, _ context: SignedInContext) throws -> Response {
        let services = context.services
        try save(services, notice: "immagine-rimossa") { _ in
            try UserStore(services.database).removePicture(userID: context.current.user.id, now: services.now)
        }
    }

    /// The picture is only ever answered with the image type it was recognised as.
    static func picture(_ request: Request, _ context: SignedInContext) throws -> Response {
        let services = context.services
        let current = context.current
        guard let picture = try UserStore(services.database).picture(userID: current.user.id),
            let bytes = pictures(services).read(picture.sha256)
        else { throw HTTPError.notFound }
        var response = Response(status: 200, contentType: picture.contentType, body: bytes)
        try response.setHeader("Cache-Control", "private, max-age=300")
        try response.setHeader("Content-Disposition", "inline; filename=\"profilo\"")
        return response
    }

    static func removeDevice(_ request: Request, _ context: SignedInContext) throws -> Response {
        let services = context.services
        let current = context.current
        guard let id = request.pathID("id") else { throw HTTPError.notFound }
        try save(services, notice: "dispositivo") { tx in
            // Removed in another tab, or expired, since the page: said on the profile, as for a
            // session already ended (it was a bare 404 without the menu).
            guard try TrustedDeviceStore(services.database).delete(id: id, userID: current.user.id) else {
                throw Redirect(to: "/profilo?avviso=dispositivo-gia-rimosso")
            }
            try AuditStore.record(in: tx, "device_removed", tenantID: current.tenantID, userID: current.user.id, actorEmail: current.user.email,
                clientIP: request.clientAddress, now: services.now)
        }
    }

    /// A change is acknowledged only after it committed: the profile again, with the notice
    /// (`notices`) that names it.
    static func save(_ services: Services, notice: String, _ change: (WriteTransaction) throws -> Void) throws -> Never {
        try services.database.write(change)
        throw Redirect(to: "/profilo?avviso=" + notice)
    }
}
