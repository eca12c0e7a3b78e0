import PortalCore
import PortalHTTP
import PortalHandlers
import PortalStore
import Testing

@Suite("Andamento: the figures of a period, their charts, tables and CSV files (in process)", .serialized)
struct FiguresTests {
    let fixture: Fixture
    let manager = "giulia.neri@assistenza.example"

    init() throws { fixture = try Fixture() }

    func html(_ response: Response) -> String { String(decoding: response.body, as: UTF8.self) }

    /// The whole demo, whose tickets were opened over the last ten weeks or so.
    var wholeDemo: String {
        let today = RomeTime.local(Clock.now()).day
        return "dal=\(today.adding(days: -120).text)&al=\(today.text)"
    }

    @Test("every chart is an SVG image with its title and description, its numbers as text, a table and a CSV link")
    func page() throws {
        let response = fixture.get("/desk/andamento?" + wholeDemo, cookies: try fixture.session(manager))
        #expect(response.status == 200)
        let page = html(response)
        for id in ["settimane", "stati", "aree", "prima-risposta", "obiettivi"] {
            #expect(page.contains(#"role="img" aria-labelledby="grafico-\#(id)-titolo grafico-\#(id)-descrizione""#), "\(id)")
            #expect(page.contains(#"<title id="grafico-\#(id)-titolo">"#), "\(id)")
            #expect(page.contains("/desk/andamento/csv/\(id)?dal="), "\(id)")
        }
        #expect(page.contains(">Scarica CSV</a>"))
        #expect(page.contains(">Ticket aperti e chiusi per settimana</h2>"))
        // The demo's 44 tickets were all opened in the period.
        let opened = try fixture.database.scalarInt("SELECT count(*) FROM tickets")
        #expect(page.contains("In tutto \(opened) ticket aperti"))
    }

    @Test("the default period is the last twelve weeks; a bad date or an upside-down period is refused beside its field")
    func periods() throws {
        let cookies = try fixture.session(manager)
        let today = RomeTime.local(Clock.now()).day
        let plain = html(fixture.get("/desk/andamento", cookies: cookies))
        // A text field for gg/mm/aaaa in every engine, the day shown the Italian way.
        #expect(plain.contains(#"id="al" name="al" type="text" value="\#(today.italianText)""#))
        let bad = fixture.get("/desk/andamento?dal=31/02/2026&al=2026-11-30", cookies: cookies)
        #expect(bad.status == 422)
        #expect(html(bad).contains(Text.periodDateInvalid))
        #expect(html(bad).contains(#"value="31/02/2026""#))
        let backwards = html(fixture.get("/desk/andamento?dal=2026-11-30&al=2026-11-01", cookies: cookies))
        #expect(backwards.contains(Text.periodBackwards))
        #expect(!backwards.contains(#"<svg class="chart""#))
    }

    @Test("each chart's CSV is a download named after it and the period, with the table's numbers")
    func csv() throws {
        let cookies = try fixture.session(manager)
        let response = fixture.get("/desk/andamento/csv/stati?" + wholeDemo, cookies: cookies)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(response.header("Content-Disposition")?.hasPrefix(#"attachment; filename="andamento-stati-"#) == true)
        let text = String(decoding: response.body.dropFirst(3), as: UTF8.self)
        let open = try fixture.database.scalarInt("SELECT count(*) FROM tickets WHERE status = 'waiting'")
        #expect(text.hasPrefix("Stato;Ticket aperti\r\n"))
        #expect(text.contains("In attesa;\(open)\r\n"))
        #expect(fixture.get("/desk/andamento/csv/nessuno", cookies: cookies).status == 404)
        #expect(fixture.get("/desk/andamento/csv/stati?dal=ieri", cookies: cookies).status == 400)
    }
}
