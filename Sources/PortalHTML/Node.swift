/// A piece of markup that is safe to emit: every way to make one escapes its input, except
/// `Node.trusted`, which takes the explicitly named `TrustedHTML`.
///
/// A node is a range of an `Arena`: usually its thread's, where `el`, text and the builder
/// write; or one of its own (`detached()`, trusted markup), which nothing writes to again.
/// Elements are written into the thread's arena in document order, so an element's content
/// is usually already in place behind its open tag and joining siblings is extending a
/// range: a page costs one buffer, not one per element, and its bytes are copied once, into
/// the response. Content that is not in place (a node made earlier, a kept part) is copied
/// to the end of the arena. One reference per node: a page makes thousands of them.
///
/// Nodes made once and kept (NodeMemo, the worker's fragment cache, a `static let`) must be
/// `detached()`: a range keeps its whole arena alive and belongs to the thread that wrote it.
public struct Node: @unchecked Sendable {
    // @unchecked: a range of a thread's arena is read on that thread (the handlers render
    // one request at a time per worker, behind its lock); kept nodes are detached.
    @usableFromInline let arena: Arena?
    @usableFromInline var start: Int
    @usableFromInline var end: Int

    @usableFromInline
    init(arena: Arena?, start: Int, end: Int) {
        self.arena = arena
        self.start = start
        self.end = end
    }

    /// The bytes in an arena of their own.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.isEmpty {
            self.init(arena: nil, start: 0, end: 0)
            return
        }
        let own = Arena(capacity: bytes.count, detached: true)
        own.append(bytes)
        self.init(arena: own, start: 0, end: bytes.count)
    }

    public var count: Int { end - start }

    @usableFromInline var isEmpty: Bool { end == start }

    /// The markup's bytes, in place.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let arena else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: arena.base + start, count: count))
    }

    /// The whole markup as one buffer.
    public var bytes: [UInt8] { withBytes { Array($0) } }

    public var html: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Appends the markup to `out`.
    public func write(to out: inout [UInt8]) { withBytes { out.append(contentsOf: $0) } }

    /// The same markup in an arena of its own, for a node that outlives the page being written.
    public func detached() -> Node { withBytes { Node(bytes: $0) } }

    /// This node followed by `next`: the range grows when `next` is written right behind it
    /// (the common case); otherwise both are copied to the end of the thread's arena.
    @usableFromInline
    mutating func append(_ next: Node) {
        if next.isEmpty { return }
        if isEmpty {
            self = next
            return
        }
        if let mine = arena, mine === next.arena, end == next.start {
            end = next.end
            return
        }
        let target = Arena.current()
        if arena !== target || end != target.count {
            let moved = target.count
            target.append(self)
            self = Node(arena: target, start: moved, end: target.count)
        }
        target.append(next)
        end = target.count
    }

    /// The node where the builder is writing: a node written last stays where it is; one made
    /// earlier, or kept, is copied to the end of the thread's arena. The builder asks this of
    /// every child as it comes, so children land in document order and the element around
    /// them finds its content in place (a kept `<head>` placed before a body written after
    /// it would otherwise move the whole body, then the whole page).
    @inlinable
    func placed() -> Node {
        guard let arena, !isEmpty else { return self }
        if !arena.isDetached && end == arena.count { return self }
        let target = Arena.current()
        let start = target.count
        target.append(self)
        return Node(arena: target, start: start, end: target.count)
    }

    public static func text(_ value: String) -> Node {
        let arena = Arena.current()
        let start = arena.count
        arena.append(escaped: value, attribute: false)
        return Node(arena: arena, start: start, end: arena.count)
    }

    /// In an arena of its own: trusted markup is mostly made once and kept (icons, a rendered
    /// Markdown thread), and is copied into a page where it is used.
    public static func trusted(_ value: TrustedHTML) -> Node {
        var html = value.html
        return html.withUTF8 { Node(bytes: $0) }
    }

    public static let empty = Node(arena: nil, start: 0, end: 0)

    /// Several nodes side by side, without an element around them.
    public static func group(@NodeBuilder _ content: () -> Node) -> Node { content() }

    public static func group(_ nodes: [Node]) -> Node {
        var out = Node.empty
        for node in nodes { out.append(node) }
        return out
    }
}

extension Arena {
    /// Copies a node's bytes, whichever arena (this one included) holds them.
    @usableFromInline
    func append(_ node: Node) {
        guard let source = node.arena, !node.isEmpty else { return }
        append(from: source, start: node.start, end: node.end)
    }
}

