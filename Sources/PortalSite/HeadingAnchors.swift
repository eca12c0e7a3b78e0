import PortalMarkdown

/// cmark-gfm emits `<h2>` without ids; the table of contents needs them, so the builder
/// numbers the level-2 and level-3 headings in document order.
enum HeadingAnchors {
    static func add(to html: String, headings: [MarkdownDocument.Heading]) -> String {
        var result = ""
        var rest = Substring(html)
        var used: [String: Int] = [:]
        for heading in headings {
            let tag = "<h\(heading.level)>"
            // The standard library's search: Foundation's `range(of:)` bridged the rest of the
            // page at every heading, and 5,000 headings took seconds.
            guard let range = rest.firstRange(of: tag) else { break }
            result += rest[..<range.lowerBound]
            result += "<h\(heading.level) id=\"\(anchor(heading.text, used: &used))\">"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    static func anchor(_ text: String, used: inout [String: Int]) -> String {
        let base = Slug.make(text)
        let count = used[base, default: 0]
        used[base] = count + 1
        return count == 0 ? base : "\(base)-\(count + 1)"
    }

    static func anchors(for headings: [MarkdownDocument.Heading]) -> [String] {
        var used: [String: Int] = [:]
        return headings.map { anchor($0.text, used: &used) }
    }
}
