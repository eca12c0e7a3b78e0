/// An HTML mail body as plain text: tags dropped (scripts, styles and the head with their
/// content), blocks and `<br>` as line breaks, list items as "- ", entities decoded, the
/// target of a link kept beside its text, and `<blockquote>` lines prefixed with "> " so
/// that the quoted history is recognised and cut like a plain-text one. Nothing of the
/// markup survives: the result is text, rendered later like any typed message.
public enum HTMLText {
    static let blocks: Set<String> = [
        "p", "div", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "section", "article",
        "header", "footer", "address", "center", "dl", "dt", "dd", "form", "tbody", "thead",
    ]
    static let skipped: Set<String> = ["script", "style", "head", "title", "template", "noscript", "xml", "object"]

    public static func plainText(_ html: String) -> String {
        var writer = Writer()
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var linkTarget: String?
        /// The open lists, innermost last: the next number of an <ol>, nil for a <ul>.
        var lists: [Int?] = []
        var linkText = ""
        /// Inside Gmail's attribution («Il giorno … ha scritto:», `div.gmail_attr`): quoted like
        /// the history it opens, so that it is cut with it even without a date in it.
        var inAttribution = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                if HTMLText.starts(scalars, at: index, with: "<!--") {
                    index = HTMLText.find(scalars, "-->", from: index + 4).map { $0 + 3 } ?? scalars.count
                    continue
                }
                guard let close = HTMLText.tagEnd(scalars, from: index + 1) else {
                    writer.text("<")
                    index += 1
                    continue
                }
                let tag = Tag(String(String.UnicodeScalarView(scalars[(index + 1)..<close])))
                index = close + 1
                if tag.name.isEmpty { continue }
                if skipped.contains(tag.name) && !tag.isClosing {
                    // Drop everything up to the matching end tag.
                    index = HTMLText.find(scalars, "</" + tag.name, from: index, caseInsensitive: true)
                        .flatMap { HTMLText.tagEnd(scalars, from: $0 + 1).map { $0 + 1 } } ?? scalars.count
                    continue
                }
                switch tag.name {
                case "br": writer.lineBreak()
                case "li" where !tag.isClosing:
                    writer.block()
                    // A numbered list keeps its numbers: the steps of "1. apri… 2. premi…"
                    // became bullets.
                    if let last = lists.last, let number = last {
                        writer.text("\(number). ")
                        lists[lists.count - 1] = number + 1
                    } else {
                        writer.text("- ")
                    }
                case "ul", "ol":
                    // An empty line after a list: the text that follows is not its last item's.
                    writer.block()
                    if tag.isClosing {
                        writer.lineBreak()
                        if !lists.isEmpty { lists.removeLast() }
                    } else {
                        lists.append(tag.name == "ol" ? Int(tag.attributes["start"] ?? "") ?? 1 : nil)
                    }
                case "blockquote":
                    writer.block()
                    writer.quoteDepth = max(0, writer.quoteDepth + (tag.isClosing ? -1 : 1))
                case "pre":
                    writer.block()
                    writer.preformatted = !tag.isClosing
                case "td", "th":
                    if !tag.isClosing { writer.text(" ") }
                case "a":
                    if tag.isClosing {
                        if let target = linkTarget, !linkText.isEmpty, target != linkText, target != "mailto:" + linkText {
                            writer.text(" (\(target))")
                        }
                        linkTarget = nil
                    } else if let href = tag.attributes["href"]?.trimmingWhitespaceScalars(),
                        ["http://", "https://", "mailto:"].contains(where: { href.lowercased().hasPrefix($0) })
                    {
                        linkTarget = href
                        linkText = ""
                        writer.linkText = ""
                    }
                case "img":
                    if let alt = tag.attributes["alt"]?.trimmingWhitespaceScalars(), !alt.isEmpty { writer.text("[\(alt)]") }
                case "div" where !tag.isClosing && (tag.attributes["class"] ?? "").split(separator: " ").contains("gmail_attr"):
                    writer.block()
                    writer.quoteDepth += 1
                    inAttribution = true
                case "div" where tag.isClosing && inAttribution:
                    writer.block()
                    writer.quoteDepth = max(0, writer.quoteDepth - 1)
                    inAttribution = false
                default:
                    if blocks.contains(tag.name) { writer.block() }
                }
                continue
            }
            if scalar == "&", let (decoded, length) = HTMLEntities.decode(scalars, at: index) {
                writer.text(decoded)
                index += length
            } else {
                writer.text(String(scalar))
                index += 1
            }
            if linkTarget != nil { linkText = writer.linkText.trimmingWhitespaceScalars() }
        }
        return writer.result()
    }

    static func starts(_ scalars: [Unicode.Scalar], at index: Int, with prefix: String) -> Bool {
        let wanted = Array(prefix.unicodeScalars)
        guard index + wanted.count <= scalars.count else { return false }
        return (0..<wanted.count).allSatisfy { scalars[index + $0] == wanted[$0] }
    }

    static func find(_ scalars: [Unicode.Scalar], _ needle: String, from start: Int, caseInsensitive: Bool = false)
        -> Int?
    {
        let wanted = Array((caseInsensitive ? needle.lowercased() : needle).unicodeScalars)
        guard wanted.count <= scalars.count else { return nil }
        var index = start
        while index + wanted.count <= scalars.count {
            if (0..<wanted.count).allSatisfy({
                let scalar = scalars[index + $0]
                let folded = caseInsensitive && ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
                return folded == wanted[$0]
            }) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The `>` that ends a tag, skipping quoted attribute values.
    static func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var quote: Unicode.Scalar?
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return index
            } else if scalar == "<" && index == start {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// A start or end tag: its lower-cased name and attributes.
    struct Tag {
        var name = ""
        var isClosing = false
        var attributes: [String: String] = [:]

        init(_ inside: String) {
            var text = Substring(inside)
            if text.hasPrefix("/") {
                isClosing = true
                text = text.dropFirst()
            }
            name = String(text.prefix { $0.isLetter || $0.isNumber || $0 == ":" }).lowercased()
            if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }  // o:p, v:shape
            text = text.dropFirst(name.count)
            while !text.isEmpty {
                text = text.drop { $0.isWhitespace || $0 == "/" }
                let key = String(text.prefix { !$0.isWhitespace && $0 != "=" && $0 != "/" }).lowercased()
                if key.isEmpty { break }
                text = text.dropFirst(key.count).drop { $0.isWhitespace }
                guard text.first == "=" else {
                    attributes[key] = ""
                    continue
                }
                text = text.dropFirst().drop { $0.isWhitespace }
                var value: Substring
                if let quote = text.first, quote == "\"" || quote == "'" {
                    value = text.dropFirst().prefix { $0 != quote }
                    text = text.dropFirst(value.count + 2)
                } else {
                    value = text.prefix { !$0.isWhitespace }
                    text = text.dropFirst(value.count)
                }
                attributes[key] = HTMLEntities.decodeAll(String(value))
            }
        }
    }

    /// Lines being written, with the blockquote depth of each.
    struct Writer {
        var lines: [String] = []
        var current = ""
        var currentDepth = 0
        var quoteDepth = 0
        var preformatted = false
        var pendingSpace = false
        var linkText = ""

        mutating func text(_ piece: String) {
            for character in piece {
                if preformatted {
                    if character == "\n" || character == "\r\n" { lineBreak() } else { append(character) }
                    continue
                }
                if character.isWhitespace && character != "\u{00A0}" {
                    pendingSpace = true
                } else {
                    if pendingSpace && !current.isEmpty { append(" ") }
                    pendingSpace = false
                    append(character == "\u{00A0}" ? " " : character)
                }
            }
        }

        mutating func append(_ character: Character) {
            if current.isEmpty { currentDepth = quoteDepth }
            current.append(character)
            linkText.append(character)
        }

        mutating func lineBreak() {
            lines.append(String(repeating: "> ", count: current.isEmpty ? quoteDepth : currentDepth) + current)
            current = ""
            pendingSpace = false
        }

        /// A block starts or ends: a new line unless one just began.
        mutating func block() {
            if !current.trimmingWhitespaceScalars().isEmpty {
                lineBreak()
            } else if !current.isEmpty {
                // Only a non-breaking space: Outlook's empty paragraph (`<p>&nbsp;</p>`), its
                // one way to leave a line between two paragraphs.
                current = ""
                lineBreak()
            } else {
                current = ""
            }
            pendingSpace = false
        }

        mutating func result() -> String {
            block()
            // At most one empty line in a row; none at the start or end.
            var out: [String] = []
            for line in lines.map({ String($0.reversed().drop { $0 == " " }.reversed()) }) {
                let bare = line.trimmingCharacters(in: "> ")
                if bare.isEmpty, let last = out.last, last.trimmingCharacters(in: "> ").isEmpty { continue }
                out.append(line)
            }
            while let first = out.first, first.trimmingCharacters(in: "> ").isEmpty { out.removeFirst() }
            while let last = out.last, last.trimmingCharacters(in: "> ").isEmpty { out.removeLast() }
            return out.joined(separator: "\n")
        }
    }
}
