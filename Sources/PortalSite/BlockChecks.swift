import PortalCore

/// Markdown mistakes that cmark-gfm publishes without a word, found on the page's lines: a
/// code fence never closed (the rest of the page became code: the privacy notice lost its
/// sections), a table whose separator row has another number of columns than its header (a
/// paragraph of `|`) or a row with more cells than the header (the extra cells dropped).
/// Lines are read without their list markers and `>`, so that a fence or a table in a list
/// item or a quotation is read as cmark-gfm reads it; an HTML comment is skipped whole.
/// Lenient where unsure: a refusal of valid Markdown blocks an admin, a missed one is what
/// was there before.
enum BlockChecks {
    static func check(_ page: SitePage) throws {
        func fail(_ index: Int, _ message: String) -> SiteError {
            SiteError(step: Text.SiteBuild.stepLoad, file: page.sourcePath, line: page.bodyLine + index, message: message)
        }
        let lines = page.markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fence: (character: Character, length: Int, line: Int)?
        var table: (columns: Int, quoted: Bool)?
        var inComment = false
        var previous: String?
        for (index, raw) in lines.enumerated() {
            let line = content(raw)
            if let open = fence {
                if let closing = fenceRun(line), closing.character == open.character, closing.length >= open.length,
                    closing.rest.allSatisfy(\.isWhitespace)
                {
                    fence = nil
                }
                continue
            }
            if inComment {
                if line.contains("-->") { inComment = false }
                previous = nil
                continue
            }
            if let opening = fenceRun(line), opening.character == "~" || !opening.rest.contains("`") {
                fence = (opening.character, opening.length, index)
                table = nil
                previous = nil
                continue
            }
            if line.hasPrefix("<!--") {
                inComment = !(line.dropFirst(4).contains("-->"))
                table = nil
                previous = nil
                continue
            }
            let trimmed = line.trimmingWhitespace()
            let indentedCode = raw.hasPrefix("    ") || raw.hasPrefix("\t")
            if trimmed.isEmpty || (indentedCode && table == nil && previous == nil) {
                table = nil
                previous = nil
                continue
            }
            if let current = table {
                // A table goes on to its first blank line or to another block's start (a
                // heading, a list item, a quotation of its own): a line without "|" is a row.
                if !startsBlock(raw, quoted: current.quoted) {
                    let cells = cellCount(trimmed)
                    if cells > current.columns { throw fail(index, Text.SiteBuild.tableRowTooLong(cells: cells, columns: current.columns)) }
                    continue
                }
                table = nil
            } else if let header = previous, header.contains("|"), trimmed.contains("|"), isDelimiterRow(trimmed) {
                let columns = cellCount(header), separators = cellCount(trimmed)
                guard columns == separators else {
                    throw fail(index, Text.SiteBuild.tableSeparator(columns: columns, separators: separators))
                }
                table = (columns, raw.trimmingWhitespace().hasPrefix(">"))
                previous = nil
                continue
            }
            previous = trimmed.hasPrefix("#") ? nil : trimmed
        }
        if let open = fence {
            throw fail(open.line, Text.SiteBuild.fenceNotClosed(String(repeating: open.character, count: open.length)))
        }
    }

    /// The line without its containers' markers: `>` of quotations and list items' `-`, `*`,
    /// `+`, `1.` or `1)`, each with the spaces after it.
    static func content(_ line: String) -> String {
        var rest = Substring(line)
        while true {
            let spaces = rest.prefix { $0 == " " }
            let body = rest.dropFirst(spaces.count)
            if body.hasPrefix(">") {
                rest = body.dropFirst().drop { $0 == " " }
                continue
            }
            if let marker = listMarker(body) {
                rest = body.dropFirst(marker).drop { $0 == " " }
                continue
            }
            return String(rest)
        }
    }

    /// The length of a list item's marker at the start of `text`, followed by a space.
    static func listMarker(_ text: Substring) -> Int? {
        if let first = text.first, first == "-" || first == "*" || first == "+", text.dropFirst().first == " " {
            // "---", "* * *" are thematic breaks, not items: only a marker and a space count.
            return 1
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count) else { return nil }
        let after = text.dropFirst(digits.count)
        guard let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " else { return nil }
        return digits.count + 1
    }

    /// Whether `raw` starts another block than a table's row: a heading, a list item, a fence,
    /// or a quotation when the table is not in one.
    static func startsBlock(_ raw: String, quoted: Bool) -> Bool {
        var text = Substring(raw).drop { $0 == " " }
        if text.hasPrefix(">") {
            if !quoted { return true }
            text = text.drop { $0 == ">" || $0 == " " }
        }
        return text.hasPrefix("#") || listMarker(text) != nil || fenceRun(String(text)) != nil
    }

    /// A code fence's run: three or more backticks or tildes after any indentation (a fence
    /// in a list item stands as deep as the item's text), and what follows.
    static func fenceRun(_ line: String) -> (character: Character, length: Int, rest: Substring)? {
        let body = Substring(line).drop { $0 == " " || $0 == "\t" }
        guard let first = body.first, first == "`" || first == "~" else { return nil }
        let run = body.prefix { $0 == first }
        guard run.count >= 3 else { return nil }
        return (first, run.count, body.dropFirst(run.count))
    }

    /// `| :--- | ---: |`: cells of dashes with optional colons, nothing else.
    static func isDelimiterRow(_ line: String) -> Bool {
        let cells = cells(line)
        return !cells.isEmpty && cells.allSatisfy { cell in
            var text = Substring(cell.trimmingWhitespace())
            if text.hasPrefix(":") { text = text.dropFirst() }
            if text.hasSuffix(":") { text = text.dropLast() }
            return !text.isEmpty && text.allSatisfy { $0 == "-" }
        }
    }

    static func cellCount(_ line: String) -> Int { cells(line).count }

    /// The cells of a table row: split at each `|` not escaped, the outer ones dropped.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.trimmingWhitespace() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        if cells.first?.trimmingWhitespace().isEmpty == true { cells.removeFirst() }
        if cells.count > 1, cells.last?.trimmingWhitespace().isEmpty == true { cells.removeLast() }
        return cells
    }
}
