import Foundation
import PortalCore
import PortalHTML
import PortalMarkdown

/// The static site: `site/` (Markdown with front matter, assets) → the folder nginx serves.
/// A pipeline of named steps (load, assets, links, render, search, app, write); a failure
/// names the step, the file and the line, and leaves the served folder untouched.
public struct SiteBuilder {
    public let source: String
    public let output: String
    /// Names, contacts, logo and colours of this installation (`SiteBranding`).
    public var branding: Branding

    /// The site's addresses the portal links to (`SiteLinks`, as `portal-admin` sets them):
    /// each must still be there.
    public var portalLinks: [String]

    public init(source: String, output: String, branding: Branding = .current, portalLinks: [String] = []) {
        self.source = source
        self.output = output
        self.branding = branding
        self.portalLinks = portalLinks
    }

    public struct Report: Sendable {
        public let pages: Int
        public let assets: Int
        public let milliseconds: Int

        /// What `site build` and `site watch` print.
        public var summary: String { Text.SiteBuild.built(pages: pages, assets: assets, milliseconds: milliseconds) }
    }

    /// A page with its parsed Markdown and its headings' anchors (every level from 2: a link
    /// to a level-4 heading was refused as "a heading that does not exist").
    struct ParsedPage {
        let page: SitePage
        let document: MarkdownDocument
        let headings: [MarkdownDocument.Heading]
        let anchors: [String]

        /// The table of contents: levels 2 and 3.
        var toc: [(MarkdownDocument.Heading, String)] { zip(headings, anchors).filter { $0.0.level <= 3 } }
    }

    /// The files the build writes itself: a page of the same name would be lost behind them.
    static var generatedPaths: Set<String> {
        Set([SearchPage.path, SearchIndex.path, OfflinePage.path, WebManifest.path, ServiceWorkerFile.path]
            + ErrorPages.all.flatMap { [$0.path, $0.jsonPath] })
    }

    public func build() throws -> Report {
        let start = Date()
        try checkOutputFolder()
        let files = try listFiles()
        var output = SiteOutput()
        let assets = try copyAssets(files.filter { !$0.hasSuffix(".md") && $0 != ServiceWorkerFile.path }, into: &output)
        let pages = try files.filter { $0.hasSuffix(".md") }.map(load).map(parse)
        let taken = SiteBuilder.generatedPaths.union(output.paths)
        for parsed in pages where taken.contains(parsed.page.outputPath) {
            throw SiteError(
                step: Text.SiteBuild.stepLoad, file: parsed.page.sourcePath, line: nil,
                message: Text.SiteBuild.pathTaken(parsed.page.outputPath))
        }
        try PageChecks.check(pages.map(\.page))
        let site = SiteMap(pages: pages.map(\.page))
        let resolver = LinkResolver(
            knownFiles: Set(files),
            anchors: Dictionary(uniqueKeysWithValues: pages.map { ($0.page.sourcePath, Set($0.anchors)) }))
        try checkPortalLinks(resolver)
        var entries: [SearchIndex.Entry] = []
        for parsed in pages {
            try parsed.document.rewriteLinks { try resolver.resolve($0, from: parsed.page) }
            output.add(parsed.page.outputPath, render(parsed, site: site, assets: assets))
            entries.append(
                SearchIndex.Entry(
                    page: parsed.page, section: site.section(of: parsed.page)?.title ?? "",
                    headings: parsed.toc.map { ($0.0.text, $0.1) },
                    text: DataTable.searchText(parsed.document.plainText, tables: parsed.page.tables)))
        }
        output.add(SearchPage.path, SearchPage.render(site: site, assets: assets))
        output.add(SearchIndex.path, SearchIndex.json(entries))
        output.add(OfflinePage.path, OfflinePage.render(assets: assets))
        for errorPage in ErrorPages.all {
            output.add(errorPage.path, errorPage.render(assets: assets))
            output.add(errorPage.jsonPath, errorPage.json())
        }
        output.add(WebManifest.path, WebManifest.json(knownFiles: Set(files)))
        if files.contains(ServiceWorkerFile.path) { try addServiceWorker(to: &output) }
        try output.write(to: self.output)
        return Report(
            pages: output.paths.filter { $0.hasSuffix(".html") }.count, assets: assets.count,
            milliseconds: Int(Date().timeIntervalSince(start) * 1000))
    }

