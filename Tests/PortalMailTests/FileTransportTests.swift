import Foundation
import PortalMail
import Testing

@Suite("FileTransport")
struct FileTransportTests {
    @Test("writes one .eml file, named by its outbox sequence, holding the encoded message, and no temporary file")
    func writesOneFile() throws {
        var template = Array("/tmp/portal-mail-tests.XXXXXX".utf8CString)
        let root = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = root + "/mail"
        var message = MailMessage(
            from: "Customer Portal <noreply@portal.invalid>", to: ["mario.rossi@example.it"], subject: "Codice di accesso",
            body: "Il tuo codice è 4KX7P", date: 1_700_000_000, domain: "portal.invalid")
        message.sequence = 42

        try FileTransport(directory: directory, echo: false).send(message)

        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(names.count == 1)
        let name = try #require(names.first)
        #expect(name.hasSuffix(".eml"))
        #expect(name.hasPrefix("0000000042-"), "names sort in the order the outbox queued them")
        let written = try #require(FileManager.default.contents(atPath: directory + "/" + name))
        #expect(String(decoding: written, as: UTF8.self) == (try message.encoded()))
    }
}
