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
}
