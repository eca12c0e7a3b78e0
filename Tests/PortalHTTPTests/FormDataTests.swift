import PortalHTTP
import Testing

@Suite("FormData.urlEncoded")
struct FormDataTests {
    private func decode(_ body: String) throws -> FormData {
        try FormData.urlEncoded(Array(body.utf8))
    }

    @Test("reads fields in order and turns plus into a space")
    func plusIsSpace() throws {
        let form = try decode("a=1&b=two+words&a=3")
        #expect(form.fields.map(\.name) == ["a", "b", "a"])
        #expect(form["b"] == "two words")
        #expect(form.all("a") == ["1", "3"])
    }

    @Test("decodes percent escapes, including an escaped plus and UTF-8")
    func percentEscapes() throws {
        let form = try decode("nome=Caf%C3%A8&segni=%26%3d%2B&chiave%20spazio=x")
        #expect(form["nome"] == "Cafè")
        #expect(form["segni"] == "&=+")
        #expect(form["chiave spazio"] == "x")
    }

    @Test("skips empty pieces and keeps a name without a value as empty")
    func emptyPieces() throws {
        let form = try decode("&&a=1&&flag&b=&")
        #expect(form.fields.map(\.name) == ["a", "flag", "b"])
        #expect(form.fields.map(\.value) == ["1", "", ""])
        #expect(form.isChecked("flag"))
        #expect(try decode("").fields.isEmpty)
    }

    @Test("refuses a malformed escape or bytes that are not UTF-8 with a 400", arguments: [
        "%", "%4", "a=%zz", "%ff", "ok=1&bad=%C3", "x=%G0", "a=1%",
    ])
    func malformed(_ body: String) {
        let error = #expect(throws: HTTPError.self) { try decode(body) }
        #expect(error?.status == 400)
    }
}
