import PortalCore

/// The one page layout of the portal, for the handlers' pages and the static site alike.
public struct Page: Sendable {
    public enum Kind: Sendable {
        /// Logged-in pages: header with user and company icons, collapsible left menu.
        case app(Viewer)
        /// Pages for visitors (login, errors): no menu.
        case visitor
        /// Static documentation: a chapter list beside the content.
        case docs(navigation: Node)
    }

    public var title: String
    public var kind: Kind
    /// The path of the menu entry to mark as current.
    public var currentPath: String
    public var body: [Node]
    public var description: String?
    /// Asset URLs; the site build replaces them with fingerprinted names.
    public var stylesheet = "/assets/portal.css"
    public var scripts: [String] = []

    public init(title: String, kind: Kind, currentPath: String = "", description: String? = nil, @NodeBuilder body: () -> [Node]) {
        self.title = title
        self.kind = kind
        self.currentPath = currentPath
        self.description = description
        self.body = body()
    }

    public func render() -> String {
        var classes = "layout"
        switch kind {
        case .app: break
        case .visitor: classes += " layout--public"
        case .docs: classes += " layout--public layout--docs"
        }
        let document = el("html", ["lang": "it"]) {
            el("head") {
                el("meta", ["charset": "utf-8"])
                el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                el("title") { "\(title) · \(Text.productName)" }
                if let description { el("meta", ["name": "description", "content": description]) }
                el("link", ["rel": "icon", "href": "/assets/favicon.svg", "type": "image/svg+xml"])
                el("link", ["rel": "stylesheet", "href": stylesheet])
                for script in scripts { el("script", ["src": script, "defer": "defer"]) }
            }
            el("body", ["class": classes]) {
                el("a", ["class": "skip-link", "href": "#main"]) { Text.skipToContent }
                if case .app = kind {
                    el("input", ["type": "checkbox", "id": "menu-toggle", "class": "menu-toggle", "aria-label": Text.toggleMenu])
                }
                header
                if case .app(let viewer) = kind { Menu.sidebar(for: viewer, currentPath: currentPath) }
                if case .docs(let navigation) = kind { navigation }
                el("main", ["id": "main", "class": isDocs ? "content doc" : "content"]) { body }
                footer
            }
        }
        return "<!DOCTYPE html>\n" + document.html + "\n"
    }

    var isDocs: Bool {
        if case .docs = kind { return true }
        return false
    }

    var header: Node {
        el("header", ["class": "topbar"]) {
            if case .app = kind {
                el("label", ["for": "menu-toggle", "class": "menu-button"]) {
                    Icon.menu
                    el("span", ["class": "visually-hidden"]) { Text.toggleMenu }
                }
            }
            el("a", ["class": "brand", "href": "/"]) {
                el("img", ["src": "/assets/logo.svg", "alt": "", "width": "28", "height": "28"])
                " \(Text.productName)"
            }
            if case .app(let viewer) = kind {
                el("div", ["class": "account"]) {
                    el("a", ["class": "tenant-icon", "href": "/accesso/azienda", "title": Text.currentCompany]) {
                        Icon.company
                        el("span", ["class": "account-label"]) { viewer.companyName ?? Text.currentCompany }
                    }
                    el("a", ["class": "user-icon", "href": "/profilo", "title": Text.userProfile]) {
                        Icon.user
                        el("span", ["class": "account-label"]) { viewer.displayName }
                    }
                    el("form", ["class": "logout-form", "method": "post", "action": "/logout"]) {
                        el("input", ["type": "hidden", "name": "csrf", "value": viewer.csrfToken])
                        el("button", ["type": "submit", "class": "button button--ghost"]) { Text.logout }
                    }
                }
            }
        }
    }

    var footer: Node {
        el("footer", ["class": "footer"]) {
            el("span") { Text.footerNote }
            " · "
            el("a", ["href": "/manuale/"]) { Text.menuManual }
            " · "
            el("a", ["href": "/privacy.html"]) { Text.menuPrivacy }
        }
    }
}
