import PortalCore
import PortalHTML

/// The dashboard as the server renders it: the saved widgets with their data, readable
/// without JavaScript; dashboard.js turns the same markup into the editor (toolbar buttons,
/// the "Aggiungi Widget" panel, moving and resizing), and takes any widget it adds or
/// refreshes from GET /api/dashboard/widget/{id}, rendered here by the same WidgetView.
struct DashboardPage {
    var viewer: Viewer
    var layout: DashboardLayout
    /// Nil when the session has no company (the vendor's operators): nothing to show or edit.
    var data: DashboardData?
    var notice: String?
    var error: String?
    /// Pending invitations of other companies (their names and roles), told with a link to
    /// «Scelta Tenant», where they are accepted.
    var invitations: [(company: String, role: String)] = []

    var isEditable: Bool { data != nil }

    func render() -> String {
        let page = Page(title: Text.dashboardTitle, kind: .app(viewer), currentPath: "/dashboard") {
            el("h1", ["class": "page-title"]) { Text.dashboardTitle }
            if let notice { FormField.notice(notice, kind: "success") }
            if let error { FormField.notice(error, kind: "error") }
            if let first = invitations.first {
                el("div", ["class": "notice notice--info", "role": "status"]) {
                    invitations.count == 1
                        ? Text.dashboardInvitation(first.company, role: first.role) : Text.dashboardInvitations(invitations.count)
                    el("a", ["href": "/accesso/azienda"]) { Text.companyChoiceTitle }
                    "."
                }
            }
            // Before the editor's hidden panel: its buttons bear the same names.
            if isEditable { el("noscript") { withoutScript } }
            el(
                "div",
                [
                    "class": "dashboard", "id": "dashboard", "data-api": "/api/dashboard",
                    "data-widget-url": "/api/dashboard/widget/",
                    "data-csrf": isEditable ? viewer.csrfToken : nil, "data-columns": String(DashboardLayout.columns),
                    "data-rows": String(DashboardLayout.rows),
                ]
            ) {
                toolbar
                if isEditable {
                    el("p", ["class": "dashboard-hint muted"]) { Text.dashboardEditingHint }
                    el("p", ["class": "dashboard-hint dashboard-hint--narrow muted"]) { Text.dashboardNarrowHint }
                }
                el("p", ["class": "visually-hidden", "id": "dashboard-status", "role": "status", "aria-live": "polite"])
                el("div", ["class": "notice notice--error", "id": "dashboard-error", "role": "alert", "hidden": "hidden"])
                emptyState
                el("div", ["class": "dashboard-body"]) {
                    grid
                    if isEditable { DashboardPanel.render(layout: layout) }
                }
                if isEditable { texts }
            }
        }
        return (isEditable ? page.withScript("/assets/dashboard.js") : page).render()
    }

    /// "Aggiorna" is a form's button, so that it refreshes without JavaScript too; "Modifica",
    /// "Aggiungi" and "Fatto" need the script, which reveals them. "Aggiungi" is one button,
    /// here or in the empty dashboard's middle (the script moves it): a hidden second one
    /// first in the page was what a search by its name found, and could not press.
    var toolbar: Node {
        el("div", ["class": "toolbar dashboard-toolbar", "hidden": layout.isEmpty ? "hidden" : nil]) {
            FormField.refreshButton(Text.dashboardRefresh, path: "/dashboard", dataAction: "refresh")
            if isEditable {
                el("button", ["type": "button", "class": "button", "data-action": "edit", "hidden": "hidden"]) {
                    Text.dashboardEdit
                }
                if !layout.isEmpty {
                    el("button", ["type": "button", "class": "button", "data-action": "add", "hidden": "hidden"]) {
                        Text.dashboardAdd
                    }
                }
                el(
                    "button",
                    ["type": "button", "class": "button button--primary", "data-action": "done", "hidden": "hidden"]
                ) { Text.dashboardDone }
            }
        }
    }

    var emptyState: Node {
        el("div", ["class": "empty-state dashboard-empty", "hidden": layout.isEmpty ? nil : "hidden"]) {
            el("p", ["class": "empty-title"]) { Text.dashboardEmptyTitle }
            el("p") { Text.dashboardEmptyHint }
            if isEditable && layout.isEmpty {
                el(
                    "button",
                    ["type": "button", "class": "button button--primary", "data-action": "add", "hidden": "hidden"]
                ) { Text.dashboardAdd }
            }
        }
    }

    /// Without JavaScript (noscript: parsed only where scripts do not run): "Aggiungi" and
    /// "Rimuovi" as forms, each widget placed where it first fits.
    var withoutScript: Node {
        el("section", ["class": "card dashboard-noscript"]) {
            el("h2", ["id": "noscript-widgets-title"]) { Text.dashboardAddWidget }
            el("p", ["class": "muted"]) { Text.dashboardNeedsScript }
            el("ul", ["class": "widget-choices"]) {
                for widget in DashboardWidget.allCases {
                    let placed = layout.contains(widget)
                    el("li", ["class": "widget-choice"]) {
                        el("p", ["class": "widget-choice-title"]) { widget.title }
                        el("p", ["class": "widget-choice-summary"]) { widget.summary }
                        if placed { el("p", ["class": "widget-choice-placed"]) { Text.dashboardAlreadyPlaced } }
                        el("form", ["method": "post", "action": "/dashboard/widget"]) {
                            FormField.csrf(viewer.csrfToken)
                            let action = placed ? Text.widgetRemoveShort : Text.dashboardAdd
                            el("button", [
                                "class": "button", "type": "submit", "name": placed ? "rimuovi" : "aggiungi", "value": widget.rawValue,
                                "aria-label": action + " " + widget.title,
                            ]) { action }
                        }
                    }
                }
            }
        }
    }

    var grid: Node {
        el("div", ["class": "dashboard-grid", "role": "region", "aria-label": Text.dashboardGrid]) {
            if let data {
                for placement in layout.placements { WidgetView.render(placement.widget, at: placement, data: data) }
            }
        }
    }

    /// The sentences the script announces; template content is inert: not shown, not read.
    var texts: Node {
        el("template", ["id": "dashboard-texts"]) {
            for (key, text) in DashboardPage.announcements { el("span", ["data-text": key]) { text } }
        }
    }

    static let announcements: [(String, String)] = [
        ("moved", Text.announceMoved), ("resized", Text.announceResized), ("added", Text.announceAdded),
        ("removed", Text.announceRemoved), ("blocked", Text.announceBlocked), ("noRoom", Text.announceNoRoom),
        ("editing", Text.announceEditing), ("saved", Text.announceSaved), ("refreshed", Text.announceRefreshed),
        ("failed", Text.announceFailed), ("found", Text.announceFound), ("foundOne", Text.announceFoundOne),
        ("foundNone", Text.announceFoundNone),
    ]
}
