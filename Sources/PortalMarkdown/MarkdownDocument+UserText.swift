import CCmarkGFM
import Glibc

/// What a ticket message may contain once rendered: cmark-gfm's safe mode (no raw HTML),
/// and on top of it an allowlist kept in the tree itself. HTML that people type or paste is
/// turned into text (shown, never dropped nor run); links keep only http, https and mailto
/// addresses; images become links to them, so no message loads anything from elsewhere.
extension MarkdownDocument {
    static let allowedSchemes = ["http:", "https:", "mailto:"]

    func confineToUserText() {
        var html: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        walk { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK: html.append(node)
            case CMARK_NODE_LINK: links.append(node)
            case CMARK_NODE_IMAGE: images.append(node)
            default: break
            }
        }
        for node in html { replaceHTMLWithText(node) }
        for node in images { links.append(replaceImageWithLink(node)) }
        for node in links {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            if !MarkdownDocument.isAllowedLink(url) { unwrap(node) }
        }
    }

    /// A link to an address of another kind (`javascript:`, a path) becomes its words: emptied,
    /// it was a link that went nowhere, drawn as one.
    private func unwrap(_ link: OpaquePointer) {
        while let child = cmark_node_first_child(link) {
            cmark_node_unlink(child)
            cmark_node_insert_before(link, child)
        }
        cmark_node_unlink(link)
        cmark_node_free(link)
    }

    static func isAllowedLink(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return allowedSchemes.contains { lowered.hasPrefix($0) }
    }

    private func replaceHTMLWithText(_ node: OpaquePointer) {
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE {
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, literal)
            cmark_node_replace(node, text)
        } else {
            // A block keeps its lines, as a paragraph of text with line breaks.
            let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
            let lines = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let kept = lines.last == "" ? Array(lines.dropLast()) : lines
            for (index, line) in kept.enumerated() {
                if index > 0 { cmark_node_append_child(paragraph, cmark_node_new(CMARK_NODE_LINEBREAK)!) }
                let text = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(text, line)
                cmark_node_append_child(paragraph, text)
            }
            cmark_node_replace(node, paragraph)
        }
        cmark_node_free(node)
    }

    private func replaceImageWithLink(_ image: OpaquePointer) -> OpaquePointer {
        let link = cmark_node_new(CMARK_NODE_LINK)!
        cmark_node_set_url(link, cmark_node_get_url(image))
        while let child = cmark_node_first_child(image) {
            cmark_node_unlink(child)
            cmark_node_append_child(link, child)
        }
        cmark_node_replace(image, link)
        cmark_node_free(image)
        return link
    }

    /// The text as a person reads it in a plain e-mail: no markup, paragraphs apart, list
    /// items with their bullet or number, a link's address after its text (`linkAddresses`).
    public func renderPlainText(linkAddresses: Bool = true) -> String {
        var links: [OpaquePointer] = []
        if linkAddresses { walk { node in if cmark_node_get_type(node) == CMARK_NODE_LINK { links.append(node) } } }
        for link in links {
            let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
            let text = MarkdownDocument.text(of: link)
            guard !url.isEmpty, url != text, url != "mailto:" + text, url != "http://" + text else { continue }
            let suffix = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(suffix, " (\(url))")
            cmark_node_insert_after(link, suffix)
        }
        guard let output = cmark_render_plaintext(root, options, 0) else { return "" }
        defer { free(output) }
        return String(cString: output)
    }
}

/// One-call handling of what customers and operators write (ticket messages): Markdown
/// rendered in safe mode with hard breaks and the allowlist above, or read as plain text.
public enum Markdown {
    public static func renderUserText(_ markdown: String) -> String {
        if let html = plainParagraph(markdown) { return html }
        return parsedUserText(markdown)
    }

    /// cmark-gfm's rendering, always: what `plainParagraph` must equal, and its tests' reference.
    static func parsedUserText(_ markdown: String) -> String {
        let document = MarkdownDocument(markdown, hardBreaks: true)
        document.confineToUserText()
        return document.renderHTML()
    }

