@testable import PortalHTTP
import Testing

private let boundary = "----PortalBoundary7MA4YWxk"

@Suite("Multipart form bodies through Request.decodeBody")
struct MultipartTests {
    private func request(contentType: String, body: [UInt8]) -> Request {
        Request(method: "POST", path: "/ticket/nuovo", headers: ["content-type": contentType], body: body)
    }

    private func decoded(contentType: String, body: [UInt8]) throws -> FormData {
        var request = request(contentType: contentType, body: body)
        try request.decodeBody(malformedJSON: "")
        return request.form
    }

    private func part(_ headers: String, _ content: [UInt8]) -> [UInt8] {
        Array("--\(boundary)\r\n\(headers)\r\n\r\n".utf8) + content + Array("\r\n".utf8)
    }

    @Test("reads a text field and a file part with its bytes exactly as sent")
    func fieldAndFile() throws {
        let fileBytes: [UInt8] = Array("riga 1\r\nriga 2\r\n--\(boundary.dropLast())X\r\n".utf8) + [0, 0xff, 0xfe, 13, 10]
        let body =
            part("Content-Disposition: form-data; name=\"titolo\"", Array("Stampante è ferma\r\nda ieri".utf8))
            + part(
                "Content-Disposition: form-data; name=\"allegato\"; filename=\"log \\\"1\\\".bin\"\r\nContent-Type: application/x-log",
                fileBytes)
            + Array("--\(boundary)--\r\n".utf8)
        let form = try decoded(contentType: "multipart/form-data; boundary=\(boundary)", body: body)

        #expect(form["titolo"] == "Stampante è ferma\r\nda ieri")
        let file = try #require(form.files(named: "allegato").first)
        #expect(form.files.count == 1)
        #expect(file.fileName == "log \"1\".bin")
        #expect(file.contentType == "application/x-log")
        #expect(file.bytes == fileBytes)
    }

    @Test("a body cut short (too many megabytes of files) keeps the parts complete before the cut")
    func truncated() throws {
        let body =
            part("Content-Disposition: form-data; name=\"title\"", Array("Stampante".utf8))
            + part("Content-Disposition: form-data; name=\"files\"; filename=\"grande.bin\"", [UInt8](repeating: 7, count: 4096))
            + Array("--\(boundary)--\r\n".utf8)
        var request = request(contentType: "multipart/form-data; boundary=\(boundary)", body: Array(body.prefix(300)))
        request.isTruncated = true
        try request.decodeBody(malformedJSON: "")
        #expect(request.form["title"] == "Stampante")
        #expect(request.form.files.isEmpty)
        request.isTruncated = false
        #expect(throws: HTTPError.self) { try request.decodeBody(malformedJSON: "") }
    }

    @Test("accepts a quoted boundary parameter")
    func quotedBoundary() throws {
        let body = part("Content-Disposition: form-data; name=\"a\"", Array("1".utf8)) + Array("--\(boundary)--".utf8)
        let form = try decoded(contentType: "multipart/form-data; charset=utf-8; boundary=\"\(boundary)\"", body: body)
        #expect(form["a"] == "1")
    }

    @Test("a file name that is not UTF-8 keeps the form: its bytes become replacement characters")
    func fileNameNotUTF8() throws {
        let body =
            part("Content-Disposition: form-data; name=\"message\"", Array("ciao".utf8))
            + Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"".utf8) + [0xff, 0xfe]
            + Array(".txt\"\r\nContent-Type: \u{1}\r\n\r\nhi\r\n--\(boundary)--\r\n".utf8)
        let form = try decoded(contentType: "multipart/form-data; boundary=\(boundary)", body: body)
        #expect(form["message"] == "ciao")
        let file = try #require(form.files(named: "files").first)
        #expect(file.fileName == "\u{FFFD}\u{FFFD}.txt" && file.bytes == Array("hi".utf8))
    }

    @Test("refuses malformed bodies with a 400", arguments: [
        // missing boundary parameter
        ("multipart/form-data", "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--\(boundary)--\r\n"),
        // truncated: no closing delimiter
        ("multipart/form-data; boundary=\(boundary)", "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nmeta del file"),
        // a part whose Content-Disposition has no name
        ("multipart/form-data; boundary=\(boundary)", "--\(boundary)\r\nContent-Disposition: form-data; filename=\"x.txt\"\r\n\r\n1\r\n--\(boundary)--\r\n"),
        // a part with no Content-Disposition at all
        ("multipart/form-data; boundary=\(boundary)", "--\(boundary)\r\nContent-Type: text/plain\r\n\r\n1\r\n--\(boundary)--\r\n"),
        // no delimiter anywhere
        ("multipart/form-data; boundary=\(boundary)", "a=1&b=2"),
    ])
    func malformed(contentType: String, body: String) {
        let error = #expect(throws: HTTPError.self) {
            try decoded(contentType: contentType, body: Array(body.utf8))
        }
        #expect(error?.status == 400)
    }
}

/// The byte search the parser walks a body with.
@Suite("Multipart's byte search")
struct MultipartSearchTests {
    @Test("finds the first occurrence from the given position, at either end, or nothing")
    func find() {
        let bytes = Array("--a\r\nxx--a\r\n--a--".utf8)
        let needle = Array("--a".utf8)
        #expect(Multipart.find(needle, in: bytes, from: 0) == 0..<3)
        #expect(Multipart.find(needle, in: bytes, from: 1) == 7..<10)
        #expect(Multipart.find(needle, in: bytes, from: 11) == 12..<15)
        #expect(Multipart.find(Array("--".utf8), in: bytes, from: 15) == 15..<17)
        #expect(Multipart.find(needle, in: bytes, from: 13) == nil)
        #expect(Multipart.find(needle, in: bytes, from: bytes.count) == nil)
        #expect(Multipart.find(needle, in: [], from: 0) == nil)
        #expect(Multipart.find(Array("\r\n\r\n".utf8), in: bytes, from: 0) == nil)
    }
}
