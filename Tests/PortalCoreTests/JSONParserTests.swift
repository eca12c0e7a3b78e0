import PortalCore
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    @Test("reads every kind of value, keeping the members' order")
    func values() throws {
        let value = try JSONParser.parse(#" {"b": [1, -2.5, 3e2, 0], "a": {"t": true, "f": false, "n": null}, "s": "x"} "#)
        #expect(value == .object([
            .init("b", .array([.number(1), .number(-2.5), .number(300), .number(0)])),
            .init("a", .object([.init("t", .bool(true)), .init("f", .bool(false)), .init("n", .null)])),
            .init("s", .string("x")),
        ]))
        #expect(value["b"]?.arrayValue?.first?.intValue == 1)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["missing"] == nil)
        #expect(try JSONParser.parse("[]") == .array([]))
        #expect(try JSONParser.parse("{}") == .object([JSONValue.Member]()))
    }

    @Test("decodes escapes, surrogate pairs and UTF-8", arguments: [
        (#""a\"b\\c\/d\b\f\n\r\t""#, "a\"b\\c/d\u{8}\u{c}\n\r\t"),
        (#""\u00e8 \u20AC""#, "è €"),
        (#""\ud83d\ude00""#, "😀"),
        ("\"perché\"", "perché"),
    ])
    func strings(_ json: String, _ expected: String) throws {
        #expect(try JSONParser.parse(json) == .string(expected))
    }

    @Test("refuses what RFC 8259 does not allow", arguments: [
        "", " ", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{a:1}", "'x'", "01", "-", "1.", ".5", "1e", "+1",
        "NaN", "Infinity", "tru", "nul", "[", "{", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"",
        "\"\\ud800\\u0041\"", "\"a\u{1}b\"", "\"tab\there\"", "[1] [2]", "{\"a\":1,\"a\":2}", "1e999", "// c\n1",
        "[1]x", "\u{feff}[1]",
    ])
    func refuses(_ json: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(json) }
    }

    @Test("refuses bytes that are not UTF-8")
    func invalidUTF8() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test("stops at the nesting limit instead of exhausting the stack")
    func depth() throws {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(String(repeating: "[", count: 100_000)) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(String(repeating: "[", count: 17) + String(repeating: "]", count: 17)) }
        _ = try JSONParser.parse(String(repeating: "[", count: 16) + String(repeating: "]", count: 16))
    }

    @Test("intValue only for whole numbers JSON carries exactly", arguments: [
        ("3", 3), ("-0", 0), ("1e2", 100), ("2.5", nil), ("9007199254740993", nil), ("\"3\"", nil), ("true", nil),
    ] as [(String, Int?)])
    func integers(_ json: String, _ expected: Int?) throws {
        #expect(try JSONParser.parse(json).intValue == expected)
    }

    @Test("says where it stopped")
    func offset() {
        let failure = #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("[1, x]") }
        #expect(failure?.offset == 4)
    }
}
