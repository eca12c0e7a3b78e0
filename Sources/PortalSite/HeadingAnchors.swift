import PortalMarkdown

/// cmark-gfm emits `<h2>` without ids; the table of contents and the links need them, so the
/// builder gives every heading from level 2 one, in document order.
enum HeadingAnchors {
    /// `anchors`: one per heading, as `anchors(for:)` made them.
    static func add(to html: String, headings: [MarkdownDocument.Heading], anchors: [String]) -> String {
        var result = ""
        var rest = Substring(html)
        for (heading, anchor) in zip(headings, anchors) {
            let tag = "<h\(heading.level)>"
            // The standard library's search: Foundation's `range(of:)` bridged the rest of the
            // page at every heading, and 5,000 headings took seconds.
            guard let range = rest.firstRange(of: tag) else { break }
            result += rest[..<range.lowerBound]
            result += "<h\(heading.level) id=\"\(anchor)\">"
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

    /// The sections' (levels 2 and 3) first, then the smaller headings': a `####` of the same
    /// words added above a section took its anchor, and every link to that section (the
    /// portal's own «Portale classico» one) landed on the small heading without a word.
    static func anchors(for headings: [MarkdownDocument.Heading]) -> [String] {
        var used: [String: Int] = [:]
        var anchors = [String](repeating: "", count: headings.count)
        for (index, heading) in headings.enumerated() where heading.level <= 3 { anchors[index] = anchor(heading.text, used: &used) }
        for (index, heading) in headings.enumerated() where heading.level > 3 { anchors[index] = anchor(heading.text, used: &used) }
        return anchors
    }
}
