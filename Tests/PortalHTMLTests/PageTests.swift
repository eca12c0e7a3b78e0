import Testing

@testable import PortalHTML

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

    @Test("the body made before the page lands in <main>, as if the frame had been written around it")
    func bodyInMain() {
        let viewer = Viewer(displayName: "Mario", companyName: "ACME", csrfToken: "tok", mayAdministerTenant: true)
        for kind in [Page.Kind.visitor, .app(viewer)] {
            let body = el("section") { el("h1") { "Titolo" }; String(repeating: "testo <lungo> ", count: 5_000) }
            let page = Page(title: "Prova", kind: kind, currentPath: "/ticket") { body }
            var main = Node.empty
            let whole = "<!DOCTYPE html>\n" + page.frame(around: page.body, main: &main).html + "\n"
            #expect(page.render() == whole)
            #expect(page.render().contains("<main id=\"main\" class=\"content\"><section><h1>Titolo</h1>testo &lt;lungo&gt; "))
            #expect(page.render().hasSuffix("</footer></body></html>\n"))
        }
    }
}
