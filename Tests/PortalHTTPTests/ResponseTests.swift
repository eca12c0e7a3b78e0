import PortalHTTP
import Testing

@Suite("Response headers")
struct ResponseTests {
    @Test("setHeader refuses CR or LF in a value and leaves the headers as they were", arguments: [
        "ok\r\nSet-Cookie: sid=evil", "ok\nX-Evil: 1", "ok\rX-Evil: 1",
    ])
    func refusesLineBreaks(_ value: String) {
        var response = Response()
        #expect(throws: HTTPError.self) { try response.setHeader("X-Note", value) }
        #expect(response.header("X-Note") == nil)
    }

    @Test("setHeader replaces a header of the same name, whatever its case")
    func replaces() throws {
        var response = Response()
        try response.setHeader("X-Note", "uno")
        try response.setHeader("x-note", "due")
        #expect(response.headers.filter { $0.name.lowercased() == "x-note" }.map(\.value) == ["due"])
    }

    @Test("redirect refuses a location with CR/LF")
    func redirectRefusesInjection() {
        #expect(throws: HTTPError.self) { try Response.redirect(to: "/dashboard\r\nSet-Cookie: sid=evil") }
    }

    @Test("redirect is a 303 with the location")
    func redirect() throws {
        let response = try Response.redirect(to: "/dashboard?x=1")
        #expect(response.status == 303)
        #expect(response.header("Location") == "/dashboard?x=1")
    }

    @Test("the head FastCGI reads: status line, headers in order, the body's length", arguments: [0, 7, 10, 1234567])
    func serializedHead(_ length: Int) throws {
        var response = Response.html(bytes: [UInt8](repeating: 65, count: length), status: 404)
        try response.setHeader("X-Note", "è ok")
        let head = String(decoding: response.serializedHead(), as: UTF8.self)
        #expect(head == "Status: 404 Not Found\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
            + "X-Note: è ok\r\nContent-Length: \(length)\r\n\r\n")
    }
}