    /// Most replies are a few lines of words ("Buongiorno, può indicarci la versione?"):
    /// nothing Markdown reads, so cmark's answer is known, one paragraph with a line break at
    /// each newline. Parsing it was a tenth of a ticket page (a parser, four extensions and a
    /// tree per message). Only text whose every line begins with a letter and holds letters
    /// (ASCII, or Latin-1's à è é ì ò ù…), digits, single spaces inside the line and
    /// `, . ; ? ! ( ) -` qualifies, and not "www." (an autolink); anything else, nil.
    static func plainParagraph(_ text: String) -> String? {
        var html: [UInt8] = []
        let plain: Bool = text.utf8.withContiguousStorageIfAvailable { bytes in
            html.reserveCapacity(bytes.count + 16)
            html.append(contentsOf: "<p>".utf8)
            var index = 0
            var lineStart = true
            while index < bytes.count {
                let byte = bytes[index]
                let isASCIILetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                // C3 80…C3 BF: U+00C0…U+00FF, Latin-1's letters (and × ÷), none of them space.
                let isLatinLetter = byte == 0xC3 && index + 1 < bytes.count && bytes[index + 1] & 0xC0 == 0x80
                if lineStart && !isASCIILetter && !isLatinLetter { return false }
                lineStart = false
                if isLatinLetter {
                    html.append(byte)
                    html.append(bytes[index + 1])
                    index += 2
                    continue
                }
                switch byte {
                case UInt8(ascii: "\n"):
                    guard bytes[index - 1] != UInt8(ascii: " ") else { return false }
                    html.append(contentsOf: "<br />\n".utf8)
                    lineStart = true
                case UInt8(ascii: " "):
                    guard bytes[index - 1] != UInt8(ascii: " ") else { return false }
                    html.append(byte)
                case UInt8(ascii: "."):
                    if index >= 3, bytes[index - 3] | 0x20 == UInt8(ascii: "w"), bytes[index - 2] | 0x20 == UInt8(ascii: "w"),
                        bytes[index - 1] | 0x20 == UInt8(ascii: "w")
                    {
                        return false
                    }
                    html.append(byte)
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "?"),
                    UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "-"):
                    html.append(byte)
                default:
                    guard isASCIILetter else { return false }
                    html.append(byte)
                }
                index += 1
            }
            // Empty, or ending in a space or a newline: cmark trims; left to it.
            return !lineStart && bytes[bytes.count - 1] != UInt8(ascii: " ")
        } ?? false
        guard plain else { return nil }
        html.append(contentsOf: "</p>\n".utf8)
        return String(decoding: html, as: UTF8.self)
    }

    /// Plain text typed where no editor ran (a browser without JavaScript, an e-mail) written
    /// as Markdown that shows exactly what was typed: every character with a meaning in
    /// Markdown is escaped with a backslash, and each web address becomes an autolink
    /// (`<https://…>`) that keeps it as written. Escaped like the rest, the autolink extension
    /// took the backslashes into the link: `a_b?x=1&y=2` opened `a%5C_b?x=1%5C&y=2`.
    public static func escapeTyped(_ text: String) -> String {
        escape(text, keepingAddresses: true)
    }

    /// Text written as Markdown that shows exactly it: for names and labels put inside
    /// Markdown of our own (a link's text), where an autolink would be a link in a link.
    public static func escape(_ text: String) -> String {
        escape(text, keepingAddresses: false)
    }

    /// By scalar over the bytes, not by `Character`: the grapheme walk, the character
    /// comparisons and appends cost about 1,400 instructions a character of every description
    /// typed without the editor. The rules are the characters' rules: an ASCII byte is a
    /// character of its own for what is escaped here (cmark reads bytes), and a line ends at
    /// CR, LF, CR LF, VT, FF, NEL or the Unicode line and paragraph separators, as
    /// `Character.isNewline` says.
    static func escape(_ text: String, keepingAddresses: Bool) -> String {
        let bytes = text.utf8
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        // What matters of this line so far, without its leading spaces: whether it has
        // begun, and whether it is all digits (then "." or ")" would start a list).
        var atStart = true
        var allDigits = true
        var index = bytes.startIndex
        var previous: Character?
        // A line's indentation (a configuration, a log's nesting), held until the line shows
        // it has words: Markdown drops a continued line's leading spaces and reads four as
        // code, and HTML folds a run of spaces into one. Written as no-break spaces, which
        // neither does; a line of spaces alone stays the blank line it was.
        var indent = 0
        func flushIndent() {
            for _ in 0..<indent { result.append(contentsOf: [0xC2, 0xA0]) }
            indent = 0
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if atStart && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) {
                indent += byte == UInt8(ascii: " ") ? 1 : 4
                previous = " "
                index = bytes.index(after: index)
                continue
            }
            if keepingAddresses, byte | 0x20 == UInt8(ascii: "h") || byte | 0x20 == UInt8(ascii: "f") || byte == UInt8(ascii: "w"),
                let (end, destination) = webAddress(in: text, from: index, after: previous)
            {
                flushIndent()
                let written = text[index..<end]
                // A www. address has no scheme for an autolink: a link whose text is as typed.
                let link = destination == written ? "<" + written + ">" : "[" + escape(String(written)) + "](<" + destination + ">)"
                result.append(contentsOf: link.utf8)
                previous = text[text.index(before: end)]
                index = end
                atStart = false
                allDigits = false
                continue
            }
            if byte < 0x80 {
                index = bytes.index(after: index)
                previous = Character(Unicode.Scalar(byte))
                if byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D {
                    if byte == 0x0D, index < bytes.endIndex, bytes[index] == 0x0A { index = bytes.index(after: index) }
                    result.append(0x0A)
                    atStart = true
                    allDigits = true
                    indent = 0
                    continue
                }
                flushIndent()
                // Spaces after a space in a line's middle: the columns of "porta  = 1433".
                if byte == UInt8(ascii: " ") && result.last == UInt8(ascii: " ") {
                    result.append(contentsOf: [0xC2, 0xA0])
                    continue
                }
                let startsList = !atStart && allDigits && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")"))
                if escapesAnywhere(byte) || (atStart && escapesAtLineStart(byte)) || startsList {
                    result.append(UInt8(ascii: "\\"))
                }
                result.append(byte)
                if !(atStart && byte == UInt8(ascii: " ")) {
                    atStart = false
                    allDigits = allDigits && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                }
                continue
            }
            let scalar = text.unicodeScalars[index]
            let next = text.unicodeScalars.index(after: index)
            previous = Character(scalar)
            if scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                result.append(0x0A)
                atStart = true
                allDigits = true
                indent = 0
            } else {
                flushIndent()
                result.append(contentsOf: bytes[index..<next])
                atStart = false
                allDigits = false
            }
            index = next
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// What Markdown reads as syntax wherever it stands: a switch on the byte, where
    /// `"\\`*_[]<>&~|#".contains(character)` compared the character with each of thirteen
    /// (about 1,300 instructions a character of every description and reply).
    static func escapesAnywhere(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "~"),
            UInt8(ascii: "|"), UInt8(ascii: "#"):
            true
        default: false
        }
    }

    /// What starts a list, a heading's underline or a rule at a line's start.
    static func escapesAtLineStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "=")
    }

    /// The web address starting at `start`, as cmark-gfm's autolink extension finds one, and
    /// where it goes: `http://`, `https://` or `ftp://` in any case, after anything but an
    /// ASCII letter (cmark reads letters before "://" as the scheme); `www.` after a space, the
    /// line's start or one of `*_~(`, with anything after it (cmark links "www._a" too). It
    /// ends at a space or an angle bracket, without trailing punctuation or a `)` it did not open.
    static func webAddress(in text: String, from start: String.Index, after previous: Character?)
        -> (end: String.Index, destination: String)?
    {
        let rest = text.utf8[start...]
        // Asked at every character of the text: only an h, f or w may start an address.
        guard let first = rest.first.map({ $0 | 0x20 }),
            first == UInt8(ascii: "h") || first == UInt8(ascii: "f") || first == UInt8(ascii: "w")
        else { return nil }
        func startsWith(_ prefix: String) -> Bool {
            rest.count >= prefix.utf8.count && zip(rest, prefix.utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
        }
        let scheme = ["https://", "http://", "ftp://"].first(where: startsWith)
        let isWWW = scheme == nil && rest.starts(with: "www.".utf8)
        guard scheme != nil || isWWW else { return nil }
        if let previous {
            if scheme != nil && previous.isASCII && previous.isLetter { return nil }
            if isWWW && !previous.isWhitespace && !"*_~(".contains(previous) { return nil }
        }
        let prefixLength = scheme?.utf8.count ?? 4
        var end = text.utf8.index(start, offsetBy: prefixLength)
        // What a CommonMark autolink may hold: no space, no control, no angle bracket.
        while end < text.utf8.endIndex {
            let byte = text.utf8[end]
            if byte <= 0x20 || byte == 0x7f || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") { break }
            if byte >= 0x80, let scalar = text.unicodeScalars[end...].first,
                scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            {
                break
            }
            end = text.utf8.index(after: end)
        }
        var address = text[start..<end]
        while let last = address.last {
            let opened = address.filter { $0 == "(" }.count
            let closed = address.filter { $0 == ")" }.count
            if "?!.,:;*_~'\"".contains(last) || (last == ")" && closed > opened) {
                address = address.dropLast()
            } else {
                break
            }
        }
        guard address.utf8.count > prefixLength else { return nil }
        if isWWW {
            return (address.endIndex, "http://" + address)
        }
        return (address.endIndex, String(address))
    }
}

