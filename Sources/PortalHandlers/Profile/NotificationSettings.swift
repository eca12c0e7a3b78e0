import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// "Notifiche" in the profile: per kind (replies, status changes), the tickets of which the
/// user hears by e-mail in the current company: my tickets, my company's, none. Kept in the
/// user's preferences for that company; read by `TicketMail` when it picks the recipients.
struct NotificationSettings {
    var choices: [NotificationKind: NotificationChoice]

    static func load(userID: Int64, tenantID: Int64, _ database: Database) throws -> NotificationSettings {
        let store = PreferenceStore(database)
        var choices: [NotificationKind: NotificationChoice] = [:]
        for kind in NotificationKind.allCases {
            choices[kind] = try store.value(kind.preferenceName, userID: userID, tenantID: tenantID)
                .flatMap(NotificationChoice.init) ?? .mine
        }
        return NotificationSettings(choices: choices)
    }

    /// `company`: the company they are for, named: a person of two companies chooses for each
    /// (the profile said nothing of which).
    func render(csrfToken: String, error: String?, company: String?) -> Node {
        el("section", ["class": "card"]) {
            el("h2", ["id": "notifications-title"]) { Text.notifications }
            el("p", ["class": "muted"]) {
                Text.notificationsHint
                if let company { " " + Text.notificationsCompany(company) }
            }
            el("form", ["class": "form", "method": "post", "action": "/profilo/notifiche"]) {
                FormField.csrf(csrfToken)
                for kind in NotificationKind.allCases {
                    FormField.radioGroup(
                        name: "notify-" + kind.rawValue, legend: kind.label,
                        options: NotificationChoice.allCases.map { ($0.rawValue, $0.label) },
                        selected: choices[kind]?.rawValue, error: error)
                }
                el("div", ["class": "form-actions"]) {
                    el("button", ["class": "button button--primary", "type": "submit"]) { Text.saveNotifications }
                }
            }
        }
    }

    /// POST /profilo/notifiche: both choices at once; an unknown value changes nothing.
    static func save(_ request: Request, _ context: SignedInContext) throws -> Response {
        let services = context.services
        let current = context.current
        guard let tenantID = current.tenantID else { throw HTTPError.notFound }
        var chosen: [NotificationKind: NotificationChoice] = [:]
        for kind in NotificationKind.allCases {
            guard let choice = request.form["notify-" + kind.rawValue].flatMap(NotificationChoice.init) else {
                var profile = try ProfileHandlers.page(current, request, services)
                profile.notificationError = Text.notificationsInvalid
                return Response.html(profile.render(), status: 422)
            }
            chosen[kind] = choice
        }
        try ProfileHandlers.save(services, notice: "notifiche") { _ in
            for (kind, choice) in chosen {
                try PreferenceStore(services.database).set(
                    kind.preferenceName, value: choice.rawValue, userID: current.user.id, tenantID: tenantID, now: services.now)
            }
        }
    }
}
