import PortalCore
import PortalHTML
import PortalStore

/// "Sessioni attive" of the profile: each live session of the user with its browser, network
/// address, company and times; "Termina" ends one, "Termina tutte le altre" every other.
struct SessionsSection {
    var sessions: [ActiveSessionRecord]
    var currentSessionID: Int64
    var csrfToken: String
    /// An operator's sessions are the desk's; a customer's without a company stopped at the
    /// company choice.
    var isOperator = false

    var node: Node {
        el("section", ["class": "card", "aria-labelledby": "sessions-title"]) {
            el("h2", ["id": "sessions-title"]) { Text.activeSessions }
            el("p", ["class": "muted"]) { Text.activeSessionsIntro }
            DataTable.render(headings: [
                .text(Text.sessionBrowser), .text(Text.sessionAddress), .text(Text.sessionCompany), .text(Text.sessionStarted),
                .text(Text.sessionLastActivity), el("span", ["class": "visually-hidden"]) { Text.endSession },
            ], labels: [Text.sessionBrowser, Text.sessionAddress, Text.sessionCompany, Text.sessionStarted, Text.sessionLastActivity, ""]) {
                for session in sessions {
                    el("tr") {
                        el("td") {
                            DeviceName.describe(session.userAgent)
                            if session.id == currentSessionID { " " + Text.thisSession }
                        }
                        el("td") { session.clientIP }
                        el("td", ["class": "cell-name"]) { session.tenantName ?? (isOperator ? Text.deskSession : Text.sessionWithoutCompany) }
                        el("td") { Clock.display(session.createdAt) }
                        el("td") { Clock.display(session.lastSeenAt) }
                        el("td") {
                            if session.id != currentSessionID {
                                el("form", ["method": "post", "action": "/profilo/sessioni/\(session.id)/termina"]) {
                                    FormField.csrf(csrfToken)
                                    el("button", [
                                        "class": "button button--ghost", "type": "submit",
                                        // With the address and the start: two sessions of one browser in
                                        // the same minute had the same name.
                                        "aria-label": Text.endSessionLabel(
                                            device: DeviceName.describe(session.userAgent), address: session.clientIP,
                                            started: Clock.display(session.createdAt), lastSeen: Clock.display(session.lastSeenAt)),
                                    ]) { Text.endSession }
                                }
                            }
                        }
                    }
                }
            }
            if sessions.contains(where: { $0.id != currentSessionID }) {
                el("form", ["class": "form-actions", "method": "post", "action": "/profilo/sessioni/termina-altre"]) {
                    FormField.csrf(csrfToken)
                    el("button", ["class": "button", "type": "submit"]) { Text.endOtherSessions }
                }
            }
        }
    }
}