/// Plain-text views of a message for e-mails and previews (lists, widgets).
public enum MessageText {
    /// What the page shows, as text: HTML typed in a message stays as typed (cmark's plain
    /// text leaves raw HTML out, so "usa il tag <br>" reached the e-mail as "usa il tag").
    public static func plain(_ markdown: String, linkAddresses: Bool = true) -> String {
        let document = MarkdownDocument(markdown, hardBreaks: true)
        document.confineToUserText()
        let text = document.renderPlainText(linkAddresses: linkAddresses).trimmingTrailingNewlines()
        // The indentation and the spaces `escapeTyped` kept as no-break spaces are spaces again
        // in an e-mail or a preview, as they were typed.
        guard text.utf8.contains(0xA0) else { return text }
        return String(text.map { $0 == "\u{00A0}" ? " " : $0 })
    }

    /// The first line of what a person reads, for a list's preview (links as their text); a
    /// greeting alone on its line ("Buongiorno,") is passed over for the line after it: most
    /// requests start with one, and a list of "Buongiorno," tells tickets apart by nothing.
    public static func firstLine(_ markdown: String) -> String {
        let text = plain(markdown, linkAddresses: false)
        // Line by line up to the first with something on it: splitting the whole text first
        // cost as much again as the first line's own work on a long message.
        var rest = Substring(text)
        var greeting: Substring?
        while !rest.isEmpty {
            let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
            let line = rest[..<end].drop { $0 == " " }
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
            guard !line.isEmpty else { continue }
            if greeting == nil && isGreeting(line) {
                greeting = line
                continue
            }
            return String(line.prefix(200))
        }
        return greeting.map { String($0.prefix(200)) } ?? ""
    }

