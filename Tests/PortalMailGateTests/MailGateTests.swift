import PortalCore
import PortalDomain
import PortalHandlers
import PortalMailGate
import PortalStore
import Testing

/// The whole path of a received message, on a demo database: from the bytes to the thread,
/// the outbox and the record of the message.
@Suite("The mail gate: replies, notes, refusals, programs and duplicates")
struct MailGateTests {
    let temporary: TemporaryDatabase
    let services: Services
    let gate: MailGate
    let addresses: ReplyAddress
    let now: Timestamp = Clock.now()

    init() throws {
        temporary = try TemporaryDatabase()
        let config = Config(values: [
            "PORTAL_DB": temporary.directory + "/portal.sqlite3", "PORTAL_VAR": temporary.directory,
            "PORTAL_MAIL_FROM": "Assistenza <assistenza@fornitore.example>",
            "PORTAL_MAIL_REPLY_KEY": "chiave-di-prova-abbastanza-lunga",
        ])
        try DemoData.seed(database: temporary.database, now: Clock.now())
        services = try Services(config: config)
        gate = MailGate(services: services)
        addresses = ReplyAddress(config: config)!
    }

    var database: Database { temporary.database }

    func user(_ email: String) throws -> Int64 {
        try database.scalarInt("SELECT id FROM users WHERE email = ?", [email])
    }

    /// A ticket of ROSSI SRL in the given status.
    func ticket(_ status: String) throws -> Int64 {
        try database.scalarInt(
            "SELECT number FROM tickets WHERE status = ? AND tenant_id = (SELECT id FROM tenants WHERE name = 'ROSSI SRL') LIMIT 1",
            [status])
    }

    func mail(from: String, to: String, id: String, body: String, extra: String = "") -> [UInt8] {
        Array(
            """
            From: \(from)\r
            To: \(to)\r
            Subject: Re: Ticket\r
            Message-ID: <\(id)>\r
            \(extra)Content-Type: text/plain; charset=UTF-8\r
            \r
            \(body)\r

            """.utf8)
    }

    func messages(_ number: Int64) throws -> [(kind: String, body: String)] {
        try database.query(
            "SELECT kind, body FROM messages WHERE ticket_id = (SELECT id FROM tickets WHERE number = ?) ORDER BY id", [number]
        ).map { ($0.string("kind"), $0.string("body")) }
    }

    func status(_ number: Int64) throws -> String {
        try database.queryOne("SELECT status FROM tickets WHERE number = ?", [number])!.string("status")
    }

    func answers(to address: String) throws -> Int64 {
        try database.scalarInt("SELECT count(*) FROM outbox WHERE recipients = ? AND subject LIKE 'Messaggio non accettato%'", [address])
    }

    @Test("a customer's reply joins the thread and puts a Rinviato ticket back In attesa; a second delivery adds nothing")
    func customerReply() throws {
        let number = try ticket("postponed")
        let to = addresses.address(ticket: number, person: try user("mario.rossi@rossi.example"))
        let raw = mail(
            from: "Mario Rossi <mario.rossi@rossi.example>", to: to, id: "r1@rossi.example",
            body: "Ecco la versione: 23.1.\r\n\r\nIl giorno lun 30 nov 2026 alle ore 10:15 Assistenza ha scritto:\r\n> vecchio")
        #expect(try gate.deliver(raw, now: now) == .reply)
        #expect(try messages(number).last { $0.kind == "reply" }?.body == "Ecco la versione: 23.1.")
        #expect(try status(number) == "waiting")
        let count = try messages(number).count
        #expect(try gate.deliver(raw, now: now) == .duplicate)
        #expect(try messages(number).count == count)
    }

