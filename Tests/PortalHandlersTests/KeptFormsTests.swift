import Foundation
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

    /// Forms kept and not yet taken (a taken one stays, emptied, until it expires).
    /// A new ticket's form with three files of `megabytes` each, sent without a session from `address`.
    func formWithFiles(writer: String, title: String, megabytes: Int, from address: String) -> Response {
        let boundary = "kept-boundary"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n\(title)\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"autore\"\r\n\r\n\(writer)\r\n".utf8)
        for index in 0..<3 {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"log\(index).txt\"\r\n".utf8)
            body += Array("Content-Type: text/plain\r\n\r\n".utf8)
            body += [UInt8](repeating: UInt8(ascii: "a") + UInt8(index), count: megabytes * 1024 * 1024) + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return fixture.handle(
            Request(
                method: "POST", path: "/ticket/nuovo", headers: ["content-type": "multipart/form-data; boundary=\(boundary)"],
                cookies: Fixture.visitor, body: body, clientAddress: address))
    }

    func keptRows() throws -> Int64 { try fixture.database.scalarInt("SELECT count(*) FROM kept_forms WHERE path != ''") }

    @Test("kept, and the login brings the browser back to it; taken once")
    func keptAndTakenOnce() throws {
        let fields = ["csrf": "old", "autore": try fixture.formOwner("mario.rossi@rossi.example"), "title": "Stampante", "description": "Non stampa", "area": "systems"]
        let sent = fixture.post("/ticket/nuovo", fields, cookies: Fixture.visitor)
        #expect(sent.status == 303)
        #expect(header(sent, "Location") == ["/login?avviso=modulo&next=/ticket/nuovo"])
        let cookie = try #require(header(sent, "Set-Cookie").first { $0.hasPrefix("portal_form=") })
        let token = String(cookie.dropFirst("portal_form=".count).prefix { $0 != ";" })
        #expect(try keptRows() == 1)

        var cookies = try fixture.session("mario.rossi@rossi.example")
        cookies["portal_form"] = token
        let page = String(decoding: fixture.get("/ticket/nuovo", cookies: cookies).body, as: UTF8.self)
        #expect(page.contains(Text.formKeptNoFiles) && page.contains("value=\"Stampante\"") && page.contains("Non stampa"))
        #expect(try keptRows() == 0)
        let again = String(decoding: fixture.get("/ticket/nuovo", cookies: cookies).body, as: UTF8.self)
        #expect(!again.contains(Text.formKeptNoFiles))
    }

    @Test("of several forms kept from one browser for the same page, the last one pressed comes back first")
    func newestFirst() throws {
        let writer = try fixture.formOwner("mario.rossi@rossi.example")
        var browser = Fixture.visitor
        for title in ["Scheda 1", "Scheda 2", "Scheda 3"] {
            let sent = fixture.post("/ticket/nuovo", ["autore": writer, "title": title, "description": "Testo"], cookies: browser)
            let cookie = try #require(header(sent, "Set-Cookie").first { $0.hasPrefix("portal_form=") })
            browser["portal_form"] = String(cookie.dropFirst("portal_form=".count).prefix { $0 != ";" })
        }
        var cookies = try fixture.session("mario.rossi@rossi.example")
        cookies["portal_form"] = browser["portal_form"]
        let page = String(decoding: fixture.get("/ticket/nuovo", cookies: cookies).body, as: UTF8.self)
        #expect(page.contains("value=\"Scheda 3\""), "the oldest came back, then the next one at each visit")
    }

    @Test("a form sent from a session an administrator's removal ended is not promised back: the login says why")
    func removedWriter() throws {
        let writer = try fixture.formOwner("luca.verdi@rossi.example")
        let session = try fixture.session("luca.verdi@rossi.example")
        let tenant = try fixture.database.scalarInt("SELECT tenant_id FROM sessions ORDER BY id DESC LIMIT 1")
        let luca = try fixture.userID("luca.verdi@rossi.example")
        // Still a member of another company: the form would be kept for a company he can no longer enter.
        let other = try fixture.database.scalarInt("SELECT id FROM tenants WHERE id != ? LIMIT 1", [tenant])
        try TenantStore(fixture.database).addMember(userID: luca, tenantID: other, role: .technician, now: Clock.now())
        try SessionStore(fixture.database).deleteAll(userID: luca, tenantID: tenant, reason: .removedFromCompany, now: Clock.now())
        try fixture.database.run("DELETE FROM memberships WHERE user_id = ? AND tenant_id = ?", [luca, tenant])
        let sent = fixture.post("/ticket/nuovo", ["csrf": "x", "autore": writer, "title": "Dopo la rimozione"], cookies: session)
        #expect(header(sent, "Location") == ["/login?avviso=rimosso-modulo"])
        #expect(try keptRows() == 0)
        // "Ripristina utente" (a member again): the old cookie's form is kept as any other.
        try TenantStore(fixture.database).addMember(userID: luca, tenantID: tenant, role: .technician, now: Clock.now())
        let again = fixture.post("/ticket/nuovo", ["csrf": "x", "autore": writer, "title": "Dopo il ripristino"], cookies: session)
        #expect(header(again, "Location") == ["/login?avviso=modulo&next=/ticket/nuovo"])
    }

    @Test("a kept form goes back to its writer only, not to the colleague who signs in next on the browser")
    func keptForItsWriter() throws {
        let writer = try fixture.formOwner("mario.rossi@rossi.example")
        let fields = ["csrf": "old", "autore": writer, "title": "Stampante", "description": "Non stampa", "area": "systems"]
        let sent = fixture.post("/ticket/nuovo", fields, cookies: Fixture.visitor)
        let cookie = try #require(header(sent, "Set-Cookie").first { $0.hasPrefix("portal_form=") })
        let token = String(cookie.dropFirst("portal_form=".count).prefix { $0 != ";" })

        var colleague = try fixture.session("luca.verdi@rossi.example")
        colleague["portal_form"] = token
        let seen = fixture.get("/ticket/nuovo", cookies: colleague)
        #expect(!String(decoding: seen.body, as: UTF8.self).contains("Non stampa"))
        #expect(!header(seen, "Set-Cookie").contains { $0.hasPrefix("portal_form=") }, "the cookie stays for its writer")
        #expect(try keptRows() == 1)

        var cookies = try fixture.session("mario.rossi@rossi.example")
        cookies["portal_form"] = token
        let page = String(decoding: fixture.get("/ticket/nuovo", cookies: cookies).body, as: UTF8.self)
        #expect(page.contains(Text.formKeptNoFiles) && page.contains("Non stampa"))
        #expect(page.contains("name=\"autore\" value=\"\(writer)\""), "the page names its writer for the next time")
    }

    @Test("a form naming its writer by a bare or a borrowed id is not kept: whoever could put a cookie in a browser left their words for the person it named")
    func forgedWriter() throws {
        let mario = try fixture.userID("mario.rossi@rossi.example")
        let luca = try fixture.formOwner("luca.verdi@rossi.example")
        let borrowed = String(mario) + luca.drop { $0 != "." }
        for forged in [String(mario), borrowed, String(mario) + ".", "x." + luca] {
            let fields = ["csrf": "old", "autore": forged, "title": "Fattura", "description": "Testo di un estraneo", "area": "systems"]
            let sent = fixture.post("/ticket/nuovo", fields, cookies: Fixture.visitor)
            // The refusal goes on as without keeping: to the login, nothing kept, no cookie.
            #expect(sent.status == 303 && !header(sent, "Set-Cookie").contains { $0.hasPrefix("portal_form=") }, "\(forged)")
            #expect(try keptRows() == 0, "\(forged)")
        }
    }

    @Test("a browser keeps every form it sent, not only the last: a reply and a new ticket both come back")
    func twoFormsOneBrowser() throws {
        func cookieValue(_ response: Response) throws -> String {
            let cookie = try #require(header(response, "Set-Cookie").first { $0.hasPrefix("portal_form=") })
            return String(cookie.dropFirst("portal_form=".count).prefix { $0 != ";" })
        }
        let number = try fixture.database.scalarInt(
            "SELECT number FROM tickets WHERE status != 'closed' AND tenant_id = (SELECT id FROM tenants WHERE name = 'ROSSI SRL') LIMIT 1")
        let ticket = fixture.post("/ticket/nuovo", ["csrf": "old", "autore": try fixture.formOwner("mario.rossi@rossi.example"), "title": "Stampante", "description": "Non stampa", "area": "systems"],
            cookies: Fixture.visitor)
        let first = try cookieValue(ticket)
        let reply = fixture.post("/ticket/\(number)", ["csrf": "old", "autore": try fixture.formOwner("mario.rossi@rossi.example"), "message": "Risposta tenuta da parte"],
            cookies: Fixture.visitor.merging(["portal_form": first]) { $1 })
        let both = try cookieValue(reply)
        #expect(both.split(separator: ".").count == 2 && both.hasPrefix(first))

        var cookies = try fixture.session("mario.rossi@rossi.example")
        cookies["portal_form"] = both
        let newTicket = fixture.get("/ticket/nuovo", cookies: cookies)
        #expect(String(decoding: newTicket.body, as: UTF8.self).contains("Non stampa"))
        let left = try cookieValue(newTicket)
        #expect(left == String(both.split(separator: ".")[1]), "the other form's token stays")
        cookies["portal_form"] = left
        #expect(String(decoding: fixture.get("/ticket/\(number)", cookies: cookies).body, as: UTF8.self).contains("Risposta tenuta da parte"))
    }

    @Test("one address keeps at most a few forms with their files; later ones keep their text and say so")
    func filesCappedPerAddress() throws {
        // An office: each person keeps their own newest few (`formsPerPerson`), the address a few with files.
        var writers = try fixture.colleagues(KeptFormStore.filesPerAddress + 2).makeIterator()
        func send() -> Response {
            let writer = writers.next()!
            let boundary = "kept-boundary"
            let body = [
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"autore\"\r\n\r\n\(writer)\r\n",
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nStampante\r\n",
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"nota.txt\"\r\n",
                "Content-Type: text/plain\r\n\r\nLa stampante non risponde.\r\n--\(boundary)--\r\n",
            ].joined()
            return fixture.handle(
                Request(
                    method: "POST", path: "/ticket/nuovo",
                    headers: ["content-type": "multipart/form-data; boundary=\(boundary)"], cookies: Fixture.visitor,
                    body: Array(body.utf8), clientAddress: "192.0.2.7"))
        }
        for _ in 0..<KeptFormStore.filesPerAddress {
            #expect(header(send(), "Location") == ["/login?avviso=modulo&next=/ticket/nuovo"])
        }
        let withFiles = try fixture.database.scalarInt("SELECT count(*) FROM kept_forms WHERE fields LIKE '%kept=%'")
        #expect(withFiles == Int64(KeptFormStore.filesPerAddress))
        let capped = send()
        // The login's notice no longer promises the files it could not keep.
        #expect(header(capped, "Location") == ["/login?avviso=modulo-senza-allegati&next=/ticket/nuovo"])
        let cookie = try #require(header(capped, "Set-Cookie").first { $0.hasPrefix("portal_form=") })
        let token = String(cookie.dropFirst("portal_form=".count).prefix { $0 != ";" })
        var cookies = try fixture.session("collega\(KeptFormStore.filesPerAddress)@rossi.example")
        cookies["portal_form"] = token
        let page = String(decoding: fixture.get("/ticket/nuovo", cookies: cookies).body, as: UTF8.self)
        #expect(page.contains(Text.formKeptWithoutFiles) && page.contains("value=\"Stampante\""))
        #expect(!page.contains("nota.txt"))
        // Forms taken back no longer count as forms kept: the next person's files are kept again.
        try fixture.database.run("UPDATE kept_forms SET path = '', fields = ''")
        #expect(header(send(), "Location") == ["/login?avviso=modulo&next=/ticket/nuovo"])
    }

    @Test("the bytes kept count too, and an IPv6 /64 is one client")
    func bytesCappedPerClient() throws {
        let megabytes = 3
        var writers = try fixture.colleagues(Int(KeptFormStore.bytesPerAddress / Int64(3 * megabytes * 1024 * 1024)) + 3).makeIterator()
        func send(from address: String) -> Response {
            formWithFiles(writer: writers.next()!, title: "Stampante", megabytes: megabytes, from: address)
        }
        let perForm = Int64(3 * megabytes * 1024 * 1024)
        let fitting = Int(KeptFormStore.bytesPerAddress / perForm)
        #expect(fitting < KeptFormStore.filesPerAddress, "the bytes, not the count, stop it")
        for index in 0..<fitting { #expect(send(from: "2001:db8:1:2::\(index + 1)").status == 303) }
        #expect(send(from: "2001:db8:1:2:ffff::9").status == 303)
        let rows = try fixture.database.query("SELECT file_bytes FROM kept_forms ORDER BY id").map { $0.int("file_bytes") }
        #expect(rows == Array(repeating: perForm, count: fitting) + [0])
        #expect(send(from: "2001:db8:1:3::1").status == 303, "another /64 is another client")
        #expect(try fixture.database.scalarInt("SELECT file_bytes FROM kept_forms ORDER BY id DESC LIMIT 1") == perForm)
    }

    @Test("megabytes of text are kept within the form's limits; a person keeps their newest few, and never the office's slots")
    func textAndFormsCapped() throws {
        let huge = String(repeating: "A", count: 3 * 1024 * 1024)
        let writer = try fixture.formOwner("mario.rossi@rossi.example")
        for index in 0..<(KeptFormStore.formsPerPerson + 15) {
            let sent = fixture.post(
                "/ticket/nuovo", ["autore": writer, "title": "x\(index)", "description": huge, "technical_details": huge],
                cookies: Fixture.visitor)
            #expect(header(sent, "Location") == ["/login?avviso=modulo&next=/ticket/nuovo"])
        }
        let longest = try fixture.database.scalarInt("SELECT max(length(fields)) FROM kept_forms")
        #expect(longest <= Int64(KeptFormStore.fieldBytes))
        #expect(longest >= 20_000, "the description is kept as far as the form takes it (20,000 characters)")
        #expect(try keptRows() == Int64(KeptFormStore.formsPerPerson), "his newest, not twenty")
        let newest = try #require(
            try fixture.database.queryOne("SELECT fields FROM kept_forms WHERE path != '' ORDER BY id DESC LIMIT 1")).string("fields")
        #expect(newest.contains("title=x\(KeptFormStore.formsPerPerson + 14)"))
        // A colleague behind the same address still gets theirs kept.
        let colleague = try fixture.formOwner("luca.verdi@rossi.example")
        let theirs = fixture.post("/ticket/nuovo", ["autore": colleague, "title": "il mio"], cookies: Fixture.visitor)
        #expect(header(theirs, "Location") == ["/login?avviso=modulo&next=/ticket/nuovo"])
        // Past what one address may leave (many people at once): nothing kept, and the login says so.
        try fixture.database.run(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO kept_forms (token_hash, path, fields, client_address, file_bytes, owner_id, created_at, expires_at)
            SELECT randomblob(32), '/ticket/nuovo', 'x', client_address, 0, 100000 + i, created_at, expires_at
            FROM n, (SELECT client_address, created_at, expires_at FROM kept_forms WHERE path != '' LIMIT 1)
            """, [KeptFormStore.formsPerAddress])
        let refused = fixture.post("/ticket/nuovo", ["autore": colleague, "title": "uno di troppo"], cookies: Fixture.visitor)
        #expect(header(refused, "Location") == ["/login?avviso=modulo-non-conservato&next=/ticket/nuovo"], "said, not kept")
        #expect(header(refused, "Set-Cookie").first { $0.hasPrefix("portal_form=") } == nil)
    }

    @Test("one writer's forms pressed again and again: the emptied ones' files still count, and a full address drops none of theirs")
    func oneWriterAgainAndAgain() throws {
        let writer = try fixture.formOwner("mario.rossi@rossi.example")
        func send(_ title: String) -> Response { formWithFiles(writer: writer, title: title, megabytes: 3, from: "192.0.2.44") }
        let fitting = Int(KeptFormStore.bytesPerAddress / Int64(9 * 1024 * 1024))
        for index in 0...fitting { _ = send("Modulo \(index)") }
        // Evicting a form kept its bytes counted: past the address's bytes the newest has no files.
        let newest = try #require(try fixture.database.queryOne("SELECT file_bytes FROM kept_forms ORDER BY id DESC LIMIT 1"))
        #expect(newest.int("file_bytes") == 0, "an evicted form's files are still on the disk")
        #expect(try keptRows() == Int64(KeptFormStore.formsPerPerson))
        // The address full of others' forms: the writer's next is refused, and none of theirs is dropped for it.
        try fixture.database.run(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO kept_forms (token_hash, path, fields, client_address, file_bytes, owner_id, created_at, expires_at)
            SELECT randomblob(32), '/ticket/nuovo', 'x', client_address, 0, 100000 + i, created_at, expires_at
            FROM n, (SELECT client_address, created_at, expires_at FROM kept_forms WHERE path != '' LIMIT 1)
            """, [KeptFormStore.formsPerAddress])
        let body = "autore=" + urlEncode(writer) + "&title=uno"
        let refused = fixture.handle(
            Request(
                method: "POST", path: "/ticket/nuovo", headers: ["content-type": "application/x-www-form-urlencoded"],
                cookies: Fixture.visitor, body: Array(body.utf8), clientAddress: "192.0.2.44"))
        #expect(header(refused, "Location").first?.hasPrefix("/login?avviso=modulo-non-conservato") == true)
        let mario = try fixture.userID("mario.rossi@rossi.example")
        #expect(try fixture.database.scalarInt("SELECT count(*) FROM kept_forms WHERE owner_id = ? AND path != ''", [mario])
            == Int64(KeptFormStore.formsPerPerson))
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
        let writer = try fixture.formOwner("mario.rossi@rossi.example")
        let answer = fixture.post(
            "/ticket/1001", ["csrf": "Zm9yZ2Vk", "autore": writer, "message": "Testo da non perdere"], cookies: cookies)
        #expect(answer.status == 403)
        let page = String(decoding: answer.body, as: UTF8.self)
        #expect(page.contains("Testo da non perdere") && page.contains(Text.formKeptNoFiles))
        #expect(try keptRows() == 0)
    }

    @Test("a form refused for its token is shown back to its writer only: another person signed in meanwhile gets the plain refusal")
    func staleTokenOfAnotherPerson() throws {
        let colleague = try fixture.session("luca.verdi@rossi.example")
        let writer = try fixture.formOwner("mario.rossi@rossi.example")
        for fields in [["autore": writer], [:]] {
            let answer = fixture.post(
                "/ticket/1001", fields.merging(["csrf": "Zm9yZ2Vk", "message": "Testo di Mario"]) { $1 }, cookies: colleague)
            #expect(answer.status == 403)
            let page = String(decoding: answer.body, as: UTF8.self)
            #expect(!page.contains("Testo di Mario") && page.contains(Text.errorForbiddenCSRF))
        }
    }

    @Test("a reply with files refused for its token writes no file: they are chosen again")
    func staleTokenWritesNoFile() throws {
        let cookies = try fixture.session("mario.rossi@rossi.example")
        let boundary = "stale-boundary"
        let writer = try fixture.formOwner("mario.rossi@rossi.example")
        let body = [
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nZm9yZ2Vk\r\n",
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"autore\"\r\n\r\n\(writer)\r\n",
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nCon allegato\r\n",
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"grande.txt\"\r\n",
            "Content-Type: text/plain\r\n\r\n\(String(repeating: "x", count: 100_000))\r\n--\(boundary)--\r\n",
        ].joined()
        func storedFiles() -> Int {
            let files = FileManager.default.enumerator(atPath: fixture.directory)?.allObjects as? [String] ?? []
            return files.filter { $0.hasPrefix("attachments/") && !$0.hasSuffix("/") }.count
        }
        let stored = storedFiles()
        let answer = fixture.handle(
            Request(
                method: "POST", path: "/ticket/1001", headers: ["content-type": "multipart/form-data; boundary=\(boundary)"],
                cookies: cookies, body: Array(body.utf8)))
        #expect(answer.status == 403)
        let page = String(decoding: answer.body, as: UTF8.self)
        #expect(page.contains("Con allegato") && page.contains(Text.formKeptWithoutFiles))
        #expect(storedFiles() == stored)
    }
}
