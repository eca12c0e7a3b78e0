import PortalCore

/// Markdown mistakes that cmark-gfm publishes without a word, found on the page's lines: a
/// code fence never closed (the rest of the page became code: the privacy notice lost its
/// sections), a table whose separator row has another number of columns than its header (a
/// paragraph of `|`) or a row with more cells than the header (the extra cells dropped).
enum BlockChecks {
    static func check(_ page: SitePage) throws {
        func fail(_ index: Int, _ message: String) -> SiteError {
            SiteError(step: Text.SiteBuild.stepLoad, file: page.sourcePath, line: page.bodyLine + index, message: message)
        }
        let lines = page.markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fence: (character: Character, length: Int, line: Int)?
        var table: (columns: Int, line: Int)?
        var previous: String?
        for (index, line) in lines.enumerated() {
            if let open = fence {
                if let closing = fenceRun(line), closing.character == open.character, closing.length >= open.length,
                    closing.rest.allSatisfy(\.isWhitespace)
                {
                    fence = nil
                }
                previous = nil
                continue
            }
            if let opening = fenceRun(line), opening.character == "~" || !opening.rest.contains("`") {
                fence = (opening.character, opening.length, index)
                table = nil
                previous = nil
                continue
            }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || line.hasPrefix("    ") || line.hasPrefix("\t") {
                table = nil
                previous = trimmed.isEmpty ? nil : previous
                continue
            }
            if let current = table {
                // A table goes on to the first blank line: a line without "|" is a row too.
                let cells = cellCount(trimmed)
                if cells > current.columns { throw fail(index, Text.SiteBuild.tableRowTooLong(cells: cells, columns: current.columns)) }
                continue
            } else if let header = previous, header.contains("|"), trimmed.contains("|"), isDelimiterRow(trimmed) {
                let columns = cellCount(header), separators = cellCount(trimmed)
                guard columns == separators else {
                    throw fail(index, Text.SiteBuild.tableSeparator(columns: columns, separators: separators))
                }
                table = (columns, index)
                continue
            }
            previous = trimmed
        }
        if let open = fence {
            throw fail(open.line, Text.SiteBuild.fenceNotClosed(String(repeating: open.character, count: open.length)))
        }
    }

    /// A code fence's run: up to three spaces, then three or more backticks or tildes, and what follows.
    static func fenceRun(_ line: String) -> (character: Character, length: Int, rest: Substring)? {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return nil }
        let body = line.dropFirst(indent.count)
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
