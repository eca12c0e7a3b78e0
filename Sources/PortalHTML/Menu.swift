import PortalCore

/// The left menu of the manual's screenshots: its groups' names, each with its entries always
/// shown. The manual sends people to an entry ("Premendo la voce «Elenco richieste di
/// assistenza» nel menu di sinistra") from anywhere, the dashboard first, where a closed
/// group (`<details>`) hid it behind a second click; drawn open, a click on the group's name,
/// as the manual's "Gestione Tenant" -> "Tenant" reads, closed it and hid the entry instead.
/// A name that is no control does neither; the whole menu still hides ("Apri o chiudi
/// il menu").
enum Menu {
    struct Entry {
        let label: String
        let path: String
    }

    static func sidebar(for viewer: Viewer, currentPath: String) -> Node {
        NodeMemo.node("menu|\(viewer.mayAdministerTenant)|\(viewer.isOperator)|\(viewer.mayAdministerVendor)|\(currentPath)") {
            viewer.isOperator
                ? renderDesk(mayAdministerVendor: viewer.mayAdministerVendor, currentPath: currentPath)
                : render(for: viewer, currentPath: currentPath)
        }
    }

    /// Depends on the viewer's role only: `sidebar` memoises it per role and path.
    static func render(for viewer: Viewer, currentPath: String) -> Node {
        el("nav", ["class": "sidebar", "aria-label": Text.mainMenu]) {
            el("ul", ["class": "menu"]) {
                el("li") { link(Entry(label: Text.menuDashboard, path: "/dashboard"), icon: Icon.dashboard, currentPath) }
                if viewer.mayAdministerTenant {
                    group(Text.menuTenantAdministration, icon: Icon.company, [Entry(label: Text.menuTenant, path: "/tenant")], currentPath)
                }
                group(Text.menuAccessConfiguration, icon: Icon.user, accessConfiguration, currentPath)
                group(
                    Text.menuSupport, icon: Icon.support,
                    [
                        Entry(label: Text.menuNewTicket, path: "/ticket/nuovo"),
                        Entry(label: Text.menuTicketList, path: "/ticket"),
                    ], currentPath)
                group(
                    Text.menuUtility, icon: Icon.tools,
                    [
                        Entry(label: Text.menuManual, path: SiteLinks.path(SiteLinks.manual)),
                        Entry(label: Text.menuHelp, path: SiteLinks.path(SiteLinks.help)),
                        Entry(label: Text.menuPrivacy, path: SiteLinks.path(SiteLinks.privacy)),
                    ], currentPath)
            }
        }
    }

    // Its "Utilità" group has the customers' shape on purpose: it lists other pages (the
    // operators' manual first, no help pages), and each menu reads whole at one place.
    /// The operators' menu: the desk and the manuals.
    static func renderDesk(mayAdministerVendor: Bool, currentPath: String) -> Node {
        el("nav", ["class": "sidebar", "aria-label": Text.mainMenu]) {
            el("ul", ["class": "menu"]) {
                group(
                    Text.menuDesk, icon: Icon.support,
                    [
                        Entry(label: Text.deskQueueTitle, path: "/desk/"),
                        Entry(label: Text.deskNewTicketTitle, path: "/desk/nuovo"),
                    ], currentPath)
                if mayAdministerVendor && !vendorAdministration.isEmpty {
                    group(Text.menuVendorAdministration, icon: Icon.company, vendorAdministration, currentPath)
                }
                group(Text.menuAccessConfiguration, icon: Icon.user, accessConfiguration, currentPath)
                group(
                    Text.menuUtility, icon: Icon.tools,
                    [
                        Entry(label: Text.menuOperatorManual, path: SiteLinks.path(SiteLinks.operatorManual)),
                        Entry(label: Text.menuManual, path: SiteLinks.path(SiteLinks.manual)),
                        Entry(label: Text.menuPrivacy, path: SiteLinks.path(SiteLinks.privacy)),
                    ], currentPath)
            }
        }
    }

    /// The manual's "Configurazione Accessi": the person's own access, the profile's parts.
    static let accessConfiguration: [Entry] = [
        Entry(label: Text.userProfile, path: "/profilo"),
        Entry(label: Text.trustedDevices, path: "/profilo#devices-title"),
        Entry(label: Text.activeSessions, path: "/profilo#sessions-title"),
    ]

    /// The Responsabile's pages of the vendor administration, in the menu's order.
    static let vendorAdministration: [Entry] = [
        Entry(label: Text.companiesTitle, path: "/desk/aziende"),
        Entry(label: Text.legacyRequestsTitle, path: "/desk/portale-classico"),
        Entry(label: Text.operatorsTitle, path: "/desk/operatori"),
        Entry(label: Text.responseTargetsTitle, path: "/desk/tempi"),
        Entry(label: Text.figuresTitle, path: "/desk/andamento"),
        Entry(label: Text.auditLogTitle, path: "/desk/registro"),
    ]

    static func group(_ title: String, icon: Node, _ entries: [Entry], _ currentPath: String) -> Node {
        // The list is named by the title itself (read once, not a second label beside it).
        let id = "menu-" + String(title.lowercased().map { $0.isLetter ? $0 : "-" })
        return el("li", ["class": "menu-group"]) {
            el("span", ["class": "menu-group-title", "id": id]) {
                icon
                " \(title)"
            }
            el("ul", ["class": "submenu", "aria-labelledby": id]) {
                for entry in entries { el("li") { link(entry, icon: nil, currentPath) } }
            }
        }
    }

    static func link(_ entry: Entry, icon: Node?, _ currentPath: String) -> Node {
        el("a", ["class": "menu-link", "href": entry.path, "aria-current": entry.path == currentPath ? "page" : nil]) {
            if let icon {
                icon
                " "
            }
            entry.label
        }
    }
}