/// HTML that did not come from this module's builder and is trusted as it is: the output of
/// cmark-gfm in safe mode, or markup written in our own source. The name is the warning.
public struct TrustedHTML: Sendable {
    public let html: String
    public init(_ html: String) { self.html = html }
}

/// Whether an element has no closing tag. Inlined where `el` is called with a literal name,
/// it folds to a constant: the name's bytes are packed into one integer (at most six of them)
/// and compared with the void elements' packed names.
@inlinable @inline(__always)
func isVoidElement(_ name: StaticString) -> Bool {
    guard name.hasPointerRepresentation, name.utf8CodeUnitCount >= 2, name.utf8CodeUnitCount <= 6 else { return false }
    var key: UInt64 = 0
    for index in 0..<name.utf8CodeUnitCount { key = key << 8 | UInt64(name.utf8Start[index]) }
    switch key {
    case 0x6172_6561,  // area
        0x6261_7365,  // base
        0x6272,  // br
        0x63_6f6c,  // col
        0x65_6d62_6564,  // embed
        0x6872,  // hr
        0x69_6d67,  // img
        0x69_6e70_7574,  // input
        0x6c69_6e6b,  // link
        0x6d65_7461,  // meta
        0x736f_7572_6365,  // source
        0x77_6272:  // wbr
        return true
    default:
        return false
    }
}

/// `el("a", ["href": url]) { "text" }`: attributes and text are escaped; a nil attribute is left out.
///
/// Inlinable, and thin: at each call site the content closure is inlined and the attribute
/// list can live on the stack. Names and attribute names are literals (`StaticString`): no
/// page makes them up, a literal is read without the reference counting of a `String`, and
/// where `el` is inlined its name's bytes are constants, so that the tags are written as a
/// few stores and whether the element is void is known before the program runs. A page has
/// hundreds of elements, and this is most of what a handler does per request. The open tag
/// is written before the content is made, so that the content lands right behind it.
@inlinable @inline(__always)
public func el(
    _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:],
    @NodeBuilder _ content: () -> Node = { .empty }
) -> Node {
    // Held until the element is closed: while it is, the arena is not emptied under it.
    let arena = Arena.current()
    let start = arena.count
    arena.append(UInt8(ascii: "<"))
    arena.append(name: name)
    for (key, value) in attributes {
        if let value { Node.appendAttribute(key, value, to: arena) }
    }
    arena.append(UInt8(ascii: ">"))
    let openEnd = arena.count
    // A void element has no content: its closure is not even run.
    if isVoidElement(name) { return Node(arena: arena, start: start, end: openEnd) }
    let elementStart = Node.place(content(), arena: arena, start: start, openEnd: openEnd)
    arena.append(UInt8(ascii: "<"))
    arena.append(UInt8(ascii: "/"))
    arena.append(name: name)
    arena.append(UInt8(ascii: ">"))
    return Node(arena: arena, start: elementStart, end: arena.count)
}

extension Node {
    /// ` key="value"`, the value escaped.
    @usableFromInline
    static func appendAttribute(_ key: StaticString, _ value: String, to arena: Arena) {
        arena.append(UInt8(ascii: " "))
        arena.append(name: key)
        arena.append(UInt8(ascii: "="))
        arena.append(UInt8(ascii: "\""))
        arena.append(escaped: value, attribute: true)
        arena.append(UInt8(ascii: "\""))
    }

    /// Puts the content of the element whose open tag is `start..<openEnd` behind that tag,
    /// and returns where the element now starts. Content written right behind the open tag
    /// stays where it is; other content is copied there, and when something else was written
    /// after the open tag in between, the open tag is written again at the end, so that the
    /// element is one range.
    @usableFromInline
    static func place(_ children: Node, arena: Arena, start: Int, openEnd: Int) -> Int {
        if children.isEmpty || (children.arena === arena && children.start == openEnd && children.end == arena.count) {
            return start  // In place (or nothing).
        }
        if arena.count == openEnd {
            arena.append(children)
            return start
        }
        let moved = arena.count
        arena.append(from: arena, start: start, end: openEnd)
        arena.append(children)
        return moved
    }
}

/// Collects an element's content as it is written, child after child: no array of children,
/// and, for content written in order, no copy at all.
@resultBuilder
public enum NodeBuilder {
    @inlinable public static func buildExpression(_ text: String) -> Node { .text(text) }
    @inlinable public static func buildExpression(_ node: Node) -> Node { node.placed() }
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
