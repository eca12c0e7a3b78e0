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

    @Test("void elements have no closing tag and no content", arguments: ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"] as [StaticString])
    func voidElements(_ name: StaticString) {
        #expect(el(name) { "ignorato" }.html == "<\(name)>")
    }

    @Test("names of one letter and names like a void one's close", arguments: ["a", "b", "p", "i", "s", "hgroup", "inputs", "bra", "colgroup", "span", "sources", "em"] as [StaticString])
    func otherNames(_ name: StaticString) {
        #expect(el(name, ["class": "x"]) { "testo" }.html == "<\(name) class=\"x\">testo</\(name)>")
    }

    @Test("text of every length up to 40 bytes, with or without a character to escape, is copied whole")
    func everyLength() {
        let letters = Array("abcdefghijklmnopqrstuvwxyzàèéìòù0123456789ABCD")
        for length in 0...40 {
            let text = String(letters.prefix(length))
            #expect(el("p", ["title": text]) { text }.html == "<p title=\"\(text)\">\(text)</p>")
            for position in stride(from: 0, through: length, by: 3) {
                var marked = Array(text)
                marked.insert("&", at: min(position, marked.count))
                let escaped = String(marked).split(separator: "&", omittingEmptySubsequences: false).joined(separator: "&amp;")
                #expect(el("p") { String(marked) }.html == "<p>\(escaped)</p>")
            }
        }
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

    @Test("a part used twice, or made before the element around it, renders as if written in place")
    func partsOutOfOrder() {
        let big = Node.text(String(repeating: "riga <b> ", count: 1000))
        let page = el("main") {
            el("h1") { "Titolo" }
            big
            "fra"
            big
            el("footer") { "fine" }
        }
        let expected = "<main><h1>Titolo</h1>" + big.html + "fra" + big.html + "<footer>fine</footer></main>"
        #expect(page.html == expected)
        #expect(page.count == expected.utf8.count)
        #expect(el("div") { page }.html == "<div>" + expected + "</div>")
        #expect(Node.group([page, Node.text("!")]).html == expected + "!")
        let first = el("b") { "uno" }
        let second = el("i") { "due" }
        #expect(el("p") { second; first; second }.html == "<p><i>due</i><b>uno</b><i>due</i></p>")
        // Made inside the element, kept aside, placed after a sibling written later.
        var aside = Node.empty
        let swapped = el("ul") {
            let early = el("li") { "prima" }
            el("li") { "seconda" }
            early
        }
        #expect(swapped.html == "<ul><li>seconda</li><li>prima</li></ul>")
        aside = el("span") { "a parte" }
        #expect(el("div") { aside }.html == "<div><span>a parte</span></div>")
    }

    @Test("a node stays the same while later pages are written, and a detached one anywhere")
    func nodesOutliveLaterPages() async {
        let kept = el("nav") { el("a", ["href": "/ticket"]) { "Ticket" } }
        let detached = kept.detached()
        for index in 0..<50 {
            let page = el("main") { String(repeating: "x", count: 10_000 + index) }
            #expect(page.count == 10_013 + index)
        }
        #expect(kept.html == "<nav><a href=\"/ticket\">Ticket</a></nav>")
        let elsewhere = await Task.detached { el("div") { detached }.html }.value
        #expect(elsewhere == "<div><nav><a href=\"/ticket\">Ticket</a></nav></div>")
    }

    @Test("for loops, optionals and branches keep the order of their content")
    func builderControlFlow() {
        let items = ["uno", "due", "tre"]
        let note: String? = nil
        let node = el("ul") {
            for item in items { el("li") { item } }
            if let note { el("li") { note } }
            if items.count > 2 { el("li") { "molti" } } else { el("li") { "pochi" } }
        }
        #expect(node.html == "<ul><li>uno</li><li>due</li><li>tre</li><li>molti</li></ul>")
    }

    @Test("a memoised part is built once per key")
    func memo() {
        var builds = 0
        let key = "test-memo-\(Int.random(in: 0..<1_000_000))"
        for _ in 0..<3 {
            let node = NodeMemo.node(key) {
                builds += 1
                return el("nav") { "menu" }
            }
            #expect(node.html == "<nav>menu</nav>")
        }
        #expect(builds == 1)
        #expect(NodeMemo.node(key + "-altro") { el("nav") { "altro" } }.html == "<nav>altro</nav>")
    }
}
