import PortalCore
import PortalHTML

/// The tabs of the manual's "Tenant" screen, as links: each tab is a page of its own.
enum TenantTabs {
    static let all: [(path: String, label: String)] = [
        ("/tenant", Text.tabTenant), ("/tenant/ruoli", Text.tabRoles), ("/tenant/utenti", Text.tabUsers),
        ("/tenant/inviti", Text.tabInvited), ("/tenant/attivita", Text.tabActivity),
    ]

    /// `form`: the title of a form shown in the tab ("Invita utente"), so that the window's
    /// title tells the form from the list.
    static func page(
        _ viewer: Viewer, current: String, form: String? = nil, notice: String? = nil, error: String? = nil,
        @NodeBuilder body: () -> Node
    ) -> Page {
        let content = body()
        // The first tab shares its label with the screen: "Tenant: Tenant" said nothing.
        let tab = all.first { $0.path == current }.map { $0.path == "/tenant" ? Text.generalData : $0.label }
        let title = form ?? tab ?? Text.generalData
        return Page(title: "\(Text.tenantTitle): \(title)", kind: .app(viewer), currentPath: "/tenant") {
            el("h1", ["class": "page-title"]) { Text.tenantTitle }
            el("nav", ["class": "tabs", "aria-label": Text.tenantTabs]) {
                el("ul") {
                    for tab in all {
                        el("li") {
                            el("a", ["href": tab.path, "class": "tab", "aria-current": tab.path == current ? "page" : nil]) { tab.label }
                        }
                    }
                }
            }
            if let notice { FormField.notice(notice, kind: "success") }
            if let error { FormField.notice(error, kind: "error") }
            content
        }
    }
}
