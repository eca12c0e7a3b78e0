/// One Markdown source of the site, loaded and with its front matter read.
struct SitePage {
    /// Relative to the source folder, e.g. `manuale/accesso.md`.
    let sourcePath: String
    let frontMatter: FrontMatter
    let markdown: String
    let bodyLine: Int
    /// The data tables its `{{ tabella … }}` lines name (DataTable), read at load.
    var tables: [String: [[String]]] = [:]

    /// `manuale/accesso.md` → `manuale/accesso.html`.
    var outputPath: String { String(sourcePath.dropLast(3)) + ".html" }
    var folder: String {
        guard let slash = sourcePath.lastIndex(of: "/") else { return "" }
        return String(sourcePath[..<slash])
    }
    var isFolderIndex: Bool { sourcePath == "index.md" || sourcePath.hasSuffix("/index.md") }
}
