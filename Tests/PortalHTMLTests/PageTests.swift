import PortalHTML
import Testing

@Suite("Page layout")
struct PageTests {
    @Test("a visitor page is Italian, titled, and has no menu")
    func visitorPage() {
        let html = Page(title: "Accesso & prova", kind: .visitor) { el("p") { "Benvenuto" } }.render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.contains("<html lang=\"it\">"))
        #expect(html.contains("<title>Accesso &amp; prova · Customer Portal</title>"))
        #expect(html.contains("<p>Benvenuto</p>"))
        #expect(html.contains("layout--public"))
        #expect(!html.contains("class=\"sidebar\""))
    }

    @Test("an app page shows the menu and the viewer's escaped name")
    func appPage() {
        let viewer = Viewer(displayName: "Mario <Rossi>", companyName: "ACME", csrfToken: "tok", mayAdministerTenant: false)
        let html = Page(title: "Dashboard", kind: .app(viewer), currentPath: "/dashboard") {}.render()
        #expect(html.contains("class=\"sidebar\""))
        #expect(html.contains("Mario &lt;Rossi&gt;"))
        #expect(html.contains("href=\"/dashboard\" aria-current=\"page\""))
        #expect(!html.contains("href=\"/tenant\""))
    }
}
