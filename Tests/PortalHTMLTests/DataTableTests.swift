import PortalHTML
import Testing

@Suite("Data tables")
struct DataTableTests {
    @Test("on a phone each cell names its column: data-label from the headings, none for an unnamed one, a row heading skipped")
    func labels() {
        let html = DataTable.render(headings: ["Nome", "Ruolo", ""]) {
            el("tr") {
                el("th", ["scope": "row"]) { "Mario <td> \"Rossi\"" }
                el("td") { "Tecnico" }
                el("td", ["class": "x"]) { "<tr>" }
            }
            el("tr") {
                el("td") { "a" }
                el("td") { "b" }
                el("td") { "c" }
            }
        }.html
        #expect(html.contains(#"<th scope="row">Mario &lt;td&gt; "Rossi"</th><td data-label="Ruolo">Tecnico</td><td class="x">&lt;tr&gt;</td>"#))
        #expect(html.contains(#"<tr><td data-label="Nome">a</td><td data-label="Ruolo">b</td><td>c</td></tr>"#))
        #expect(html.contains(#"<th scope="col">Nome</th>"#), "the heading row stays as it was")
    }

    @Test("a table whose cells label themselves is left as written")
    func ownLabels() {
        let html = DataTable.render(headings: ["Numero"], labelsCells: false) {
            el("tr") { el("td", ["data-label": "Numero"]) { "#1001" } }
        }.html
        #expect(html.contains(#"<td data-label="Numero">#1001</td>"#))
        #expect(!html.contains("data-label=\"Numero\" data-label"))
    }

    @Test("a cell that names itself keeps its own label")
    func keepsOwnLabel() {
        let html = DataTable.render(headings: ["Numero", "Titolo"]) {
            el("tr") {
                el("td", ["data-label": "N."]) { "#1001" }
                el("td") { "Stampa" }
            }
        }.html
        #expect(html.contains(#"<td data-label="N.">#1001</td><td data-label="Titolo">Stampa</td>"#))
    }
}
