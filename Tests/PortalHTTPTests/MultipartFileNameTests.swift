@testable import PortalHTTP
import Testing

@Suite("File names as browsers write them in multipart bodies")
struct MultipartFileNameTests {
    @Test("a quote the browser wrote as %22 is a quote again; line breaks too", arguments: [
        ("rapporto %22finale%22 è.txt", "rapporto \"finale\" è.txt"),
        ("a%0Ab%0D.txt", "a\nb\r.txt"),
        ("sconto 100%.txt", "sconto 100%.txt"),
    ])
    func browserNames(_ sent: String, _ name: String) {
        #expect(Multipart.browserFileName(sent) == name)
    }

    @Test("a Windows path keeps its separators, so only its last part is the name; \\\" still escapes", arguments: [
        (#"form-data; name="allegati"; filename="C:\Users\Mario\fattura.txt""#, #"C:\Users\Mario\fattura.txt"#),
        (#"form-data; name="allegati"; filename="a \"b\" \\ c.txt""#, #"a "b" \ c.txt"#),
        (#"form-data; name="allegati"; filename="plain.txt""#, "plain.txt"),
    ])
    func quotedParameter(_ header: String, _ fileName: String) {
        #expect(Multipart.parameter("filename", in: header) == fileName)
        #expect(Multipart.parameter("name", in: header) == "allegati")
    }
}