    @Test("an operator's reply reaches the customer; one starting with #nota is an internal note")
    func operatorReplyAndNote() throws {
        let number = try ticket("waiting")
        let to = addresses.address(ticket: number, person: try user("giulia.neri@assistenza.example"))
        let outbox = try database.scalarInt("SELECT count(*) FROM outbox")
        #expect(try gate.deliver(mail(from: "giulia.neri@assistenza.example", to: to, id: "o1@x", body: "Risolto."), now: now) == .reply)
        #expect(try messages(number).last! == ("reply", "Risolto."))
        #expect(try database.scalarInt("SELECT count(*) FROM outbox") > outbox)
        let reply = try #require(try database.queryOne("SELECT reply_to, thread FROM outbox ORDER BY id DESC LIMIT 1"))
        #expect(reply.optionalString("thread") == "ticket-\(number)")
        #expect(reply.optionalString("reply_to")?.hasPrefix("assistenza+t\(number).") == true)
        let outboxAfterReply = try database.scalarInt("SELECT count(*) FROM outbox")
        #expect(
            try gate.deliver(mail(from: "giulia.neri@assistenza.example", to: to, id: "o2@x", body: "#nota\r\nSolo per noi."), now: now)
                == .note)
        #expect(try messages(number).last! == ("note", "Solo per noi."))
        #expect(try database.scalarInt("SELECT count(*) FROM outbox") == outboxAfterReply, "a note sends nothing")
    }

    @Test("a customer's #nota is ordinary text: customers write no internal notes")
    func customerNoNote() throws {
        let number = try ticket("waiting")
        let to = addresses.address(ticket: number, person: try user("mario.rossi@rossi.example"))
        #expect(try gate.deliver(mail(from: "mario.rossi@rossi.example", to: to, id: "c2@x", body: "#nota\r\nciao"), now: now) == .reply)
        // Stored as plain text (escaped Markdown), so that it reads as written.
        #expect(try messages(number).last! == ("reply", "\\#nota\nciao"))
    }

    @Test("an operator's #nota with words on its line is a note; #notaio is text; e-mailed text is not Markdown")
    func noteMarks() throws {
        let number = try ticket("waiting")
        let to = addresses.address(ticket: number, person: try user("giulia.neri@assistenza.example"))
        let outbox = try database.scalarInt("SELECT count(*) FROM outbox")
        #expect(try gate.deliver(
            mail(from: "giulia.neri@assistenza.example", to: to, id: "n1@x", body: "#nota: cliente in ritardo\r\ncon i pagamenti"),
            now: now) == .note)
        #expect(try messages(number).last! == ("note", "cliente in ritardo\ncon i pagamenti"))
        #expect(try gate.deliver(mail(from: "giulia.neri@assistenza.example", to: to, id: "n2@x", body: "#Nota interna\r\nSolo noi."),
            now: now) == .note)
        #expect(try messages(number).last! == ("note", "Solo noi."))
        #expect(try gate.deliver(mail(from: "giulia.neri@assistenza.example", to: to, id: "n4@x", body: "# Nota: pagamenti in ritardo"),
            now: now) == .note)
        #expect(try messages(number).last! == ("note", "pagamenti in ritardo"))
        // A byte-order mark or a zero-width space first, the bold of a client's first line: a note
        // still (each went to the customer as a reply).
        for (id, body) in [("n5@x", "\u{FEFF}#nota Riservato uno."), ("n6@x", "\u{200B}\r\n*#nota*\r\nRiservato due."),
                           ("n7@x", "**#nota:** Riservato tre."), ("n8@x", "_#nota_ Riservato quattro.")] {
            #expect(try gate.deliver(mail(from: "giulia.neri@assistenza.example", to: to, id: id, body: body), now: now) == .note, "\(body)")
            #expect(try messages(number).last!.kind == "note" && messages(number).last!.body.hasPrefix("Riservato"))
        }
        #expect(try database.scalarInt("SELECT count(*) FROM outbox") == outbox, "notes send nothing")
        let customer = addresses.address(ticket: number, person: try user("mario.rossi@rossi.example"))
        #expect(try gate.deliver(mail(from: "mario.rossi@rossi.example", to: customer, id: "n3@x", body: "2*3*4 = 24"), now: now) == .reply)
        #expect(try messages(number).last!.body == "2\\*3\\*4 = 24")
    }

    @Test("the desk's shared address takes the reply of the operator who sends it, and nobody else's")
    func deskAddress() throws {
        let number = try ticket("unassigned")
        let to = addresses.address(ticket: number, person: ReplyAddress.deskPerson)
        #expect(try gate.deliver(mail(from: "paolo.gallo@assistenza.example", to: to, id: "d1@x", body: "Lo prendo io."), now: now) == .reply)
        #expect(try database.queryOne("SELECT operator_id FROM tickets WHERE number = ?", [number])?.optionalInt("operator_id") == (try user("paolo.gallo@assistenza.example")))
        #expect(
            try gate.deliver(mail(from: "mario.rossi@rossi.example", to: to, id: "d2@x", body: "Io no."), now: now)
                == .refused(.notAllowed(.notAnOperator(hasAccount: true)), answered: true), "Mario may still write from the portal")
    }

    @Test("a reply address is its person's: a colleague or a stranger using it is refused, the ticket's Email writes as the requester")
    func senderDecidesTheAuthor() throws {
        let number = try ticket("waiting")
        let mario = try user("mario.rossi@rossi.example")
        let to = addresses.address(ticket: number, person: mario)
        func author() throws -> Int64? {
            try database.queryOne(
                "SELECT author_id FROM messages WHERE ticket_id = (SELECT id FROM tickets WHERE number = ?) ORDER BY id DESC LIMIT 1",
                [number])?.optionalInt("author_id")
        }
        // Issue 18: the address "cannot be moved to another ticket or person".
        try database.run("UPDATE tickets SET contact_email = 'mario.rossi@rossi.example' WHERE number = ?", [number])
        #expect(
            try gate.deliver(mail(from: "Luca <luca.verdi@rossi.example>", to: to, id: "s1@x", body: "Ci penso io."), now: now)
                == .refused(.wrongSender, answered: true), "a notification forwarded to a colleague")
        #expect(try gate.deliver(mail(from: "Mario <mario.rossi@rossi.example>", to: to, id: "s1b@x", body: "Ci penso io."), now: now) == .reply)
        #expect(try author() == mario)
        // The ticket's Email a colleague's login: their words, under their own name.
        try database.run("UPDATE tickets SET contact_email = 'luca.verdi@rossi.example' WHERE number = ?", [number])
        #expect(try gate.deliver(mail(from: "Luca <luca.verdi@rossi.example>", to: to, id: "s1c@x", body: "Sono il contatto."), now: now) == .reply)
        #expect(try author() == (try user("luca.verdi@rossi.example")))
        try database.run("UPDATE tickets SET contact_email = 'ufficio@rossi.example' WHERE number = ?", [number])
        #expect(try gate.deliver(mail(from: "ufficio@rossi.example", to: to, id: "s2@x", body: "Dall'ufficio."), now: now) == .reply)
        #expect(try author() == mario, "the ticket's own Email writes as its requester")
        // The ticket's Email may be someone's login elsewhere (a consultant's): it still writes as the requester.
        try database.run("UPDATE tickets SET contact_email = 'anna.bianchi@bianchi.example' WHERE number = ?", [number])
        #expect(try gate.deliver(mail(from: "anna.bianchi@bianchi.example", to: to, id: "s2b@x", body: "Dal consulente."), now: now) == .reply)
        #expect(try author() == mario)
        let count = try messages(number).count
        #expect(
            try gate.deliver(mail(from: "stranger@evil.example", to: to, id: "s3@x", body: "Sono Mario."), now: now)
                == .refused(.wrongSender, answered: true))
        #expect(
            try gate.deliver(mail(from: "paolo.gallo@assistenza.example", to: to, id: "s4@x", body: "x"), now: now)
                == .refused(.wrongSender, answered: true), "an operator does not write in a customer's name")
        #expect(try messages(number).count == count)
    }

    @Test("forged and moved tokens are refused with one answer an hour per sender")
    func forged() throws {
        let number = try ticket("waiting")
        let mario = try user("mario.rossi@rossi.example")
        let token = addresses.address(ticket: number, person: mario).split(separator: "@")[0].split(separator: ".").last!
        let moved = "assistenza+t\(number + 1).\(mario).\(token)@fornitore.example"
        let before = try messages(number + 1).count
        #expect(try gate.deliver(mail(from: "mario.rossi@rossi.example", to: moved, id: "f1@x", body: "x"), now: now) == .refused(.forged, answered: true))
        #expect(try gate.deliver(mail(from: "mario.rossi@rossi.example", to: moved, id: "f2@x", body: "x"), now: now) == .refused(.forged, answered: false))
        #expect(try gate.deliver(mail(from: "mario.rossi@rossi.example", to: moved, id: "f3@x", body: "x"), now: now + 3601) == .refused(.forged, answered: true))
        #expect(try messages(number + 1).count == before)
        #expect(try answers(to: "mario.rossi@rossi.example") == 2)
        #expect(
            try gate.deliver(mail(from: "x@y.example", to: "assistenza@fornitore.example", id: "f4@x", body: "x"), now: now)
                == .refused(.notAReply, answered: true))
    }

    @Test("a removed user, a deactivated company and a deactivated operator are refused")
    func notAllowed() throws {
        let number = try ticket("waiting")
        let luca = try user("luca.verdi@rossi.example")
        try database.run("DELETE FROM memberships WHERE user_id = ?", [luca])
        let to = addresses.address(ticket: number, person: luca)
        #expect(try gate.deliver(mail(from: "luca.verdi@rossi.example", to: to, id: "n1@x", body: "x"), now: now) == .refused(.notAllowed(.notAMember), answered: true))

        try database.run("UPDATE tenants SET deactivated_at = ? WHERE name = 'ROSSI SRL'", [now])
        let mario = addresses.address(ticket: number, person: try user("mario.rossi@rossi.example"))
        #expect(try gate.deliver(mail(from: "mario.rossi@rossi.example", to: mario, id: "n2@x", body: "x"), now: now) == .refused(.notAllowed(.companyDeactivated), answered: true))

        let paolo = try user("paolo.gallo@assistenza.example")
        try database.run("UPDATE users SET deactivated_at = ? WHERE id = ?", [now, paolo])
        let desk = addresses.address(ticket: number, person: paolo)
        #expect(try gate.deliver(mail(from: "paolo.gallo@assistenza.example", to: desk, id: "n3@x", body: "x"), now: now) == .refused(.notAllowed(.operatorDeactivated), answered: true))
    }

    @Test("programs' messages are neither added nor answered")
    func automatic() throws {
        let number = try ticket("waiting")
        let to = addresses.address(ticket: number, person: try user("mario.rossi@rossi.example"))
        let before = try messages(number).count
        let outbox = try database.scalarInt("SELECT count(*) FROM outbox")
        for (index, extra) in ["Auto-Submitted: auto-replied\r\n", "Precedence: bulk\r\n", "Return-Path: <>\r\n"].enumerated() {
            #expect(try gate.deliver(mail(from: "mario.rossi@rossi.example", to: to, id: "a\(index)@x", body: "Fuori ufficio", extra: extra), now: now) == .ignored)
        }
        #expect(try gate.deliver(mail(from: "MAILER-DAEMON@mx.example", to: to, id: "a9@x", body: "bounce"), now: now) == .ignored)
        #expect(try messages(number).count == before)
        #expect(try database.scalarInt("SELECT count(*) FROM outbox") == outbox)
    }

    @Test("too large, empty, a file over 4 MB: refused with the reason, the ticket untouched")
    func refusals() throws {
        let number = try ticket("waiting")
        let to = addresses.address(ticket: number, person: try user("mario.rossi@rossi.example"))
        let before = try messages(number).count
        let raw = mail(from: "mario.rossi@rossi.example", to: to, id: "t1@x", body: "testo")
        #expect(try gate.deliver(Array(raw.prefix(100)), truncated: true, now: now) == .refused(.tooLarge(megabytes: 25), answered: true))
        #expect(try gate.deliver(mail(from: "mario.rossi@rossi.example", to: to, id: "t2@x", body: "> solo citazione"), now: now + 4000) == .refused(.empty, answered: true))
        let big = String(repeating: "QUFB", count: 4 * 1024 * 1024 / 3 + 10)
        let attachment = Array(
            """
            From: mario.rossi@rossi.example\r
            To: \(to)\r
            Message-ID: <t3@x>\r
            Content-Type: multipart/mixed; boundary=b\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            Ecco il file.\r
            --b\r
            Content-Type: application/octet-stream\r
            Content-Disposition: attachment; filename=grande.bin\r
            Content-Transfer-Encoding: base64\r
            \r
            \(big)\r
            --b\r
            Content-Type: text/plain\r
            Content-Disposition: attachment; filename=vuoto.txt\r
            \r
            \r
            --b--\r

            """.utf8)
        let outcome = try gate.deliver(attachment, now: now + 8000)
        guard case .refused(.file(let reason), answered: true) = outcome else {
            Issue.record("unexpected \(outcome)")
            return
        }
        // Every file refused is named: told only the first, the writer sent again and was
        // refused again for the next.
        #expect(reason.contains("grande.bin") && reason.contains("vuoto.txt"), "\(reason)")
        #expect(try messages(number).count == before)
        // Megabytes of text are refused before they are taken apart (a second of CPU each).
        let long = String(repeating: "Una riga lunga di testo senza fine. ", count: 40_000)
        #expect(try gate.deliver(mail(from: "mario.rossi@rossi.example", to: to, id: "t4@x", body: long), now: now + 12000)
            == .refused(.tooLong, answered: true))
        #expect(try messages(number).count == before)
    }

    @Test("attachments within the rules are stored with the reply")
    func attachments() throws {
        let number = try ticket("waiting")
        let to = addresses.address(ticket: number, person: try user("mario.rossi@rossi.example"))
        let raw = Array(
            """
            From: mario.rossi@rossi.example\r
            To: \(to)\r
            Message-ID: <att@x>\r
            Content-Type: multipart/mixed; boundary=b\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            Il log.\r
            --b\r
            Content-Type: text/plain; name=log.txt\r
            Content-Disposition: attachment; filename=log.txt\r
            \r
            riga\r
            --b--\r

            """.utf8)
        #expect(try gate.deliver(raw, now: now) == .reply)
        let file = try #require(
            try database.queryOne(
                "SELECT file_name, size FROM attachments WHERE ticket_id = (SELECT id FROM tickets WHERE number = ?) ORDER BY id DESC",
                [number]))
        #expect(file.string("file_name") == "log.txt")
        #expect(file.int("size") == 4)
    }

    /// A reply of two parts, its text and one file, as mail programs send one.
    func twoParts(
        to: String, id: String, boundaryType: String = "multipart/mixed", text: (type: String, body: String), file type: String,
        name: String, disposition: String, contentID: String? = nil, base64: String
    ) -> [UInt8] {
        Array(
            """
            From: mario.rossi@rossi.example\r
            To: \(to)\r
            Message-ID: <\(id)>\r
            Content-Type: \(boundaryType); boundary=b\r
            \r
            --b\r
            Content-Type: \(text.type)\r
            \r
            \(text.body)\r
            --b\r
            Content-Type: \(type); name=\(name)\r
            Content-Disposition: \(disposition); filename=\(name)\r
            \(contentID.map { "Content-ID: <\($0)>\r\n" } ?? "")Content-Transfer-Encoding: base64\r
            \r
            \(base64)\r
            --b--\r

            """.utf8)
    }

    @Test("an inline image against the rules is left out and the reply kept; the same file attached refuses the message")
    func inlineImages() throws {
        let number = try ticket("waiting")
        let to = addresses.address(ticket: number, person: try user("mario.rossi@rossi.example"))
        func raw(_ id: String, disposition: String) -> [UInt8] {
            twoParts(
                to: to, id: id, boundaryType: "multipart/related",
                text: ("text/html; charset=UTF-8", "<p>Grazie, a presto.</p><p>Mario<br><img src=\"cid:logo\"></p>"),
                file: "image/x-wmf", name: "image001.wmz", disposition: disposition, contentID: "logo", base64: "181GmgABAgMEBQYHCAkKCwwNDg8=")
        }
        #expect(try gate.deliver(raw("logo-inline@x", disposition: "inline"), now: now) == .reply)
        #expect(try messages(number).last { $0.kind == "reply" }?.body == "Grazie, a presto.\nMario")
        #expect(
            try database.scalarInt(
                "SELECT count(*) FROM attachments WHERE file_name = 'image001.wmz'") == 0)
        let outcome = try gate.deliver(raw("logo-attached@x", disposition: "attachment"), now: now)
        guard case .refused(.file, answered: true) = outcome else {
            Issue.record("unexpected \(outcome)")
            return
        }
    }

    @Test("a file that is not an image, placed in the text (Apple Mail), is an attachment; Outlook's winmail.dat is no file")
    func inlineFilesAndWinmail() throws {
        let number = try ticket("waiting")
        let to = addresses.address(ticket: number, person: try user("mario.rossi@rossi.example"))
        func raw(_ id: String, type: String, name: String, contentID: Bool) -> [UInt8] {
            twoParts(
                to: to, id: id, text: ("text/plain; charset=UTF-8", "Ecco il file."), file: type, name: name, disposition: "inline",
                contentID: contentID ? "file1" : nil, base64: "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAA")
        }
        let outcome = try gate.deliver(raw("exe-inline@x", type: "application/x-msdownload", name: "setup.exe", contentID: true), now: now)
        guard case .refused(.file, answered: true) = outcome else {
            Issue.record("an .exe placed in the text was \(outcome)")
            return
        }
        #expect(try gate.deliver(raw("tnef@x", type: "application/ms-tnef", name: "winmail.dat", contentID: false), now: now) == .reply)
        #expect(try messages(number).last?.body == "Ecco il file.")
        #expect(try database.scalarInt("SELECT count(*) FROM attachments WHERE file_name = 'winmail.dat'") == 0)
    }

    @Test("an answer's first line keeps its indentation, as the others do")
    func indentedFirstLine() throws {
        let number = try ticket("waiting")
        let to = addresses.address(ticket: number, person: try user("mario.rossi@rossi.example"))
        #expect(try gate.deliver(mail(from: "mario.rossi@rossi.example", to: to, id: "ind@x", body: "\n    server = srv01\n    porta = 1433\n"), now: now) == .reply)
        let body = try messages(number).last?.body ?? ""
        #expect(body.hasPrefix("\u{00A0}\u{00A0}\u{00A0}\u{00A0}server = srv01\n\u{00A0}\u{00A0}\u{00A0}\u{00A0}porta"), "\(Array(body.unicodeScalars.prefix(8)))")
    }

    @Test("a reply of files and no words is a message with its files; a logo alone is still empty")
    func filesWithoutText() throws {
        let number = try ticket("waiting")
        let to = addresses.address(ticket: number, person: try user("mario.rossi@rossi.example"))
        func raw(_ id: String, disposition: String, type: String, name: String) -> [UInt8] {
            twoParts(
                to: to, id: id, text: ("text/plain", "> Ci mandi il log della stampa?"), file: type, name: name, disposition: disposition,
                contentID: "part@x",
                base64: type == "image/png"
                    ? "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" : "JVBERi0xLjQKJSBsb2cK")
        }
        #expect(try gate.deliver(raw("log@x", disposition: "attachment", type: "application/pdf", name: "log_stampa.pdf"), now: now) == .reply)
        let last = try messages(number).last
        #expect(last?.body.contains("Allegati inviati per e-mail, senza testo.") == true)
        #expect(try database.scalarInt("SELECT count(*) FROM attachments WHERE file_name = 'log_stampa.pdf'") == 1)
        #expect(try gate.deliver(raw("logo@x", disposition: "inline", type: "image/png", name: "logo.png"), now: now + 4000)
            == .refused(.empty, answered: true))
    }

    @Test("an operator's refusal leads to the desk through the login (the customers' list is a 404 there)")
    func operatorRefusalLink() throws {
        let number = try ticket("waiting")
        let to = addresses.address(ticket: number, person: try user("giulia.neri@assistenza.example"))
        let outcome = try gate.deliver(mail(from: "giulia.neri@assistenza.example", to: to, id: "e1@x", body: "> solo citazione"), now: now)
        #expect(outcome == .refused(.empty, answered: true))
        let body = try database.queryOne("SELECT body FROM outbox ORDER BY id DESC LIMIT 1")!.string("body")
        #expect(body.contains("/login?next=%2Fdesk%2F") && !body.contains("/ticket"))
    }
}
