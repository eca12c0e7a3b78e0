/// A piece of markup that is safe to emit: every way to make one escapes its input, except
/// `Node.trusted`, which takes the explicitly named `TrustedHTML`. Held as UTF-8 bytes, so
/// that a page is put together with memory copies rather than string operations.
///
/// Most nodes are one flat buffer (`head`). A large part (`Node.shareThreshold` bytes or
/// more, such as a ticket list a worker keeps) is not copied into every element around it:
/// it is kept by reference in `tail`, and the page is flattened once, into the response.
public struct Node: Sendable {
    /// Parts of at least this size are shared rather than copied.
    static let shareThreshold = 4096

    /// The markup is `head` followed by the parts of `tail`, in order. An empty `tail` (the
    /// common case) costs no allocation.
    @usableFromInline var head: [UInt8]
    @usableFromInline var tail: [[UInt8]] = []

    @usableFromInline
    init(bytes: [UInt8]) { head = bytes }

    /// The whole markup as one buffer; no copy for a flat node.
    public var bytes: [UInt8] {
        if tail.isEmpty { return head }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        write(to: &out)
        return out
    }

    public var count: Int { tail.reduce(head.count) { $0 + $1.count } }

    public var html: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends the markup to `out`: the one copy of a shared part.
    public func write(to out: inout [UInt8]) {
        out.append(contentsOf: head)
        for part in tail { out.append(contentsOf: part) }
    }

    @usableFromInline
    mutating func append(_ node: Node) {
        appendPart(node.head)
        for part in node.tail { appendPart(part) }
    }

    /// Small parts are copied onto the last buffer; large ones are kept by reference.
    mutating func appendPart(_ part: [UInt8]) {
        if part.isEmpty { return }
        if part.count >= Node.shareThreshold {
            tail.append(part)
        } else if head.isEmpty && tail.isEmpty {
            head = part  // shared until written to
        } else {
            appendBytes { $0.append(contentsOf: part) }
        }
    }

    /// Appends bytes written by this module (tags, attributes) after everything else.
    mutating func appendBytes(_ write: (inout [UInt8]) -> Void) {
        if tail.isEmpty {
            write(&head)
        } else if tail[tail.count - 1].count < Node.shareThreshold {
            write(&tail[tail.count - 1])
        } else {
            var part: [UInt8] = []
            write(&part)
            tail.append(part)
        }
    }

    public static func text(_ value: String) -> Node {
        var out: [UInt8] = []
        Escape.append(value, attribute: false, to: &out)
        return Node(bytes: out)
    }

    public static func trusted(_ value: TrustedHTML) -> Node { Node(bytes: Array(value.html.utf8)) }
    public static let empty = Node(bytes: [])

    /// Several nodes side by side, without an element around them.
    public static func group(@NodeBuilder _ content: () -> Node) -> Node { content() }

    public static func group(_ nodes: [Node]) -> Node {
        var out = Node(bytes: [])
        if nodes.allSatisfy({ $0.tail.isEmpty }) { out.head.reserveCapacity(nodes.reduce(0) { $0 + $1.head.count }) }
        for node in nodes { out.append(node) }
        return out
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
///
/// Inlinable, and thin: at each call site the content closure is inlined and the attribute
/// list can live on the stack, while the byte work stays in the helpers below. A page has
/// hundreds of elements, and this is most of what a handler does per request.
@inlinable
public func el(
    _ name: String, _ attributes: KeyValuePairs<String, String?> = [:], @NodeBuilder _ content: () -> Node = { .empty }
) -> Node {
    let children = content()
    // Room for the whole element, attributes included: a buffer that grows is copied.
    var room = children.tail.isEmpty ? children.head.count : 0
    for (key, value) in attributes {
        if let value { room += key.utf8.count + value.utf8.count + 4 }
    }
    var out = Node.openTag(name, contentCount: room)
    for (key, value) in attributes {
        if let value { Node.appendAttribute(key, value, to: &out) }
    }
    Node.closeTag(name, children: children, to: &out)
    return out
}

extension Node {
    /// `<name`, in a buffer with room for the whole element.
    @usableFromInline
    static func openTag(_ name: String, contentCount: Int) -> Node {
        var out: [UInt8] = []
        out.reserveCapacity(contentCount + 16 + 2 * name.utf8.count)
        out.append(UInt8(ascii: "<"))
        append(name, to: &out)
        return Node(bytes: out)
    }

    /// ` key="value"`, the value escaped.
    @usableFromInline
    static func appendAttribute(_ key: String, _ value: String, to node: inout Node) {
        node.head.append(UInt8(ascii: " "))
        append(key, to: &node.head)
        node.head.append(UInt8(ascii: "="))
        node.head.append(UInt8(ascii: "\""))
        Escape.append(value, attribute: true, to: &node.head)
        node.head.append(UInt8(ascii: "\""))
    }

    /// `>`, then the content and `</name>` unless the element is void.
    @usableFromInline
    static func closeTag(_ name: String, children: Node, to node: inout Node) {
        node.head.append(UInt8(ascii: ">"))
        guard !isVoidElement(name) else { return }
        node.append(children)
        node.appendBytes { out in
            out.append(UInt8(ascii: "<"))
            out.append(UInt8(ascii: "/"))
            append(name, to: &out)
            out.append(UInt8(ascii: ">"))
        }
    }

    /// A name's bytes, through the contiguous UTF-8 of a native string rather than the
    /// generic `utf8` view.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }
}

/// Collects an element's content into one buffer as it is written, child after child: no
/// array of children, and no copy of the content but the one into its parent.
@resultBuilder
public enum NodeBuilder {
    @inlinable public static func buildExpression(_ text: String) -> Node { .text(text) }
    @inlinable public static func buildExpression(_ node: Node) -> Node { node }
    @inlinable public static func buildExpression(_ nodes: [Node]) -> Node { .group(nodes) }
    @inlinable public static func buildBlock() -> Node { .empty }
    @inlinable public static func buildPartialBlock(first: Node) -> Node { first }
    @inlinable public static func buildPartialBlock(accumulated: consuming Node, next: Node) -> Node {
        accumulated.append(next)
        return accumulated
    }
    @inlinable public static func buildOptional(_ part: Node?) -> Node { part ?? .empty }
    @inlinable public static func buildEither(first: Node) -> Node { first }
    @inlinable public static func buildEither(second: Node) -> Node { second }
    @inlinable public static func buildArray(_ parts: [Node]) -> Node { .group(parts) }
}
