import PortalMail
import Testing

@Suite("Received messages: headers, addresses and programs' messages")
struct InboundHeadersTests {
    static func message(_ headers: String, body: String = "testo") -> InboundMessage {
        InboundMessage(Array((headers + "\r\n\r\n" + body).utf8))
    }

    @Test(
        "decodes RFC 2047 words in every charset mail programs use",
        arguments: [
            ("=?UTF-8?B?w6ggY2hpdXNv?=", "è chiuso"),
            ("=?ISO-8859-1?Q?Perch=E9_no?=", "Perché no"),
            ("=?windows-1252?Q?=93ciao=94?=", "“ciao”"),
            ("=?utf-8?q?a?= =?utf-8?q?b?=", "ab"),
            ("Re: =?UTF-8?Q?caff=C3=A8?= e latte", "Re: caffè e latte"),
            ("plain subject", "plain subject"),
            ("=?iso-8859-15?q?=A4uro?=", "€uro"),
            // A letter's bytes split across two words (against the RFC, but sent): one run.
            ("=?UTF-8?Q?Perch=C3?= =?UTF-8?Q?=A9.pdf?=", "Perché.pdf"),
            ("=?UTF-8?B?UGVyY2jD?= =?utf-8?B?qS5wZGY=?=", "Perché.pdf"),
            ("=?UTF-8?Q?a?= =?ISO-8859-1?Q?=E9?= fine", "aé fine"),
        ])
    func encodedWords(_ raw: String, _ decoded: String) {
        #expect(InboundHeadersTests.message("Subject: \(raw)").subject == decoded)
    }

    @Test(
        "a body labelled UTF-8 but written in a Latin code page is read in it; a stray byte in real UTF-8 is not",
        arguments: [
            ([0x70, 0x65, 0x72, 0x63, 0x68, 0xE9, 0x20, 0x93, 0x6E, 0x6F, 0x94], "perché “no”"),
            ([0x63, 0x61, 0x66, 0x66, 0xC3, 0xA8, 0x20, 0xE9], "caffè \u{FFFD}"),
            ([0x63, 0x61, 0x66, 0x66, 0xC3, 0xA8], "caffè"),
        ] as [([UInt8], String)])
    func mislabelledUTF8(_ body: [UInt8], _ text: String) {
        let part = MIMEPart(ArraySlice(Array("Content-Type: text/plain; charset=utf-8\r\n\r\n".utf8) + body))
        #expect(part.text == text)
    }

    @Test(
        "takes the bare addresses from address headers",
        arguments: [
            ("\"Rossi, Mario\" <Mario.Rossi@Rossi.example>", ["mario.rossi@rossi.example"]),
            ("a@x.it, B <b@y.it> (Bianchi)", ["a@x.it", "b@y.it"]),
            ("undisclosed-recipients:;", []),
            ("team: a@x.it, b@y.it;", ["a@x.it", "b@y.it"]),
        ])
    func addresses(_ header: String, _ expected: [String]) {
        #expect(MailAddresses.parse(header) == expected)
    }

    @Test(
        "recognises messages sent by programs (never answered)",
        arguments: [
            "From: a@x.it\r\nAuto-Submitted: auto-replied",
            "From: a@x.it\r\nPrecedence: bulk",
            "From: a@x.it\r\nPrecedence: junk",
            "From: a@x.it\r\nPrecedence: list",
            "From: a@x.it\r\nList-Id: <news.x.it>",
            "From: MAILER-DAEMON@mx.x.it",
            "From: postmaster@x.it",
            "From: a@x.it\r\nReturn-Path: <>",
            "From: a@x.it\r\nX-Autoreply: yes",
            "From: a@x.it\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=x",
        ])
    func automatic(_ headers: String) {
        #expect(InboundHeadersTests.message(headers).isAutomatic)
    }

    @Test("a person's message is not automatic, Auto-Submitted: no included")
    func person() {
        #expect(!InboundHeadersTests.message("From: a@x.it\r\nAuto-Submitted: no\r\nReturn-Path: <a@x.it>").isAutomatic)
    }

    @Test("unfolds long headers and reads the envelope recipients first")
    func recipients() {
        let message = InboundHeadersTests.message(
            "Delivered-To: assistenza+t1.2.x@f.example\r\nTo: A <a@x.it>,\r\n B <b@y.it>\r\nCc: c@z.it\r\nFrom: a@x.it")
        #expect(message.recipients == ["assistenza+t1.2.x@f.example", "a@x.it", "b@y.it", "c@z.it"])
    }

    @Test("survives a truncated multipart and nesting beyond the limit")
    func hostile() {
        var raw = "From: a@x.it\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n"
        for depth in 1...40 { raw += "--b\(depth - 1)\r\nContent-Type: multipart/mixed; boundary=b\(depth)\r\n\r\n" }
        raw += "--b40\r\nContent-Type: text/plain\r\n\r\nfondo"
        let message = InboundMessage(Array(raw.utf8))
        #expect(message.content.text.isEmpty)
        let truncated = InboundHeadersTests.message(
            "From: a@x.it\r\nContent-Type: multipart/mixed; boundary=z", body: "--z\r\nContent-Type: text/plain\r\n\r\nciao")
        #expect(truncated.content.text == "ciao")
    }

    @Test("a sentence that ends like an attribution but has no date stays")
    func notAnAttribution() {
        #expect(ReplyText.extract("Il tecnico ha scritto:\nriavviare il server.") == "Il tecnico ha scritto:\nriavviare il server.")
        #expect(ReplyText.extract("Ok.\n\nOn 30/11/2026, Support wrote:\n> old") == "Ok.")
    }

    @Test("an HTML paragraph after a list is not the list's last item")
    func paragraphAfterList() {
        let text = HTMLText.plainText("<p>Ecco:</p><ul><li>primo punto</li><li>secondo punto</li></ul><p>Saluti<br>Marco</p>")
        #expect(text == "Ecco:\n- primo punto\n- secondo punto\n\nSaluti\nMarco")
    }

    @Test("Outlook's empty paragraph of a non-breaking space keeps the line between two paragraphs")
    func outlookEmptyParagraph() {
        let html = "<p class=MsoNormal>Primo paragrafo.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
            + "<p class=MsoNormal>Secondo paragrafo.<o:p></o:p></p>"
        #expect(HTMLText.plainText(html) == "Primo paragrafo.\n\nSecondo paragrafo.")
        #expect(HTMLText.plainText("<p>Uno</p>  <p>Due</p>") == "Uno\nDue")
    }
    @Test("a file sent without a name is named with its type's extension", arguments: [
        ("application/pdf", "allegato.pdf"), ("text/plain", "testo.txt"), ("application/zip", "archivio.zip"),
        ("application/octet-stream", "allegato"), ("image/png", "immagine.png"),
    ])
    func unnamedFile(_ type: String, _ name: String) {
        let raw = "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nEcco.\r\n"
            + "--b\r\nContent-Type: \(type)\r\nContent-Disposition: attachment\r\n\r\nxyz\r\n--b--\r\n"
        #expect(InboundMessage(Array(raw.utf8)).content.files.map(\.fileName) == [name])
    }
}
