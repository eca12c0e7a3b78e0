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
    public var body: Node
    public var description: String?
    /// Asset URLs; the site build replaces them with fingerprinted names.
    public var stylesheet = "/assets/portal.css"
    public var scripts: [String] = []
    /// Registers the service worker that makes the portal an installable app.
    public var appScript = "/assets/pwa.js"
    /// The static site's root as seen from this page: "/" for the handlers' pages; the site
    /// build makes it relative ("../") so that the built pages work wherever they are served.
    public var siteRoot = "/"
    /// The page's own text links "Informativa Privacy" (the first access's consent): the
    /// footer leaves its link of the same name out, one link of that name on the page.
    public var linksPrivacyItself = false
    /// Footer links the page's own text has under the same name (`leavingOutOfFooter`).
    var ownLinks: Set<FooterLink> = []

    /// The footer's links, in its order.
    public enum FooterLink: String, CaseIterable, Sendable {
        case contacts, manual, help, browsers, privacy

        var target: String {
            switch self {
            case .contacts: SiteLinks.contacts
            case .manual: SiteLinks.manualIndex
            case .help: SiteLinks.helpIndex
            case .browsers: SiteLinks.browsers
            case .privacy: SiteLinks.privacy
            }
        }

        var name: String {
            switch self {
            case .contacts: Text.menuContacts
            case .manual: Text.menuManual
            case .help: Text.menuHelp
            case .browsers: Text.menuBrowser
            case .privacy: Text.menuPrivacy
            }
        }
    }

    public init(title: String, kind: Kind, currentPath: String = "", description: String? = nil, @NodeBuilder body: () -> Node) {
        self.title = title
        self.kind = kind
        self.currentPath = currentPath
        self.description = description
        self.body = body()
    }

    public func render() -> String { String(decoding: renderBytes(), as: UTF8.self) }

    /// The page as UTF-8, ready to be a response body.
    ///
    /// The body was written before the frame around it (the handler makes it first): rather
    /// than moving it behind the frame's beginning in the arena, the frame is written around
    /// an empty `<main>`, and the answer takes the frame's two halves with the body between
    /// them, each byte copied once, out of the arena.
    public func renderBytes() -> [UInt8] {
        var main = Node.empty
        let document = frame(around: .empty, main: &main)
        var out: [UInt8] = []
        out.reserveCapacity(document.count + body.count + 20)
        out.append(contentsOf: "<!DOCTYPE html>\n".utf8)
        let closing = "</main>".utf8.count
        if let arena = document.arena, main.arena === arena, main.count >= closing,
            main.start >= document.start, main.end <= document.end
        {
            let split = main.end - closing
            out.append(contentsOf: UnsafeBufferPointer(start: arena.base + document.start, count: split - document.start))
            body.write(to: &out)
            out.append(contentsOf: UnsafeBufferPointer(start: arena.base + split, count: document.end - split))
        } else {
            // The empty <main> was moved while the frame was written (not the case today):
            // the body goes into the frame itself.
            frame(around: body, main: &main).write(to: &out)
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// `<html>` with `content` in its `<main>`, which `main` is set to.
    func frame(around content: Node, main: inout Node) -> Node {
        var classes = "layout"
        switch kind {
        case .app: break
        case .visitor: classes += " layout--public"
        case .docs: classes += " layout--public layout--docs"
        }
        return el("html", ["lang": "it"]) {
            head
            el("body", ["class": classes]) {
                el("a", ["class": "skip-link", "href": "#main"]) { Text.skipToContent }
                if case .app = kind {
                    el("input", ["type": "checkbox", "id": "menu-toggle", "class": "menu-toggle", "aria-label": Text.toggleMenu])
                    // Not deferred: it sets the checkbox before the menu is drawn (assets/menu.js).
                    el("script", ["src": siteRoot + "assets/menu.js"])
                }
                header
                if case .app(let viewer) = kind { Menu.sidebar(for: viewer, currentPath: currentPath) }
                Page.noting(el("main", ["id": "main", "class": isDocs ? "content doc" : "content"]) { content }, in: &main)
                // After the text, where a narrow screen shows it: before it, at 320 px the keyboard
                // went through the search and two dozen chapter links 16,000 pixels down before
                // the page's first link. A wide screen places it on the left by its grid area.
                if case .docs(let navigation) = kind { navigation }
                footer
            }
        }
    }

    /// `node`, noted in `slot` on its way into the builder.
    static func noting(_ node: Node, in slot: inout Node) -> Node {
        slot = node
        return node
    }

    /// The `<head>`: around its title, the same for every page with the same description and
    /// scripts. The title is not part of the kept parts' key: a ticket's page has one title
    /// per ticket, and keyed by it every ticket page rendered its head again and added a
    /// part of its own to the memo, pushing out the parts every page shares.
    var head: Node {
        // Unit separators: no description or path holds one.
        let key = "head\u{1F}\(description ?? "")\u{1F}\(stylesheet)\u{1F}\(appScript)\u{1F}\(siteRoot)\u{1F}"
            + scripts.joined(separator: " ")
        return el("head") {
            NodeMemo.node("head-start") {
                Node.group {
                    el("meta", ["charset": "utf-8"])
                    el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                }
            }
            el("title") { "\(title) · \(Text.productName)" }
            NodeMemo.node(key) {
                Node.group {
                    if let description { el("meta", ["name": "description", "content": description]) }
                    el("link", ["rel": "icon", "href": siteRoot + "assets/favicon.svg", "type": "image/svg+xml"])
                    el("link", ["rel": "apple-touch-icon", "href": siteRoot + "assets/icon-192.png"])
                    el("link", ["rel": "manifest", "href": siteRoot + "manifest.webmanifest"])
                    el("meta", ["name": "theme-color", "content": Branding.current.primaryColor])
                    el("link", ["rel": "stylesheet", "href": stylesheet])
                    el("script", ["src": appScript, "defer": "defer"])
                    for script in scripts { el("script", ["src": script, "defer": "defer"]) }
                }
            }
        }
    }

    var isDocs: Bool {
        if case .docs = kind { return true }
        return false
    }

    var header: Node {
        el("header", ["class": "topbar"]) {
            NodeMemo.node("topbar|\(isApp)|\(siteRoot)") { brand }
            if case .app(let viewer) = kind {
                el("div", ["class": "account"]) {
                    // Operators work for every company: they never see the company choice.
                    if !viewer.isOperator {
                        el("a", ["class": "tenant-icon", "href": "/accesso/azienda", "title": Text.currentCompany]) {
                            Icon.company
                            el("span", ["class": "account-label"]) { viewer.companyName ?? Text.currentCompany }
                        }
                    }
                    el("a", ["class": "user-icon", "href": "/profilo", "title": Text.userProfile]) {
                        // The manual's top-right icon is the person: their picture once they chose one.
                        if let picture = viewer.pictureAddress {
                            el("img", ["class": "user-picture", "src": picture, "alt": "", "width": "24", "height": "24"])
                        } else {
                            Icon.user
                        }
                        el("span", ["class": "account-label"]) { viewer.displayName }
                    }
                    el("form", ["class": "logout-form", "method": "post", "action": "/logout"]) {
                        el("input", ["type": "hidden", "name": "csrf", "value": viewer.csrfToken])
                        el("button", ["type": "submit", "aria-label": Text.logoutName, "class": "button button--ghost"]) { Text.logout }
                    }
                }
            }
        }
    }

    var isApp: Bool {
        if case .app = kind { return true }
        return false
    }

    /// The menu button (logged-in pages) and the product's name: the same on every page.
    var brand: Node {
        Node.group {
            if isApp {
                el("label", ["for": "menu-toggle", "class": "menu-button"]) {
                    Icon.menu
                    el("span", ["class": "visually-hidden"]) { Text.toggleMenu }
                }
            }
            el("a", ["class": "brand", "href": "/"]) {
                el("img", ["src": siteRoot + Branding.current.logoAsset, "alt": "", "width": "28", "height": "28"])
                " \(Text.productName)"
            }
        }
    }

    /// The footer's links that the page links already, by the same name: left out of the
    /// footer, so that each name is one link (a lookup of the link «Manuale utente» found the
    /// menu's and the footer's). The left menu's «Utilità» has the manual and the privacy notice
    /// (the customers' the help too); the site's navigation every page of the site; the page
    /// may name its own (`leavingOutOfFooter`).
    var footerLeavesOut: Set<FooterLink> {
        var out = ownLinks
        if linksPrivacyItself { out.insert(.privacy) }
        switch kind {
        case .app(let viewer):
            out.formUnion([.manual, .privacy])
            if !viewer.isOperator { out.insert(.help) }
        case .docs:
            // The site's navigation lists its pages by these titles.
            out.formUnion([.contacts, .manual, .browsers, .privacy])
        case .visitor:
            break
        }
        return out
    }

    var footer: Node {
        let leftOut = footerLeavesOut
        let key = FooterLink.allCases.filter(leftOut.contains).map(\.rawValue).joined(separator: ",")
        return NodeMemo.node("footer|" + siteRoot + "|" + key) {
            el("footer", ["class": "footer"]) {
                if let vendor = Branding.current.vendorName {
                    el("span", ["class": "footer-vendor"]) { vendor }
                    " · "
                }
                el("span") { Text.footerNote }
                for link in FooterLink.allCases where !leftOut.contains(link) {
                    " · "
                    el("a", ["href": siteRoot + link.target]) { link.name }
                }
            }
        }
    }
}

extension Page {
    /// The page without the footer's `links`, which its own text links by the same names.
    public func leavingOutOfFooter(_ links: Set<FooterLink>) -> Page {
        var page = self
        page.ownLinks.formUnion(links)
        return page
    }

    /// The page with "Informativa Privacy" linked by its own text (`linksPrivacyItself`).
    public func linkingPrivacyItself() -> Page {
        var page = self
        page.linksPrivacyItself = true
        return page
    }

    /// The page with one more deferred script (files under /assets only: the CSP allows no inline script).
    public func withScript(_ source: String) -> Page {
        var page = self
        page.scripts.append(source)
        return page
    }
}