    /// A salutation on a line of its own: a few words that open with a greeting and end with a
    /// comma ("Buongiorno,", "Gentile assistenza,", "Buongiorno, Giulia,"), a greeting and a
    /// name or "a tutti" ending with "!" ("Salve a tutti!", "Ciao Marco!"), or a greeting alone
    /// ("Salve"). Only greetings: "Da ieri mattina," is the request itself, and so is "Ciao non
    /// va niente!". Marks typed around it as text ("**Buongiorno,**") do not hide it.
    public static func isGreeting(_ line: Substring) -> Bool {
        let bare = line.trimmingSuffix { !$0.isLetter && $0 != "," && $0 != "!" && $0 != "." }
            .drop { !$0.isLetter }
        let trimmed = bare.trimmingSuffix { $0 == " " || $0 == "!" || $0 == "." || $0 == "," }
        let words = trimmed.lowercased().split(separator: " ")
        guard let first = words.first, words.count <= 5 else { return false }
        if words.count == 1 { return isOpening(first, next: nil) }
        guard isOpening(first, next: words[1]), let last = bare.last else { return false }
        // A sentence inside ("Buongiorno! La stampante…") is a request.
        guard !words.dropLast().contains(where: { $0.hasSuffix("!") || $0.hasSuffix(".") && !$0.hasPrefix("spett") }) else {
            return false
        }
        if last == "," { return true }
        // "!" closes greetings and exclamations alike: only a greeting's own words, or a name.
        let rest = words.dropFirst().map { $0.trimmingSuffix { $0 == "," } }
        return last == "!" && (rest.count == 1 || rest.allSatisfy { ["a", "tutti", "tutte", "voi"].contains(String($0)) })
    }

    static func isOpening(_ word: Substring, next: Substring?) -> Bool {
        let opening = word.trimmingSuffix { $0 == "," || $0 == "!" }
        return greetings.contains(String(opening)) || opening.hasPrefix("spett") || (opening == "alla" && next == "cortese")
    }

    static let greetings: Set<String> = [
        "buongiorno", "buonasera", "buondì", "salve", "ciao", "gentile", "gentili", "gentilissimi", "gentilissima",
        "gentilissimo", "egregi", "egregio", "cari", "caro", "cara", "spettabile",
    ]
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var copy = self
        while let last = copy.last, predicate(last) { copy.removeLast() }
        return copy
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var copy = self
        while copy.last?.isNewline == true { copy.removeLast() }
        return copy
    }
}
