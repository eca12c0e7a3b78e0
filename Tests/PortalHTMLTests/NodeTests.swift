import PortalHTML
import Testing

@Suite("el(...) markup builder")
struct NodeTests {
    @Test("escapes attribute values and text")
    func escapes() {
        let node = el("a", ["href": "/cerca?q=\"x\"&t='y'", "title": "<b>"]) { "<script>alert(1)</script>" }
        #expect(node.html == "<a href=\"/cerca?q=&quot;x&quot;&amp;t=&#39;y&#39;\" title=\"&lt;b&gt;\">&lt;script&gt;alert(1)&lt;/script&gt;</a>")
    }

    @Test("leaves out nil attributes and keeps the order of the others")
    func nilAttributes() {
        let node = el("input", ["type": "checkbox", "checked": nil, "name": "ricordami"])
        #expect(node.html == "<input type=\"checkbox\" name=\"ricordami\">")
    }

    @Test("void elements have no closing tag and no content", arguments: ["br", "hr", "img", "input", "meta", "link"])
    func voidElements(_ name: String) {
        #expect(el(name) { "ignorato" }.html == "<\(name)>")
    }

    @Test("other elements close, even when empty, and nest")
    func nesting() {
        #expect(el("p").html == "<p></p>")
        #expect(el("ul") { el("li") { "uno" } }.html == "<ul><li>uno</li></ul>")
    }

    @Test("only TrustedHTML passes through unescaped")
    func trusted() {
        #expect(el("div") { Node.trusted(TrustedHTML("<em>ok</em>")) }.html == "<div><em>ok</em></div>")
        #expect(Node.text("<em>").html == "&lt;em&gt;")
    }
}
