import PortalHTML
import Testing

@Suite("Escape")
struct EscapeTests {
    @Test("text escapes & < > and leaves quotes alone", arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"citato\"", "\"citato\""),
        ("l'assistenza", "l'assistenza"),
        ("&amp;", "&amp;amp;"),
        ("perché è così", "perché è così"),
    ])
    func text(input: String, expected: String) {
        #expect(Escape.text(input) == expected)
    }

    @Test("attribute also escapes both quotes", arguments: [
        ("<script>", "&lt;script&gt;"),
        ("\" onmouseover=\"x", "&quot; onmouseover=&quot;x"),
        ("l'assistenza", "l&#39;assistenza"),
        ("&amp;", "&amp;amp;"),
        ("a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&#39;f"),
    ])
    func attribute(input: String, expected: String) {
        #expect(Escape.attribute(input) == expected)
    }

    @Test("the renderer escapes as Escape does, past the arena's first buffer too", arguments: [
        "", "a", "<", "semplice", "a&b<c>d\"e'f", "nul\u{0}qui", "perché è così <b>", "&&&&&&&&&&&&&&&&&&&&",
        String(repeating: "<&\"'>", count: 20_000), String(repeating: "x", count: 70_000) + "<",
    ])
    func renderer(input: String) {
        let html = el("p", ["title": input]) { input }.html
        #expect(html == "<p title=\"" + Escape.attribute(input) + "\">" + Escape.text(input) + "</p>")
        #expect(!html.contains("\u{0}"))
    }
}
