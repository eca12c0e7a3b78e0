/// A JSON document as the strict parser reads it and the writer writes it. Objects keep
/// their members in order (the writer's output is stable; the parser refuses repeated keys).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([Member])

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public static func int(_ value: Int) -> JSONValue { .number(Double(value)) }
    public static func int(_ value: Int64) -> JSONValue { .number(Double(value)) }

    /// `.object(["a": 1])`-like construction that keeps the order written.
    public static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(members.map { Member($0.key, $0.value) })
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The number as an Int when it is a whole number JSON can carry exactly (|n| < 2^53).
    public var intValue: Int? {
        guard case .number(let value) = self, value.rounded(.towardZero) == value, abs(value) < 9_007_199_254_740_992
        else { return nil }
        return Int(value)
    }
}
