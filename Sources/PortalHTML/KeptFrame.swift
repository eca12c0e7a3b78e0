/// Markup made once per process around content that changes with every use: a table cell
/// with its fixed `data-label`, a card's fact with its term. Written by the builder, like any
/// markup, with a slot where the content goes, and kept as the bytes before and after it;
/// a use copies those two and writes only the content. Fifty rows of nine cells, or twenty
/// cards of seven facts, each built element by element with its escaped attributes, were a
/// sixth of their page's work.
///
/// Only for constants (catalogue labels, class names): like `NodeMemo`, nothing personal or
/// made of content may go into a frame.
public struct KeptFrame: Sendable {
    let opening: Node
    let closing: Node

    /// `build` writes the frame, with `slot` where the content goes (once).
    public init(_ build: (_ slot: Node) -> Node) {
        // A control byte the builder never writes: no element, attribute or catalogue text
        // holds U+0001.
        let html = build(Node.trusted(TrustedHTML("\u{1}"))).bytes
        let split = html.firstIndex(of: 1) ?? html.count
        opening = html[..<split].withUnsafeBufferPointer { Node(bytes: $0) }
        closing = html[min(split + 1, html.count)...].withUnsafeBufferPointer { Node(bytes: $0) }
    }

    /// The frame around `content`.
    public func callAsFunction(@NodeBuilder _ content: () -> Node) -> Node {
        var out = opening.placed()
        out.append(content())
        out.append(closing)
        return out
    }
}
