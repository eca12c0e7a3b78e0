import PortalCore
import PortalHTML
import PortalStore

/// "Profilo utente": names, password change, picture, trusted devices, active sessions.
struct ProfilePage {
    var viewer: Viewer
    var user: UserRecord
    /// The picture's SHA-256, when there is one: its address names it, so that a browser
    /// shared by two people never shows one the other's picture from its cache.
    var picture: String?
    var devices: [TrustedDeviceRecord]
    /// The trusted-device tokens this browser holds, hashed: their rows read "(questo browser)".
    var browserDeviceHashes: [[UInt8]]
    var sessions: SessionsSection
    var firstName: String
    var lastName: String
    var errors: [String: String] = [:]
    var notice: String?
    /// "Notifiche", for a user signed in to a company (operators have none).
    var notifications: NotificationSettings?
    var notificationError: String?

    func render() -> String {
        Page(title: Text.profileTitle, kind: .app(viewer), currentPath: "/profilo") {
            el("h1", ["class": "page-title"]) { Text.profileTitle }
            if let notice { FormField.notice(notice, kind: "success") }
            el("section", ["class": "card"]) {
                el("h2", ["id": "personal"]) { Text.personalData }
                el("p", ["class": "muted"]) { user.email }
                el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": "/profilo/dati"]) {
                    // Both are required: said by the mark and to screen readers, not first by the refusal.
                    FormField.requiredLegend(Text.requiredLegend)
                    FormField.csrf(viewer.csrfToken)
                    FormField.input(id: "first_name", label: Text.firstName, value: firstName, error: errors["first_name"], required: true, autocomplete: "given-name", maxLength: 100)
                    FormField.input(id: "last_name", label: Text.lastName, value: lastName, error: errors["last_name"], required: true, autocomplete: "family-name", maxLength: 100)
                    el("div", ["class": "form-actions"]) { el("button", ["class": "button button--primary", "type": "submit"]) { Text.save } }
                }
            }
            el("section", ["class": "card"]) {
                el("h2", ["id": "password-title"]) { Text.changePassword }
                el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": "/profilo/password"]) {
                    FormField.requiredLegend(Text.requiredLegend)
                    FormField.csrf(viewer.csrfToken)
                    FormField.input(id: "current_password", label: Text.currentPassword, type: "password", error: errors["current_password"], required: true, autocomplete: "current-password")
                    FormField.input(id: "new_password", label: Text.newPassword, type: "password", error: errors["new_password"], required: true, autocomplete: "new-password", hint: Text.passwordHint)
                    FormField.input(id: "password_confirmation", label: Text.confirmPassword, type: "password", error: errors["password_confirmation"], required: true, autocomplete: "new-password")
                    el("div", ["class": "form-actions"]) { el("button", ["class": "button button--primary", "type": "submit"]) { Text.changePassword } }
                }
            }
            if let notifications { notifications.render(csrfToken: viewer.csrfToken, error: notificationError, company: viewer.companyName) }
            el("section", ["class": "card"]) {
                el("h2", ["id": "picture-title"]) { Text.pictureSection }
                if let picture {
                    el("img", [
                        "class": "profile-picture", "src": Viewer.pictureAddress(sha256: picture), "alt": user.displayName,
                        "width": "96", "height": "96",
                    ])
                }
                el("form", ["class": "form", "method": "post", "action": "/profilo/immagine", "enctype": "multipart/form-data"]) {
                    FormField.csrf(viewer.csrfToken)
                    // The ticket forms' field: «+ Scegli» and the name chosen in Italian (the
                    // browser's own picker read "Browse… No file selected." in Firefox), and an
                    // image over the limit said before it is sent.
                    FileFields.render(
                        field: "picture", label: Text.picture, hint: Text.pictureHint, kept: [], error: errors["picture"],
                        single: .init(accept: "image/png,image/jpeg,image/gif,image/webp", limit: ProfileHandlers.pictureLimit,
                                      tooLarge: Text.pictureTooLarge))
                    el("div", ["class": "form-actions"]) { el("button", ["class": "button", "type": "submit"]) { Text.uploadPicture } }
                }
                if picture != nil {
                    el("form", ["method": "post", "action": "/profilo/immagine/rimuovi", "class": "form-actions"]) {
                        FormField.csrf(viewer.csrfToken)
                        el("button", ["class": "button button--ghost", "type": "submit"]) { Text.removePicture }
                    }
                }
            }
            // Named by their headings: two tables have a «Browser» column, and a region to look
            // in tells them apart.
            el("section", ["class": "card", "aria-labelledby": "devices-title"]) {
                el("h2", ["id": "devices-title"]) { Text.trustedDevices }
                if devices.isEmpty {
                    el("p") { Text.noTrustedDevices }
                } else {
                    DataTable.render(headings: [
                        .text(Text.browser), .text(Text.addedOn), .text(Text.lastUsed),
                        el("span", ["class": "visually-hidden"]) { Text.remove },
                    ], labels: [Text.browser, Text.addedOn, Text.lastUsed, ""]) {
                        for device in devices {
                            el("tr") {
                                let current = browserDeviceHashes.contains(device.tokenHash) ? " " + Text.thisDevice : ""
                                el("td") { DeviceName.describe(device.userAgent) + current }
                                el("td") { Clock.display(device.createdAt) }
                                el("td") { Clock.display(device.lastUsedAt) }
                                el("td") {
                                    el("form", ["method": "post", "action": "/profilo/dispositivi/\(device.id)/rimuovi"]) {
                                        FormField.csrf(viewer.csrfToken)
                                        el("button", ["class": "button button--ghost", "type": "submit",
                                                      // This browser's own named so too: two of one kind added in
                                                      // one minute were two buttons of one name.
                                                      "aria-label": "\(Text.remove): \(DeviceName.describe(device.userAgent))\(current), \(Clock.display(device.createdAt))"]) { Text.remove }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            sessions.node
        }.render()
    }
}
