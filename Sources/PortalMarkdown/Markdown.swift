import CCmarkGFM
import Glibc

/// A parsed Markdown document (GitHub flavour: tables, strikethrough, autolinks, tag
/// filter). Rendering is always cmark-gfm's safe mode: raw HTML is dropped and
/// `javascript:`-style links are emptied. Owns its C tree and frees it in `deinit`.
public final class MarkdownDocument {
    public struct Link: Sendable {
        public let url: String
        public let isImage: Bool
        public let line: Int
        /// The link's text, or an image's alternative text.
        public let text: String
    }

    public struct Heading: Sendable {
        public let level: Int
        public let text: String
        /// Its first line in the document (1-based).
        public var line = 0
    }

    let parser: OpaquePointer
    let root: OpaquePointer
    let options: Int32

    /// - Parameter hardBreaks: a newline in the text is a line break, as people expect in a chat.
    public init(_ markdown: String, hardBreaks: Bool = false) {
        cmark_gfm_core_extensions_ensure_registered()
        options = CMARK_OPT_VALIDATE_UTF8 | (hardBreaks ? CMARK_OPT_HARDBREAKS : 0)
        let parser = cmark_parser_new(options)!
        self.parser = parser
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        root = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Safe HTML (no raw HTML, no dangerous URLs).
    public func renderHTML() -> String {
        guard let output = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(output) }
        return String(cString: output)
    }

    /// Visits every link and image; the closure may return a new URL for it.
    public func rewriteLinks(_ transform: (Link) throws -> String?) rethrows {
        try walk { node in
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let link = Link(
                url: url, isImage: type == CMARK_NODE_IMAGE, line: Int(cmark_node_get_start_line(node)),
                text: MarkdownDocument.text(of: node))
            if let replacement = try transform(link) { cmark_node_set_url(node, replacement) }
        }
    }

    public func headings() -> [Heading] {
        var result: [Heading] = []
        walk { node in
            guard cmark_node_get_type(node) == CMARK_NODE_HEADING else { return }
            result.append(
                Heading(
                    level: Int(cmark_node_get_heading_level(node)), text: MarkdownDocument.text(of: node),
                    line: Int(cmark_node_get_start_line(node))))
        }
        return result
    }

    public var plainText: String { MarkdownDocument.text(of: root) }

    /// The lines holding raw HTML, which the safe renderer drops (`<!-- raw HTML omitted -->`).
    /// An inline's line is its block's when cmark did not record one. A comment is no such
    /// loss: dropped is what it asks (an editor's note to the next editor).
    public func rawHTMLLines() -> [Int] {
        var lines: [Int] = []
        walk { node in
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK else { return }
            if let literal = cmark_node_get_literal(node), MarkdownDocument.isOnlyComments(String(cString: literal)) { return }
            var current: OpaquePointer? = node
            while let at = current, cmark_node_get_start_line(at) == 0 { current = cmark_node_parent(at) }
            lines.append(current.map { Int(cmark_node_get_start_line($0)) } ?? 1)
        }
        return lines
    }

    /// Whether raw HTML is comments and spaces only: "<!-- a --> testo <!-- b -->" is one
    /// HTML block whose words between would be dropped.
    static func isOnlyComments(_ html: String) -> Bool {
        var rest = Substring(html)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if rest.isEmpty { return true }
            guard rest.hasPrefix("<!--"), let end = rest.firstRange(of: "-->") else { return false }
            rest = rest[end.upperBound...]
        }
    }

    func walk(_ visit: (OpaquePointer) throws -> Void) rethrows {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { try visit(node) }
        }
    }

    /// cmark-gfm marks block node types (extensions' table cells too) with 0x8000 in the 0xc000 bits.
    static func isBlock(_ type: cmark_node_type) -> Bool { type.rawValue & 0xc000 == 0x8000 }

    static func text(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK || MarkdownDocument.isBlock(type) {
                // Blocks (paragraphs, headings, list items, table cells) are words apart.
                if !text.isEmpty && !text.hasSuffix(" ") { text += " " }
            }
        }
        return text.trimmingCharacters(in: " ")
    }
}

@available(*, unavailable)
extension MarkdownDocument: Sendable {}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(self.drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}

