import Foundation
import PortalCore
import PortalHTML

/// A table kept as data beside the pages and shown where a page has, on a line of its own,
/// `{{ tabella nome.csv }}` (the path relative to the page). The file's first line holds the
/// headings; cells are split at commas, without quoting, so a cell never holds a comma. The
/// browser tests write `site/browser-tests.csv` and `browser.md` shows it: the page states
/// what the last test run found, not what someone typed.
///
/// The files are read and checked when the page loads; the table goes into the rendered page
/// in place of the line's paragraph, so the Markdown keeps its lines for the errors that name one.
enum DataTable {
    static let prefix = "{{ tabella "
    static let suffix = " }}"

    /// The tables a page names, by name, as rows of cells (the headings first). `read` gives
    /// a file's text by its path relative to the source folder, nil when it is missing.
    static func tables(of page: SitePage, read: (String) -> String?) throws -> [String: [[String]]] {
        guard page.markdown.contains(prefix) else { return [:] }
        var tables: [String: [[String]]] = [:]
        let lines = page.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var fenced = false
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // Inside a code block the line is shown as written, never replaced.
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fenced.toggle() }
            guard !fenced, trimmed.hasPrefix(prefix), trimmed.hasSuffix(suffix) else { continue }
            let name = String(trimmed.dropFirst(prefix.count).dropLast(suffix.count))
            let failure = { (message: String) in
                SiteError(step: Text.SiteBuild.stepLoad, file: page.sourcePath, line: page.bodyLine + index, message: message)
            }
            // Within a paragraph the line was shown as typed while its words went to the search.
            let blank = { (at: Int) in !lines.indices.contains(at) || lines[at].allSatisfy(\.isWhitespace) }
            guard blank(index - 1), blank(index + 1) else {
                throw failure(Text.SiteBuild.tableLineAlone)
            }
            // Only a .csv file of the site itself: the line once published any file the
            // build could read ("../../var/mail-reply.key" became a table's heading).
            guard Paths.fileExtension(name).lowercased() == "csv",
                let path = Paths.normalize(page.folder.isEmpty ? name : page.folder + "/" + name), !name.hasPrefix("/")
            else { throw failure(Text.SiteBuild.tableNotCSV(name)) }
            guard let text = read(path) else {
                throw failure(Text.SiteBuild.tableMissing(name))
            }
            tables[name] = try rows(csv: text, name: name, failure: failure)
        }
        return tables
    }

    static func rows(csv: String, name: String, failure: (String) -> SiteError) throws -> [[String]] {
        let rows = csv.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
        guard let headings = rows.first else { throw failure(Text.SiteBuild.tableEmpty(name)) }
        if let row = rows.firstIndex(where: { $0.count != headings.count }) {
            throw failure(Text.SiteBuild.tableCells(name, line: row + 1, cells: rows[row].count, headings: headings.count))
        }
        return rows
    }

    /// The page's text for the search index, each table's line replaced by its cells: the
    /// placeholder showed as an excerpt, and the table's words found nothing.
    static func searchText(_ text: String, tables: [String: [[String]]]) -> String {
        var result = text
        for (name, rows) in tables {
            result = result.replacingOccurrences(of: prefix + name + suffix, with: rows.map { $0.joined(separator: " ") }.joined(separator: " "))
        }
        return result
    }

    /// The rendered article with each table line's paragraph replaced by its table.
    static func insert(_ tables: [String: [[String]]], into article: String) -> String {
        var html = article
        for (name, rows) in tables {
            // cmark escapes the line's text: the paragraph is found as it renders the name.
            let line = "<p>" + Escape.text(prefix + name + suffix) + "</p>"
            html = html.replacingOccurrences(of: line, with: table(rows).html)
        }
        return html
    }

    static func table(_ rows: [[String]]) -> Node {
        el("table") {
            el("thead") { el("tr") { for heading in rows[0] { el("th", ["scope": "col"]) { heading } } } }
            el("tbody") {
                for row in rows.dropFirst() { el("tr") { for cell in row { el("td") { cell } } } }
            }
        }
    }
}
