import PortalCore
import PortalHTTP
import PortalStore

/// The e-mails that tell a person what just happened to their account (a new password, a
/// new trusted device, a login from a new device, failed logins), with when, which browser
/// and which network address. Written in the transaction of what they report, like every
/// e-mail; none carries a secret. Urgent: news of an account being taken over must not wait
/// behind ticket notifications.
enum SecurityMail {
    enum Event {
        case passwordChanged, passwordReset, trustedDevice, newDevice
    }

    static func send(_ event: Event, in tx: WriteTransaction, to user: UserRecord, _ request: Request, _ services: Services) throws {
        let when = Clock.display(services.now)
        let browser = DeviceName.describe(request.userAgent)
        let address = request.clientAddress
        let url = services.config.publicURL
        let (subject, body): (String, String) =
            switch event {
            case .passwordChanged:
                (Text.passwordChangedMailSubject(), Text.passwordChangedMailBody(when: when, browser: browser, address: address, portalURL: url))
            case .passwordReset:
                (Text.passwordResetMailSubject(), Text.passwordResetMailBody(when: when, browser: browser, address: address, portalURL: url))
            case .trustedDevice:
                (Text.trustedDeviceMailSubject(), Text.trustedDeviceMailBody(when: when, browser: browser, address: address, portalURL: url))
            case .newDevice:
                (Text.newDeviceMailSubject(), Text.newDeviceMailBody(when: when, browser: browser, address: address, portalURL: url))
            }
        try enqueue(in: tx, to: user, subject: subject, body: body, services)
    }

    static func failedLogins(in tx: WriteTransaction, to user: UserRecord, count: Int, _ request: Request, _ services: Services) throws {
        let body = Text.failedLoginsMailBody(
            count: count, when: Clock.display(services.now, format: "%H:%M"), address: request.clientAddress,
            portalURL: services.config.publicURL)
        try enqueue(in: tx, to: user, subject: Text.failedLoginsMailSubject(), body: body, services)
    }

    private static func enqueue(in tx: WriteTransaction, to user: UserRecord, subject: String, body: String, _ services: Services) throws {
        guard let address = EmailAddress(user.email) else { return }
        try OutboxStore.enqueue(in: tx, to: [address], subject: subject, body: body, now: services.now, kind: .urgent)
    }
}
