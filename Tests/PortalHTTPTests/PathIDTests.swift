import PortalHTTP
import Testing

@Suite("A row's number in a path has one spelling")
struct PathIDTests {
    @Test("digits without leading zeros name a row; every other spelling is no row", arguments: [
        ("1001", Int64(1001)), ("7", 7), ("01001", nil), ("0", nil), ("+1001", nil), ("-3", nil), ("1e3", nil),
        ("", nil), ("99999999999999999999", nil), ("١٢", nil),
    ] as [(String, Int64?)])
    func spelling(_ segment: String, _ id: Int64?) {
        var request = Request(method: "GET", path: "/ticket/\(segment)")
        request.pathParameters = ["number": segment]
        #expect(request.pathID("number") == id)
        #expect(request.pathID("id") == nil)
    }
}
