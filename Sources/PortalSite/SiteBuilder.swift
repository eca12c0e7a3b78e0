import Foundation
import PortalCore
import PortalHTML
import PortalMarkdown

/// The static site: `site/` (Markdown with front matter, assets) → the folder nginx serves.
/// A pipeline of named steps; a failure names the step, the file and the line.
public struct SiteBuilder {
    public let source: String
    public let output: String

    public init(source: String, output: String) {
        self.source = source
        self.output = output
    }

    public struct Report: Sendable {
        public let pages: Int
        public let assets: Int
    }

    public func build() throws -> Report {
        let files = try listFiles()
        let assets = try copyAssets(files.filter { !$0.hasSuffix(".md") })
        let pages = try files.filter { $0.hasSuffix(".md") }.map(load)
        let known = Set(files)
        for page in pages {
            let html = try render(page, in: pages, knownFiles: known, assets: assets)
            try write(html, to: page.outputPath)
        }
        for errorPage in ErrorPages.all { try write(errorPage.render(stylesheet: assets.url("assets/portal.css")), to: errorPage.path) }
        return Report(pages: pages.count, assets: assets.count)
    }

    // MARK: load

    func listFiles() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: source) else {
            throw SiteError(step: "load", file: source, line: nil, message: "source folder not found")
        }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = source + "/" + path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            files.append(path)
        }
        return files.sorted()
    }

    func load(_ path: String) throws -> SitePage {
        guard let data = FileManager.default.contents(atPath: source + "/" + path),
            let text = String(data: data, encoding: .utf8)
        else { throw SiteError(step: "load", file: path, line: nil, message: "not readable as UTF-8") }
        let (frontMatter, body, line) = try FrontMatter.parse(text, file: path)
        return SitePage(sourcePath: path, frontMatter: frontMatter, markdown: body, bodyLine: line)
    }

    // MARK: assets

    /// Copies every non-Markdown file; CSS, JS and SVG also get a fingerprinted copy
    /// (`portal.3f2a9c1b.css`) that nginx may cache for a year.
    func copyAssets(_ paths: [String]) throws -> AssetMap {
        var map = AssetMap()
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: source + "/" + path))
            try write(data, to: path)
            if let dot = path.lastIndex(of: "."), ["css", "js", "svg"].contains(path[path.index(after: dot)...]) {
                let fingerprint = Fingerprint.of(data)
                let fingerprinted = String(path[..<dot]) + "." + fingerprint + String(path[dot...])
                try write(data, to: fingerprinted)
                map.fingerprinted[path] = fingerprinted
            }
            map.count += 1
        }
        return map
    }

    // MARK: render

    func render(_ page: SitePage, in pages: [SitePage], knownFiles: Set<String>, assets: AssetMap) throws -> String {
        let document = MarkdownDocument(page.markdown)
        try document.rewriteLinks { link in
            try resolve(link, from: page, knownFiles: knownFiles)
        }
        let headings = document.headings().filter { $0.level == 2 || $0.level == 3 }
        let article = HeadingAnchors.add(to: document.renderHTML(), headings: headings)
        let siblings = pages.filter { $0.folder == page.folder }.sorted {
            ($0.frontMatter.order, $0.sourcePath) < ($1.frontMatter.order, $1.sourcePath)
        }
        var layout = DocsLayout(source: page, siblings: siblings, headings: headings, article: article).makePage()
        layout.stylesheet = assets.url("assets/portal.css")
        return layout.render()
    }

    /// Relative links to `.md` pages become `.html`; a link or image to a missing file fails the build.
    func resolve(_ link: MarkdownDocument.Link, from page: SitePage, knownFiles: Set<String>) throws -> String? {
        let url = link.url
        if url.isEmpty || url.hasPrefix("#") || url.contains("://") || url.hasPrefix("mailto:") || url.hasPrefix("/") {
            return nil
        }
        let pathPart = String(url.prefix { $0 != "#" && $0 != "?" })
        let suffix = String(url.dropFirst(pathPart.count))
        let target = Paths.normalize(page.folder.isEmpty ? pathPart : page.folder + "/" + pathPart)
        guard let target, knownFiles.contains(target) else {
            throw SiteError(
                step: "links", file: page.sourcePath, line: page.bodyLine + link.line - 1,
                message: "\(link.isImage ? "image" : "link") to a missing file: \(url)")
        }
        if pathPart.hasSuffix(".md") { return String(pathPart.dropLast(3)) + ".html" + suffix }
        return nil
    }

    // MARK: write

    func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    func write(_ data: Data, to path: String) throws {
        let full = output + "/" + path
        do {
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: full), options: .atomic)
        } catch {
            throw SiteError(step: "write", file: full, line: nil, message: "\(error)")
        }
    }
}

struct AssetMap {
    var fingerprinted: [String: String] = [:]
    var count = 0

    func url(_ path: String) -> String { "/" + (fingerprinted[path] ?? path) }
}

enum Paths {
    /// Resolves `.` and `..`; nil when the path climbs out of the site.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}

enum Fingerprint {
    /// FNV-1a 64: a cache-busting name, not a security property.
    static func of(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(String(hash, radix: 16).suffix(8))
    }
}
