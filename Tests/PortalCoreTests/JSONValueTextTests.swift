import PortalCore
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("writes compact JSON in the members' order, whole numbers without a fraction")
    func compact() {
        let value = JSONValue.object([
            "n": .int(54), "f": .number(2.5), "neg": .int(-3), "t": .bool(true), "z": .null,
            "a": .array([.string("x"), .array([])]),
        ])
        #expect(value.text == #"{"n":54,"f":2.5,"neg":-3,"t":true,"z":null,"a":["x",[]]}"#)
    }

    @Test("escapes what could end a string or be read as markup", arguments: [
        ("a\"b\\c", #""a\"b\\c""#),
        ("</script><!--&", #""\u003c/script\u003e\u003c!--\u0026""#),
        ("riga\nnuova\ttab\r\u{1}", #""riga\nnuova\ttab\r\u0001""#),
        ("sep\u{2028}par\u{2029}€", "\"sep\\u2028par\\u2029€\""),
        ("perché 😀", "\"perché 😀\""),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(JSONValue.string(input).text == expected)
    }

    @Test("every control character leaves as an escape that the parser reads back")
    func controlCharacters() throws {
        for code in UInt8(0)..<0x20 {
            let value = JSONValue.string("a" + String(UnicodeScalar(code)) + "b")
            #expect(value.text.utf8.allSatisfy { $0 >= 0x20 }, "U+\(code)")
            #expect(try JSONParser.parse(value.text) == value)
        }
        #expect(JSONValue.string("\u{7F}").text == "\"\u{7F}\"")
    }

    // The writer looks at UTF-8 bytes: the neighbours of U+2028/U+2029 share their first two.
    @Test("of the characters written E2 80 xx, only the two line separators are escaped", arguments: [
        ("\u{2027}\u{202A}\u{2026}", "\"\u{2027}\u{202A}\u{2026}\""),
        ("\u{2028}\u{2029}", #""\u2028\u2029""#),
        ("€\u{2028}", #""€\u2028""#),
    ])
    func lineSeparators(_ input: String, _ expected: String) {
        #expect(JSONValue.string(input).text == expected)
    }

    @Test("numbers JSON cannot carry are written as null")
    func nonFinite() {
        #expect(JSONValue.array([.number(.infinity), .number(.nan), .number(1e20)]).text == "[null,null,1e+20]")
    }

    @Test("what it writes, the parser reads back the same")
    func roundTrip() throws {
        let value = JSONValue.object([
            "titolo": .string("Stampa \"DDT\" <bloccata> & € \u{2028} 😀"), "numeri": .array([.int(1453), .number(-0.25)]),
        ])
        #expect(try JSONParser.parse(value.text) == value)
    }

    @Test("the streaming writer writes what the same JSONValue writes, commas and escapes included")
    func streamingWriter() {
        var json = JSONWriter()
        json.beginObject()
        json.key("n")
        json.int(-1453)
        json.key(escaping: "chiave \"strana\" <x>")
        json.beginArray()
        json.string("Stampa \"DDT\" <bloccata> & € \u{2028} 😀")
        json.bool(true)
        json.beginObject()
        json.endObject()
        json.beginArray()
        json.endArray()
        json.value(.object(["a": .null]))
        json.endArray()
        json.key("vuoto")
        json.string("")
        json.endObject()
        let value = JSONValue.object([
            "n": .int(-1453),
            "chiave \"strana\" <x>": .array([
                .string("Stampa \"DDT\" <bloccata> & € \u{2028} 😀"), .bool(true), .object([JSONValue.Member]()), .array([]),
                .object(["a": .null]),
            ]),
            "vuoto": .string(""),
        ])
        #expect(json.bytes == value.bytes)
    }
}
