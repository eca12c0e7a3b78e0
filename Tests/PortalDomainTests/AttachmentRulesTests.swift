import PortalDomain
import Testing

@Suite("Attachments: type by content, empty files, names as given")
struct AttachmentRulesTests {
    static let program: [UInt8] = Array("MZ".utf8) + [0x90, 0x00, 0x03, 0x00, 0x00, 0x00] + Array(repeating: 0, count: 56)

    @Test("a file's type is told by its first bytes", arguments: [
        (Array("%PDF-1.7\n".utf8), "PDF", true),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "immagine PNG", true),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "immagine JPEG", true),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0], "ZIP", true),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "documento Office", true),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4], "7-Zip", true),
        (Array("Totale;12,50\r\nIVA;22%\n".utf8), "testo", true),
        (Array("Caffè è più buono\n".utf8), "testo", true),
        ([0x43, 0x61, 0x66, 0x66, 0xE8, 0x0A], "testo", true),  // Windows-1252 "Caffè"
        (Array("MZ Rossi: verbale della riunione\n".utf8), "testo", true),
        (program, "programma Windows (EXE/DLL)", false),
        ([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], "programma Linux (ELF)", false),
        ([0x00, 0x01, 0x02, 0x03, 0xFF], "dati binari di tipo sconosciuto", false),
        // UTF-16 behind its mark, as PowerShell's ">" writes a log; a lone surrogate or a NUL unit is not text.
        ([0xFF, 0xFE] + Array("Errore: impossibile emettere il DDT\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "testo", true),
        ([0xFE, 0xFF] + Array("Caffè 🙂\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "testo", true),
        ([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00], "dati binari di tipo sconosciuto", false),
        ([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x41, 0x00], "dati binari di tipo sconosciuto", false),
    ] as [([UInt8], String, Bool)])
    func types(_ bytes: [UInt8], _ name: String, _ allowed: Bool) {
        let type = FileType.of(bytes)
        #expect(type.name == name)
        #expect(type.isAllowed == allowed)
    }

    @Test("a program renamed fattura.pdf is refused, naming the type found")
    func renamedProgram() {
        #expect(AttachmentRules.check(name: "fattura.pdf", bytes: AttachmentRulesTests.program)
            == .refused(
                "Il file «fattura.pdf» è di un tipo non ammesso (programma Windows (EXE/DLL)): puoi allegare documenti (PDF, Office, OpenDocument, RTF), immagini, archivi (ZIP, 7-Zip, RAR) e file di testo."))
    }

    @Test("a text saved under a name that runs or opens as a web page when double-clicked is refused", arguments: [
        "fattura.js", "avvio.BAT", "installa.exe", "script.Ps1", "a.hta", "e.bat.", "e.vbs. .", "archivio.mht",
        "e.lnk ", "x.wsc", "y.settingcontent-ms", "z.iqy", "w.jnlp",
    ])
    func runnableNames(_ name: String) {
        guard case .refused(let reason) = AttachmentRules.check(name: name, bytes: Array("alert(1)\n".utf8)) else {
            Issue.record("\(name) accepted")
            return
        }
        #expect(reason.contains("«\(AttachmentRules.fileName(name))»") && reason.contains("si avvia come programma con un doppio clic"))
    }

    @Test("ordinary names of text, documents and archives pass", arguments: [
        "note.txt", "estratto.csv", "log.2026-11-30", "README", "archivio.tar.gz", "js", ".profile", "dati.json", "fattura.xml",
        // Downloaded only, never shown: a saved page or drawing runs nothing on the computer.
        "pagina.html", "logo.svg", "report.HTM",
    ])
    func ordinaryNames(_ name: String) {
        #expect(AttachmentRules.check(name: name, bytes: Array("testo\n".utf8)) == .accepted(name: name, type: FileType.of(Array("testo\n".utf8))))
    }

    @Test("an empty file is refused")
    func empty() {
        #expect(AttachmentRules.check(name: "vuoto.txt", bytes: []) == .refused("Il file «vuoto.txt» è vuoto: non è stato allegato."))
    }

    @Test("names keep what the person typed, without control or bidirectional characters", arguments: [
        ("rapporto \"finale\" è.txt", "rapporto \"finale\" è.txt"),
        ("C:\\Users\\mario\\a<b>:c*?.txt", "a<b>_c*?.txt"), ("e.bat::$DATA", "e.bat__$DATA"),
        ("\u{202E}gpj.exe", "gpj.exe"),
        ("fattura\u{200F}\u{2066}.pdf\u{2069}", "fattura.pdf"),
        ("riga\nnuova\t.txt", "riganuova.txt"),
        ("  ..  ", "allegato"),
        ("avvio.bat. . ", "avvio.bat"),
        ("", "allegato"),
        // As old IE and some tools send it (Multipart.parameter keeps its backslashes).
        (#"C:\Users\Mario\fattura.txt"#, "fattura.txt"),
    ])
    func names(_ raw: String, _ shown: String) {
        #expect(AttachmentRules.fileName(raw) == shown)
    }

    @Test("a name past 150 characters is cut before its extension, which it keeps")
    func longNames() {
        let long = "Verbale della riunione " + String(repeating: "annuale del gestionale ", count: 8) + "versione finale firmata.pdf"
        let shown = AttachmentRules.fileName(long)
        #expect(shown.count <= 150 && shown.count > 140 && shown.hasSuffix(".pdf") && shown.hasPrefix("Verbale della riunione"))
        // A dangerous extension is still seen on the shortened name.
        #expect(AttachmentRules.fileName(String(repeating: "a", count: 200) + ".exe").hasSuffix(".exe"))
        // No extension, or a "dot" deep in the text: cut at 150.
        #expect(AttachmentRules.fileName(String(repeating: "b", count: 80) + "." + String(repeating: "c", count: 100)).count == 150)
    }
}