    func checkPortalLinks(_ resolver: LinkResolver) throws {
        for link in portalLinks {
            guard let problem = resolver.absoluteProblem("/" + link) else { continue }
            let path = String(link.prefix { $0 != "#" })
            let file = path.hasSuffix("/") ? path + "index.md" : path.hasSuffix(".html") ? String(path.dropLast(5)) + ".md" : path
            throw SiteError(
                step: Text.SiteBuild.stepLinks, file: file, line: nil,
                message: Text.SiteBuild.portalLinkMissing("/" + link, problem: problem))
        }
    }

    // MARK: load

    func listFiles() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: source) else {
            throw SiteError(step: Text.SiteBuild.stepLoad, file: source, line: nil, message: Text.SiteBuild.sourceMissing)
        }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = source + "/" + path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasSuffix("~") }) { continue }
            // A link to a file elsewhere on the server would publish it (a table or an asset).
            guard isInsideSource(path) else {
                throw SiteError(step: Text.SiteBuild.stepLoad, file: path, line: nil, message: Text.SiteBuild.linkOutside)
            }
            // Published as a raw file, the page would silently be no page.
            let fileExtension = Paths.fileExtension(path)
            if ["md", "markdown"].contains(fileExtension.lowercased()) && fileExtension != "md" {
                throw SiteError(step: Text.SiteBuild.stepLoad, file: path, line: nil, message: Text.SiteBuild.markdownSuffix)
            }
            // Every other file is published and precached: an editor's notes in a .txt beside
            // a page were served to anyone.
            guard SiteBuilder.publishedExtensions.contains(fileExtension.lowercased()) else {
                throw SiteError(step: Text.SiteBuild.stepLoad, file: path, line: nil, message: Text.SiteBuild.fileNotPublished(path))
            }
            files.append(path)
        }
        return files.sorted()
    }

    /// What the site may hold: pages, their images and documents, the tables' CSV, the
    /// stylesheets, scripts and fonts.
    static let publishedExtensions: Set<String> = [
        "md", "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "pdf", "csv", "css", "js", "woff", "woff2", "ttf", "otf",
    ]

    /// The path with every link followed (the nearest existing folder's, for one not made yet).
    static func realPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else { return path }
        return realPath(parent) + "/" + (path as NSString).lastPathComponent
    }

    /// Whether the file, links followed, is within the site's folder.
    func isInsideSource(_ relative: String) -> Bool {
        let root = SiteBuilder.realPath(source)
        let real = SiteBuilder.realPath(source + "/" + relative)
        return real.hasPrefix(root + "/")
    }

    /// An output folder inside the sources would be read back as sources at the next build
    /// (and nest itself again at each one), links followed.
    func checkOutputFolder() throws {
        let source = SiteBuilder.realPath(self.source)
        let output = SiteBuilder.realPath(self.output)
        if output == source || output.hasPrefix(source + "/") {
            throw SiteError(step: Text.SiteBuild.stepLoad, file: self.output, line: nil, message: Text.SiteBuild.outputInsideSource)
        }
    }

    func load(_ path: String) throws -> SitePage {
        guard let data = FileManager.default.contents(atPath: source + "/" + path),
            let text = String(data: data, encoding: .utf8)
        else { throw SiteError(step: Text.SiteBuild.stepLoad, file: path, line: nil, message: Text.SiteBuild.notUTF8) }
        let (frontMatter, body, line) = try FrontMatter.parse(SiteBranding.apply(branding, to: text), file: path)
        var page = SitePage(sourcePath: path, frontMatter: frontMatter, markdown: body, bodyLine: line)
        page.tables = try DataTable.tables(of: page) { table in
            guard isInsideSource(table) else { return nil }
            return FileManager.default.contents(atPath: source + "/" + table).map { String(decoding: $0, as: UTF8.self) }
        }
        return page
    }

    func parse(_ page: SitePage) throws -> ParsedPage {
        let document = MarkdownDocument(page.markdown)
        // Dropped by the safe renderer: said, not lost unseen.
        if let line = document.rawHTMLLines().first {
            throw SiteError(
                step: Text.SiteBuild.stepLoad, file: page.sourcePath, line: page.bodyLine + line - 1,
                message: Text.SiteBuild.htmlNotAllowed)
        }
        let all = document.headings()
        // The page's title is its h1, from the front matter: a second one beside it said nothing.
        if let first = all.first(where: { $0.level == 1 }) {
            throw SiteError(
                step: Text.SiteBuild.stepLoad, file: page.sourcePath, line: page.bodyLine + first.line - 1,
                message: Text.SiteBuild.levelOneHeading)
        }
        let headings = all.filter { $0.level >= 2 }
        return ParsedPage(page: page, document: document, headings: headings, anchors: HeadingAnchors.anchors(for: headings))
    }

    // MARK: assets

    /// Copies every non-Markdown file; CSS, JS and SVG also get a fingerprinted copy
    /// (`portal.3f2a9c1b.css`) that nginx lets browsers cache for a year.
    func copyAssets(_ paths: [String], into output: inout SiteOutput) throws -> AssetMap {
        var map = AssetMap()
        for path in paths {
            guard var data = FileManager.default.contents(atPath: source + "/" + path) else {
                throw SiteError(step: Text.SiteBuild.stepAssets, file: path, line: nil, message: Text.SiteBuild.unreadable)
            }
            if path == "assets/portal.css" { data.append(contentsOf: Array(branding.stylesheet.utf8)) }
            if path == branding.logoAsset, let logo = branding.logoPath { data = try configuredLogo(logo) }
            output.add(path, data)
            if AssetMap.fingerprintedExtensions.contains(Paths.fileExtension(path)), let dot = path.lastIndex(of: ".") {
                let fingerprinted = String(path[..<dot]) + "." + Fingerprint.of(data) + String(path[dot...])
                output.add(fingerprinted, data)
                map.fingerprinted[path] = fingerprinted
            }
            map.count += 1
        }
        // A PNG logo has no file of the same name among the sources.
        if let logo = branding.logoPath, !paths.contains(branding.logoAsset) {
            output.add(branding.logoAsset, try configuredLogo(logo))
            map.count += 1
        }
        return map
    }

    func configuredLogo(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SiteError(step: Text.SiteBuild.stepAssets, file: path, line: nil, message: Text.SiteBuild.logoUnreadable)
        }
        return data
    }

    // MARK: render

    func render(_ parsed: ParsedPage, site: SiteMap, assets: AssetMap) -> String {
        let page = parsed.page
        let article = DataTable.insert(
            page.tables, into: HeadingAnchors.add(to: parsed.document.renderHTML(), headings: parsed.headings, anchors: parsed.anchors))
        let layout = DocsLayout(outputPath: page.outputPath, site: site, assets: assets)
        return layout.page(
            title: page.frontMatter.title, description: page.frontMatter.description,
            toc: parsed.toc, pager: site.neighbours(of: page)
        ) {
            el("article", ["class": "prose"]) {
                el("h1", ["class": "page-title"]) { page.frontMatter.title }
                Node.trusted(TrustedHTML(article))
            }
        }.render()
    }

    // MARK: app

    /// The service worker's version is a fingerprint of everything else the build wrote, so
    /// any change to the site makes browsers fetch it anew.
    func addServiceWorker(to output: inout SiteOutput) throws {
        guard let data = FileManager.default.contents(atPath: source + "/" + ServiceWorkerFile.path),
            let template = String(data: data, encoding: .utf8)
        else { throw SiteError(step: Text.SiteBuild.stepServiceWorker, file: ServiceWorkerFile.path, line: nil, message: Text.SiteBuild.unreadable) }
        let paths = output.paths
        let version = Fingerprint.of(paths.map { $0 + ":" + Fingerprint.of(output.files[$0]!) }.joined(separator: "\n"))
        let lists = ServiceWorkerFile.lists(of: paths)
        output.add(
            ServiceWorkerFile.path,
            try ServiceWorkerFile.render(template: template, version: version, precache: lists.precache, lazy: lists.lazy))
    }
}
