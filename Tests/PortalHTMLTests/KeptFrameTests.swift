import PortalHTML
import Testing

@Suite("KeptFrame")
struct KeptFrameTests {
    static let cell = KeptFrame { slot in el("td", ["data-label": "Società \"A\" & <B>"]) { slot } }
    static let fact = KeptFrame { slot in
        el("dl", ["class": "ticket-fact"]) {
            el("dt") { "Stato" }
            el("dd") { slot }
        }
    }

    @Test("around any content, the markup the builder writes", arguments: ["", "valore", "<b>&amp;</b>", "perché è così"])
    func sameMarkup(value: String) {
        let kept = el("tr") {
            KeptFrameTests.cell { value }
            KeptFrameTests.cell { el("a", ["href": "/desk/ticket/1"]) { value } }
            KeptFrameTests.fact { el("span", ["class": "badge"]) { value } }
        }.html
        let built = el("tr") {
            el("td", ["data-label": "Società \"A\" & <B>"]) { value }
            el("td", ["data-label": "Società \"A\" & <B>"]) { el("a", ["href": "/desk/ticket/1"]) { value } }
            el("dl", ["class": "ticket-fact"]) {
                el("dt") { "Stato" }
                el("dd") { el("span", ["class": "badge"]) { value } }
            }
        }.html
        #expect(kept == built)
    }

    @Test("a frame used across many pages' worth of content keeps its bytes")
    func reused() {
        let long = String(repeating: "x", count: 70_000)
        _ = KeptFrameTests.cell { long }
        #expect(KeptFrameTests.cell { "1" }.html == "<td data-label=\"Società &quot;A&quot; &amp; &lt;B&gt;\">1</td>")
    }
}
