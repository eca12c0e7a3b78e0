import PortalMail
import Testing

/// Replies as real mail programs write them (headers and MIME structure taken from each
/// program's output, addresses and text changed): what remains after the quoted history,
/// the attribution line and the signature are cut.
@Suite("Received replies: the new text of each mail program's shape")
struct ReplyShapesTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        let name: String
        let raw: String
        let text: String
        var files: [String] = []
        var testDescription: String { name }
    }

    static let to = "assistenza+t1453.17.abcdefghijklmnopqrstuvwx@fornitore.example"

    static let shapes: [Shape] = [
        Shape(
            name: "Gmail in Italian (plain alternative, attribution wrapped over two lines)",
            raw: """
                From: Mario Rossi <mario.rossi@rossi.example>
                To: Assistenza <\(to)>
                Subject: Re: Ticket #1453 nuova risposta: Stampa DDT bloccata
                Message-ID: <CAF=abc123@mail.gmail.com>
                In-Reply-To: <ticket-1453@fornitore.example>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="000000000000a1b2c3"

                --000000000000a1b2c3
                Content-Type: text/plain; charset="UTF-8"
                Content-Transfer-Encoding: quoted-printable

                Grazie, adesso la stampa funziona. Posso chiudere il ticket?

                Il giorno lun 30 nov 2026 alle ore 10:15 Assistenza <
                assistenza+t1453.17.abcdefghijklmnopqrstuvwx@fornitore.example> ha scritto:

                > Ticket #1453: Stampa DDT bloccata
                >
                > L'assistenza ha risposto alla tua richiesta.
                >

                --000000000000a1b2c3
                Content-Type: text/html; charset="UTF-8"
                Content-Transfer-Encoding: quoted-printable

                <div dir=3D"ltr">Grazie, adesso la stampa funziona. Posso chiudere il ticke=
                t?</div><br><div class=3D"gmail_quote"><div dir=3D"ltr" class=3D"gmail_attr=
                ">Il giorno lun 30 nov 2026 alle ore 10:15 Assistenza &lt;<a href=3D"mailto:x@y">x@y</a>&gt; ha scritto:<br></div><blockquote class=3D"gmail_quote">Ticket #1453</blockquote></div>

                --000000000000a1b2c3--

                """,
            text: "Grazie, adesso la stampa funziona. Posso chiudere il ticket?"),
        Shape(
            name: "Outlook for Windows in Italian (Windows-1252, quoted-printable, header block, signature)",
            raw: """
                From: "Verdi, Luca" <luca.verdi@rossi.example>
                To: "Assistenza" <\(to)>
                Subject: =?windows-1252?Q?R:_Ticket_#1453_nuova_risposta:_Perch=E9_non_stampa?=
                Message-ID: <AM0PR01MB1234@EURPRD01.PROD.OUTLOOK.COM>
                Content-Type: text/plain; charset="windows-1252"
                Content-Transfer-Encoding: quoted-printable

                Buongiorno,
                il problema si =E8 ripresentato stamattina: l=92errore =E8 =93DDT bloccato=
                =94.

                Cordiali saluti
                Luca Verdi

                ________________________________
                Da: Assistenza <noreply@fornitore.example>
                Inviato: luned=EC 30 novembre 2026 10:15
                A: Luca Verdi <luca.verdi@rossi.example>
                Oggetto: Ticket #1453 nuova risposta: Stampa DDT bloccata

                Ticket #1453: Stampa DDT bloccata

                """,
            text: "Buongiorno,\nil problema si è ripresentato stamattina: l’errore è “DDT bloccato”.\n\nCordiali saluti\nLuca Verdi"),
        Shape(
            name: "Outlook on the web, HTML only (the header block after a rule)",
            raw: """
                From: Mario Rossi <mario.rossi@rossi.example>
                To: \(to)
                Subject: RE: Ticket #1453
                Message-ID: <DB9PR02MB5678@EURPRD02.PROD.OUTLOOK.COM>
                Content-Type: text/html; charset="iso-8859-1"
                Content-Transfer-Encoding: quoted-printable

                <html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Diso-8859-1"><style type=3D"text/css">p {margin:0}</style></head>
                <body><div style=3D"font-family: Calibri">Ho riavviato il server &amp; ora va.</div>
                <div>Grazie <b>mille</b>!</div>
                <div id=3D"appendonsend"></div><hr style=3D"display:inline-block;width:98%" tabindex=3D"-1">
                <div id=3D"divRplyFwdMsg" dir=3D"ltr"><font face=3D"Calibri" style=3D"font-size:11pt" color=3D"#000000"><b>Da:</b> Assistenza &lt;noreply@fornitore.example&gt;<br>
                <b>Inviato:</b> luned=EC 30 novembre 2026 10:15<br><b>A:</b> Mario Rossi<br><b>Oggetto:</b> Ticket #1453</font><div>&nbsp;</div></div>
                <div>Ticket #1453: Stampa DDT bloccata</div></body></html>

                """,
            text: "Ho riavviato il server & ora va.\nGrazie mille!"),
        Shape(
            name: "Thunderbird in English (format=flowed, attribution, -- signature)",
            raw: """
                From: John Smith <john.smith@rossi.example>
                To: \(to)
                Subject: Re: Ticket #1453 nuova risposta
                Message-ID: <4e1f2a3b-0000-4c1d-9e2f-aaaaaaaaaaaa@rossi.example>
                User-Agent: Mozilla Thunderbird
                Content-Type: text/plain; charset=UTF-8; format=flowed
                Content-Transfer-Encoding: 7bit

                Hello,

                the export still fails with error 42.

                On 30/11/2026 10:15, Support wrote:
                > Ticket #1453: Stampa DDT bloccata
                >
                > L'assistenza ha risposto alla tua richiesta.

                --
                John Smith
                Rossi S.r.l.

                """,
            text: "Hello,\n\nthe export still fails with error 42."),
        Shape(
            name: "Apple Mail on iPhone in Italian (quoted attribution, Inviato da iPhone)",
            raw: """
                From: Mario Rossi <mario.rossi@rossi.example>
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable
                Mime-Version: 1.0 (1.0)
                Subject: Re: Ticket #1453
                Message-Id: <5C0B7D3E-1234-4A6B-9C1D-ABCDEF012345@rossi.example>
                To: \(to)

                Va bene, domani mattina sono in ufficio dalle 9.

                Inviato da iPhone

                > Il giorno 30 nov 2026, alle ore 10:15, Assistenza <noreply@fornitore.example> h=
                a scritto:
                >=20
                > =EF=BB=BFTicket #1453: Stampa DDT bloccata

                """,
            text: "Va bene, domani mattina sono in ufficio dalle 9."),
        Shape(
            name: "Apple Mail on a Mac, HTML with the attribution inside the blockquote",
            raw: """
                From: Mario Rossi <mario.rossi@rossi.example>
                Content-Type: multipart/alternative; boundary="Apple-Mail=_11111111-2222"
                Mime-Version: 1.0 (Mac OS X Mail 16.0)
                Subject: Re: Ticket #1453
                Message-Id: <ABCDEF01-2222@rossi.example>
                To: \(to)

                --Apple-Mail=_11111111-2222
                Content-Transfer-Encoding: 7bit
                Content-Type: text/plain; charset=us-ascii


                --Apple-Mail=_11111111-2222
                Content-Transfer-Encoding: quoted-printable
                Content-Type: text/html; charset=utf-8

                <html><body style=3D"word-wrap: break-word;">Ecco il file di log richiesto.<div><br></div><div>Mario</div><div><br><blockquote type=3D"cite"><div>Il giorno 30 nov 2026, alle ore 10:15, Assistenza &lt;noreply@fornitore.example&gt; ha scritto:</div><br><div><div>Ticket #1453</div></div></blockquote></div></body></html>
                --Apple-Mail=_11111111-2222--

                """,
            text: "Ecco il file di log richiesto.\n\nMario"),
        Shape(
            name: "An Italian client (Libero/Virgilio webmail) with «Messaggio originale»",
            raw: """
                From: anna.bianchi@bianchi.example
                To: \(to)
                Subject: R: Ticket #1453
                Message-ID: <1234567.89.1700000000000@mail.libero.it>
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                S=EC, confermo: il problema =E8 risolto.
                ----Messaggio originale----
                Da: noreply@fornitore.example
                Data: 30/11/2026 10.15
                A: <anna.bianchi@bianchi.example>
                Ogg: Ticket #1453

                """,
            text: "Sì, confermo: il problema è risolto."),
        Shape(
            name: "An English client (Gmail in English, reply above the quote)",
            raw: """
                From: John Smith <john.smith@rossi.example>
                To: \(to)
                Subject: Re: Ticket #1453
                Message-ID: <CAGb=en1@mail.gmail.com>
                Content-Type: text/plain; charset="UTF-8"

                Thanks, it works now.

                On Mon, Nov 30, 2026 at 10:15 AM Support <noreply@fornitore.example> wrote:

                > Ticket #1453: Stampa DDT bloccata
                >

                """,
            text: "Thanks, it works now."),
        Shape(
            name: "HTML only with a script, a style, entities and a link",
            raw: """
                From: Mario Rossi <mario.rossi@rossi.example>
                To: \(to)
                Subject: Re: Ticket #1453
                Message-ID: <html-only-1@rossi.example>
                Content-Type: text/html; charset=UTF-8

                <html><head><title>x</title><script>alert("x")</script></head><body><p>Il codice &egrave; &lt;script&gt; &#8364; 10 &amp; basta.</p><ul><li>primo</li><li>secondo</li></ul><p>Vedi <a href="https://erp.example/doc">la guida</a> e <a href="javascript:alert(1)">questo</a>.</p><img src="cid:logo" alt=""></body></html>

                """,
            text: "Il codice è <script> € 10 & basta.\n- primo\n- secondo\n\nVedi la guida (https://erp.example/doc) e questo."),
        Shape(
            name: "With an inline image (multipart/related, Content-ID)",
            raw: """
                From: Mario Rossi <mario.rossi@rossi.example>
                To: \(to)
                Subject: Re: Ticket #1453
                Message-ID: <inline-1@rossi.example>
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=UTF-8

                Ecco la schermata dell'errore:
                [image: errore.png]

                --alt
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=UTF-8

                <div>Ecco la schermata dell'errore:<br><img src="cid:ii_abc" alt="errore.png"></div>
                --rel
                Content-Type: image/png; name="errore.png"
                Content-Disposition: inline; filename="errore.png"
                Content-Transfer-Encoding: base64
                Content-ID: <ii_abc>

                iVBORw0KGgo=
                --rel--

                --alt--

                """,
            // Gmail's mark of the image is no text of the message: the image is its file.
            text: "Ecco la schermata dell'errore:", files: ["errore.png"]),
        Shape(
            name: "Thunderbird with format=flowed and DelSp (soft breaks are one paragraph)",
            raw: """
                From: Luca Verdi <luca.verdi@rossi.example>
                To: <\(to)>
                Subject: Re: Ticket #1453
                Message-ID: <flowed-1@rossi.example>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8; format=flowed; delsp=yes

                Ho provato di nuovo la stampa del documento di trasporto e il\u{20}\u{20}
                programma si blocca sempre allo stesso punto.
                 From che cosa dipende?

                Il 30/11/2026 10:15, Assistenza ha scritto:
                > Riprova la stampa.

                """,
            text: "Ho provato di nuovo la stampa del documento di trasporto e il programma si blocca sempre allo stesso punto.\nFrom che cosa dipende?"),
        Shape(
            name: "HTML with a numbered list (the steps keep their numbers)",
            raw: """
                From: Mario Rossi <mario.rossi@rossi.example>
                To: <\(to)>
                Subject: Re: Ticket #1453
                Message-ID: <ol-1@rossi.example>
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <p>Ho fatto così:</p><ol><li>apro Fatture</li><li>premo Stampa</li></ol><ul><li>nessun errore</li></ul>

                """,
            text: "Ho fatto così:\n1. apro Fatture\n2. premo Stampa\n\n- nessun errore"),
        Shape(
            name: "With attachments (RFC 2231 and RFC 2047 names, base64)",
            raw: """
                From: Mario Rossi <mario.rossi@rossi.example>
                To: \(to)
                Subject: =?UTF-8?B?UmU6IFRpY2tldCAjMTQ1MyDDqCBjaGl1c28=?=
                Message-ID: <attach-1@rossi.example>
                Content-Type: multipart/mixed; boundary="mixed"

                --mixed
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: base64

                SW4gYWxsZWdhdG8gbGEgZmF0dHVyYSBlIGlsIGxvZy4=
                --mixed
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=UTF-8''fattura%20n%C2%B012.pdf
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --mixed
                Content-Type: text/plain; name="=?ISO-8859-1?Q?log_perch=E9.txt?="
                Content-Disposition: attachment; filename="=?ISO-8859-1?Q?log_perch=E9.txt?="

                riga 1
                --mixed--

                """,
            text: "In allegato la fattura e il log.", files: ["fattura n°12.pdf", "log perché.txt"]),
    ]

    static func message(_ raw: String) -> InboundMessage {
        InboundMessage(Array(raw.replacingOccurrencesOfNewlines().utf8))
    }

    @Test("Gmail's attribution in an HTML-only reply goes with the history, a date in it or not", arguments: [
        "Il giorno sab ha scritto:", "Il giorno lun 30 nov 2026 alle ore 10:15 Assistenza ha scritto:",
    ])
    func htmlAttribution(_ attribution: String) {
        let html = "<div dir=\"ltr\">Ecco il log richiesto.</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" "
            + "class=\"gmail_attr\">\(attribution)<br></div><blockquote class=\"gmail_quote\">Ticket #1453</blockquote></div>"
        #expect(ReplyText.extract(HTMLText.plainText(html)) == "Ecco il log richiesto.")
        // Text in another div of the reply stays.
        #expect(ReplyText.extract(HTMLText.plainText("<div>Il tecnico ha scritto:</div><div>riga</div>")) == "Il tecnico ha scritto:\nriga")
    }

    @Test("keeps only the new text", arguments: shapes)
    func newText(_ shape: Shape) {
        let message = ReplyShapesTests.message(shape.raw)
        #expect(ReplyText.extract(message.content.text) == shape.text)
        #expect(message.content.files.map(\.fileName) == shape.files)
        #expect(message.recipients.contains(ReplyShapesTests.to))
        #expect(!message.isAutomatic)
    }

    @Test("reads the attachments' bytes and the subject's encoded words")
    func attachmentBytes() throws {
        let message = ReplyShapesTests.message(try #require(ReplyShapesTests.shapes.last).raw)
        #expect(message.subject == "Re: Ticket #1453 è chiuso")
        #expect(message.content.files.first?.bytes == Array("%PDF-1.4\n".utf8))
        #expect(message.content.files.last?.bytes == Array("riga 1".utf8))
        #expect(message.messageID == "attach-1@rossi.example")
    }

    @Test("marks an inline image as inline and an attachment as attached")
    func inlineFlag() throws {
        let inline = ReplyShapesTests.message(ReplyShapesTests.shapes[9].raw).content.files
        #expect(inline.map(\.isInline) == [true])
        #expect(inline.first?.contentType == "image/png")
    }
}

extension String {
    /// The fixtures are written with LF; mail travels with CRLF.
    func replacingOccurrencesOfNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }
}
