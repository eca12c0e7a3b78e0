import PortalCore

/// The `---` block at the top of a page: `key: value` lines. `title` is required;
/// `section` names the sidebar group of a folder (on its `index.md`).
public struct FrontMatter: Sendable, Equatable {
    public static let keys = ["title", "order", "description", "section"]

    public var title: String
    public var order: Int
    public var description: String?
    public var section: String?

    /// Splits the front matter from the Markdown. Returns the body and the line where it starts.
    public static func parse(_ text: String, file: String) throws -> (FrontMatter, body: String, bodyLine: Int) {
        // "\r\n" is one Character in Swift: splitting on "\n" alone would leave a CRLF file in one piece.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        // "--- " with an editor's trailing space is the same delimiter.
        let isDelimiter = { (line: String) in line.trimmingCharacters() == "---" }
        guard let first = lines.first, isDelimiter(first) else {
            throw SiteError(step: Text.SiteBuild.stepFrontMatter, file: file, line: 1, message: Text.SiteBuild.frontMatterMissing)
        }
        guard let end = lines.dropFirst().firstIndex(where: isDelimiter) else {
            throw SiteError(step: Text.SiteBuild.stepFrontMatter, file: file, line: 1, message: Text.SiteBuild.frontMatterOpen)
        }
        var values: [String: String] = [:]
        for index in 1..<end {
            let line = lines[index]
            if line.trimmingCharacters().isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw SiteError(step: Text.SiteBuild.stepFrontMatter, file: file, line: index + 1, message: Text.SiteBuild.frontMatterLine)
            }
            let key = line[..<colon].trimmingCharacters()
            guard FrontMatter.keys.contains(key) else {
                throw SiteError(step: Text.SiteBuild.stepFrontMatter, file: file, line: index + 1, message: Text.SiteBuild.unknownKey(key))
            }
            guard values[key] == nil else {
                throw SiteError(step: Text.SiteBuild.stepFrontMatter, file: file, line: index + 1, message: Text.SiteBuild.keyTwice(key))
            }
            values[key] = FrontMatter.unquoted(line[line.index(after: colon)...].trimmingCharacters())
        }
        guard let title = values["title"], !title.isEmpty else {
            throw SiteError(step: Text.SiteBuild.stepFrontMatter, file: file, line: 1, message: Text.SiteBuild.titleRequired)
        }
        var order = 100
        if let text = values["order"] {
            guard let number = Int(text) else {
                let line = (1..<end).first { lines[$0].hasPrefix("order") }.map { $0 + 1 }
                throw SiteError(step: Text.SiteBuild.stepFrontMatter, file: file, line: line, message: Text.SiteBuild.orderNotNumber)
            }
            order = number
        }
        let body = lines[(end + 1)...].joined(separator: "\n")
        let frontMatter = FrontMatter(title: title, order: order, description: values["description"], section: values["section"])
        return (frontMatter, body, end + 2)
    }
}

extension FrontMatter {
    /// `title: "Accesso al portale"`, as YAML writes it: the quotes are not part of the title
    /// (they were published with it).
    static func unquoted(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
