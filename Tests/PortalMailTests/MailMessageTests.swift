import Foundation
import PortalMail
import Testing

@Suite("MailMessage.encoded()")
struct MailMessageTests {
    private func message(subject: String = "La richiesta #1453 è stata chiusa", body: String = "Buongiorno,\nla richiesta è chiusa.\n") -> MailMessage {
        MailMessage(
            from: "Customer Portal <noreply@portal.invalid>", to: ["mario.rossi@example.it", "anna.bianchi@example.it"],
            subject: subject, body: body, date: 1_700_000_000, domain: "portal.invalid")
    }

    private func lines(_ text: String) -> [Substring] {
        text.split(separator: "\r\n", omittingEmptySubsequences: false)
    }

    private func decodeBase64(_ text: some StringProtocol) throws -> String {
        let data = try #require(Data(base64Encoded: String(text)))
        return try #require(String(data: data, encoding: .utf8))
    }

    @Test("uses CRLF for every line ending")
    func crlf() throws {
        let bytes = Array(try message().encoded().utf8)
        let lineFeeds = bytes.indices.filter { bytes[$0] == 10 }
        #expect(lineFeeds.count > 8)
        #expect(lineFeeds.allSatisfy { $0 > 0 && bytes[$0 - 1] == 13 })
        #expect(bytes.suffix(2) == [13, 10])
    }

    @Test("encodes a non-ASCII subject as an RFC 2047 word that decodes back")
    func encodedSubject() throws {
        let subject = try #require(lines(try message().encoded()).first { $0.hasPrefix("Subject: ") })
        let word = subject.dropFirst("Subject: ".count)
        #expect(word.hasPrefix("=?UTF-8?B?"))
        #expect(word.hasSuffix("?="))
        #expect(try decodeBase64(word.dropFirst("=?UTF-8?B?".count).dropLast(2)) == "La richiesta #1453 è stata chiusa")
    }

    /// The subject's words, unfolded: its first line's, then each continuation line's.
    private func subjectWords(_ text: String) throws -> [Substring] {
        let all = lines(text)
        let start = try #require(all.firstIndex { $0.hasPrefix("Subject: ") })
        var words = [all[start].dropFirst("Subject: ".count)]
        var next = start + 1
        while all[next].hasPrefix(" ") {
            words.append(all[next].dropFirst())
            next += 1
        }
        return words
    }

    /// The words decoded one by one and joined, as a mail program reads them.
    private func decodedWords(_ words: [Substring]) throws -> String {
        try words.map { try decodeBase64($0.dropFirst("=?UTF-8?B?".count).dropLast(2)) }.joined()
    }

    @Test("a long subject becomes folded words of at most 75 characters that decode back whole")
    func longSubject() throws {
        let subject = "Ticket #1453 ricevuto: la stampa del documento di trasporto non è più possibile, però la fattura sì — perché? 😀"
        let words = try subjectWords(try message(subject: subject).encoded())
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        #expect(try decodedWords(words) == subject, "no character's bytes are split between two words")
    }

    @Test("leaves an ASCII subject readable")
    func asciiSubject() throws {
        #expect(lines(try message(subject: "Codice di accesso").encoded()).contains("Subject: Codice di accesso"))
    }

    @Test("an ASCII subject holding an encoded word is encoded itself: a mail program shows the title as typed")
    func typedEncodedWord() throws {
        let typed = "Ticket #1046 nuova richiesta: Fattura =?UTF-8?Q?=E2=80=AEfdp.exe?="
        let words = try subjectWords(try message(subject: typed).encoded())
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && !$0.contains("?Q?") })
        #expect(try decodedWords(words) == typed)
    }

    @Test("encodes the body in base64, with CRLF line endings")
    func body() throws {
        let all = lines(try message().encoded())
        let blank = try #require(all.firstIndex(of: ""))
        #expect(all[..<blank].contains("Content-Transfer-Encoding: base64"))
        let encodedBody = all[(blank + 1)...].joined()
        #expect(try decodeBase64(encodedBody) == "Buongiorno,\r\nla richiesta è chiusa.\r\n")
    }

    @Test("wraps a long body at 76 characters")
    func longBody() throws {
        let all = lines(try message(body: String(repeating: "assistenza ", count: 100)).encoded())
        let blank = try #require(all.firstIndex(of: ""))
        #expect(all[(blank + 1)...].allSatisfy { $0.count <= 76 })
        #expect(all[(blank + 1)...].filter { !$0.isEmpty }.count > 1)
    }

    @Test("refuses a subject with a line break", arguments: [
        "Ciao\r\nBcc: tutti@example.it", "Ciao\nBcc: tutti@example.it", "Ciao\rBcc: tutti@example.it",
    ])
    func refusesInjection(_ subject: String) {
        #expect(throws: MailError.self) { try message(subject: subject).encoded() }
    }

    @Test("lists every recipient in To:")
    func recipients() throws {
        #expect(lines(try message().encoded()).contains("To: mario.rossi@example.it, anna.bianchi@example.it"))
    }
}
