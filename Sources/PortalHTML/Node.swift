/// A piece of markup that is safe to emit: every way to make one escapes its input, except
/// `Node.trusted`, which takes the explicitly named `TrustedHTML`. Held as UTF-8 bytes, so
/// that a page is put together with memory copies rather than string operations.
public struct Node: Sendable {
    public internal(set) var bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func append(_ node: Node) {
        if bytes.isEmpty { bytes = node.bytes } else { bytes.append(contentsOf: node.bytes) }
    }

    public var html: String { String(decoding: bytes, as: UTF8.self) }

    public static func text(_ value: String) -> Node {
        var out: [UInt8] = []
        Escape.append(value, attribute: false, to: &out)
        return Node(bytes: out)
    }

    public static func trusted(_ value: TrustedHTML) -> Node { Node(bytes: Array(value.html.utf8)) }
    public static let empty = Node(bytes: [])

    public static func group(_ nodes: [Node]) -> Node {
        var out: [UInt8] = []
        out.reserveCapacity(nodes.reduce(0) { $0 + $1.bytes.count })
        for node in nodes { out.append(contentsOf: node.bytes) }
        return Node(bytes: out)
    }
}

/// HTML that did not come from this module's builder and is trusted as it is: the output of
/// cmark-gfm in safe mode, or markup written in our own source. The name is the warning.
public struct TrustedHTML: Sendable {
    public let html: String
    public init(_ html: String) { self.html = html }
}

/// Elements that have no closing tag, as packed names. The check runs for every element of
/// every page: comparing a few integers costs less than hashing or comparing strings.
let voidElementKeys: [UInt64] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"]
    .compactMap(packedName)

func isVoidElement(_ name: String) -> Bool {
    guard let key = packedName(name) else { return false }
    return voidElementKeys.contains(key)
}

/// The name's bytes as one integer; nil for names longer than eight bytes (no void element is).
func packedName(_ name: String) -> UInt64? {
    var key: UInt64 = 0
    var count = 0
    for byte in name.utf8 {
        count += 1
        if count > 8 { return nil }
        key = key << 8 | UInt64(byte)
    }
    return key
}

/// `el("a", ["href": url]) { "text" }`: attributes and text are escaped; a nil attribute is left out.
public func el(
    _ name: String, _ attributes: KeyValuePairs<String, String?> = [:], @NodeBuilder _ content: () -> Node = { .empty }
) -> Node {
    let children = content()
    var out: [UInt8] = []
    // One allocation for the whole element: pages are built bottom-up, child by child.
    out.reserveCapacity(children.bytes.count + 64 + 2 * name.utf8.count)
    out.append(UInt8(ascii: "<"))
    out.append(contentsOf: name.utf8)
    for (key, value) in attributes {
        guard let value else { continue }
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: key.utf8)
        out.append(UInt8(ascii: "="))
        out.append(UInt8(ascii: "\""))
        Escape.append(value, attribute: true, to: &out)
        out.append(UInt8(ascii: "\""))
    }
    out.append(UInt8(ascii: ">"))
    if isVoidElement(name) { return Node(bytes: out) }
    out.append(contentsOf: children.bytes)
    out.append(UInt8(ascii: "<"))
    out.append(UInt8(ascii: "/"))
    out.append(contentsOf: name.utf8)
    out.append(UInt8(ascii: ">"))
    return Node(bytes: out)
}

/// Collects an element's content into one buffer as it is written, child after child: no
/// array of children, and no copy of the content but the one into its parent.
@resultBuilder
public enum NodeBuilder {
    public static func buildExpression(_ text: String) -> Node { .text(text) }
    public static func buildExpression(_ node: Node) -> Node { node }
    public static func buildExpression(_ nodes: [Node]) -> Node { .group(nodes) }
    public static func buildBlock() -> Node { .empty }
    public static func buildPartialBlock(first: Node) -> Node { first }
    public static func buildPartialBlock(accumulated: consuming Node, next: Node) -> Node {
        accumulated.append(next)
        return accumulated
    }
    public static func buildOptional(_ part: Node?) -> Node { part ?? .empty }
    public static func buildEither(first: Node) -> Node { first }
    public static func buildEither(second: Node) -> Node { second }
    public static func buildArray(_ parts: [Node]) -> Node { .group(parts) }
}
