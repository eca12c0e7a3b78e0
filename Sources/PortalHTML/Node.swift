/// A piece of markup that is safe to emit: every way to make one escapes its input, except
/// `Node.trusted`, which takes the explicitly named `TrustedHTML`.
public struct Node: Sendable {
    public let html: String

    init(markup: String) { html = markup }

    public static func text(_ value: String) -> Node { Node(markup: Escape.text(value)) }
    public static func trusted(_ value: TrustedHTML) -> Node { Node(markup: value.html) }
    public static let empty = Node(markup: "")

    public static func group(_ nodes: [Node]) -> Node { Node(markup: nodes.map(\.html).joined()) }
}

/// HTML that did not come from this module's builder and is trusted as it is: the output of
/// cmark-gfm in safe mode, or markup written in our own source. The name is the warning.
public struct TrustedHTML: Sendable {
    public let html: String
    public init(_ html: String) { self.html = html }
}

/// Elements that have no closing tag.
let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"]

/// `el("a", ["href": url]) { "text" }`: attributes and text are escaped; a nil attribute is left out.
public func el(
    _ name: String, _ attributes: KeyValuePairs<String, String?> = [:], @NodeBuilder _ content: () -> [Node] = { [] }
) -> Node {
    var markup = "<"
    markup.append(name)
    for (key, value) in attributes {
        guard let value else { continue }
        markup.append(" ")
        markup.append(key)
        markup.append("=\"")
        markup.append(Escape.attribute(value))
        markup.append("\"")
    }
    markup.append(">")
    if voidElements.contains(name) { return Node(markup: markup) }
    let children = content()
    // One allocation for the whole element: pages are built bottom-up, child by child.
    markup.reserveCapacity(markup.utf8.count + children.reduce(0) { $0 + $1.html.utf8.count } + name.utf8.count + 3)
    for child in children { markup.append(child.html) }
    markup.append("</")
    markup.append(name)
    markup.append(">")
    return Node(markup: markup)
}

@resultBuilder
public enum NodeBuilder {
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Node]?) -> [Node] { part ?? [] }
    public static func buildEither(first: [Node]) -> [Node] { first }
    public static func buildEither(second: [Node]) -> [Node] { second }
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
}
