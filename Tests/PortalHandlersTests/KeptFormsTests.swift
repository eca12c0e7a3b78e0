import PortalCore
import PortalHTTP
import PortalHandlers
import PortalStore
import Testing

@Suite("Kept forms: a ticket form sent after its session ended (in process)", .serialized)
struct KeptFormsTests {
    let fixture: Fixture

    init() throws { fixture = try Fixture() }

    func header(_ response: Response, _ name: String) -> [String] {
        response.headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    func keptRows() throws -> Int64 { try fixture.database.scalarInt("SELECT count(*) FROM kept_forms") }

    @Test("kept, and the login brings the browser back to it; taken once")
    func keptAndTakenOnce() throws {
        let fields = ["csrf": "old", "title": "Stampante", "description": "Non stampa", "area": "systems"]
        let sent = fixture.post("/ticket/nuovo", fields, cookies: Fixture.visitor)
        #expect(sent.status == 303)
        #expect(header(sent, "Location") == ["/login?avviso=modulo&next=/ticket/nuovo"])
        let cookie = try #require(header(sent, "Set-Cookie").first { $0.hasPrefix("portal_form=") })
        let token = String(cookie.dropFirst("portal_form=".count).prefix { $0 != ";" })
        #expect(try keptRows() == 1)

        var cookies = try fixture.session("mario.rossi@rossi.example")
        cookies["portal_form"] = token
        let page = String(decoding: fixture.get("/ticket/nuovo", cookies: cookies).body, as: UTF8.self)
        #expect(page.contains(Text.formKept) && page.contains("value=\"Stampante\"") && page.contains("Non stampa"))
        #expect(try keptRows() == 0)
        let again = String(decoding: fixture.get("/ticket/nuovo", cookies: cookies).body, as: UTF8.self)
        #expect(!again.contains(Text.formKept))
    }

    @Test("a post without any cookie of the portal (another site's) is not kept")
    func notFromAnotherSite() throws {
        let sent = fixture.post("/ticket/nuovo", ["title": "Da un altro sito"])
        #expect(sent.status == 303)
        #expect(header(sent, "Location").first?.hasPrefix("/login?next=") == true)
        #expect(try keptRows() == 0)
    }

    @Test("a reply refused for a stale token shows the form filled in, and keeps nothing")
    func staleToken() throws {
        let cookies = try fixture.session("mario.rossi@rossi.example")
        let answer = fixture.post("/ticket/1001", ["csrf": "Zm9yZ2Vk", "message": "Testo da non perdere"], cookies: cookies)
        #expect(answer.status == 403)
        let page = String(decoding: answer.body, as: UTF8.self)
        #expect(page.contains("Testo da non perdere") && page.contains(Text.formKept))
        #expect(try keptRows() == 0)
    }
}
