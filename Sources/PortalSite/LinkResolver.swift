import PortalCore
import PortalMarkdown

/// Checks every link and image of a page against the source tree and turns links to `.md`
/// pages into `.html`. A missing file, a missing heading anchor or an image without an
/// alternative text fails the build with the file and the line.
struct LinkResolver {
    let knownFiles: Set<String>
    /// The heading anchors of every page, by source path.
    let anchors: [String: Set<String>]

    func resolve(_ link: MarkdownDocument.Link, from page: SitePage) throws -> String? {
        let url = link.url
        func fail(_ message: String) -> SiteError {
            SiteError(step: Text.SiteBuild.stepLinks, file: page.sourcePath, line: page.bodyLine + link.line - 1, message: message)
        }
        if link.isImage && link.text.trimmingCharacters().isEmpty {
            throw fail(Text.SiteBuild.imageWithoutText(url))
        }
        if url.hasPrefix("#") {
            guard anchors[page.sourcePath, default: []].contains(String(url.dropFirst())) else {
                throw fail(Text.SiteBuild.missingHeading(url))
            }
            return nil
        }
        // The pages' Content-Security-Policy loads images from the portal only.
        if link.isImage && (url.contains("://") || url.hasPrefix("//")) {
            throw fail(Text.SiteBuild.remoteImage(url))
        }
        if url.hasPrefix("/") && !url.hasPrefix("//") {
            try checkAbsolute(url, fail)
            return nil
        }
        if url.isEmpty || url.contains("://") || url.hasPrefix("mailto:") || url.hasPrefix("tel:") || url.hasPrefix("/") {
            return nil
        }
        let written = String(url.prefix { $0 != "#" && $0 != "?" })
        // "nuova%20pagina.md" names the file "nuova pagina.md", as a browser reads it.
        let pathPart = written.removingPercentEncoding ?? written
        let suffix = String(url.dropFirst(written.count))
        let target = Paths.normalize(page.folder.isEmpty ? pathPart : page.folder + "/" + pathPart)
        guard let target, knownFiles.contains(target) else { throw fail(missing(url, target: target, image: link.isImage)) }
        guard pathPart.hasSuffix(".md") else { return nil }
        if let hash = suffix.firstIndex(of: "#") {
            let fragment = String(suffix[suffix.index(after: hash)...])
            guard anchors[target, default: []].contains(fragment) else {
                throw fail(Text.SiteBuild.missingHeading(url, in: target))
            }
        }
        return String(written.dropLast(3)) + ".html" + suffix
    }

    /// Why a relative link names no file, with what to write instead: a page's `.html` and a
    /// folder exist once built, but the link is checked (and rewritten) by its source `.md`.
    func missing(_ url: String, target: String?, image: Bool) -> String {
        let scheme = url.prefix { $0 != ":" && $0 != "/" }
        if !scheme.isEmpty, url.dropFirst(scheme.count).hasPrefix(":"), scheme.allSatisfy(\.isLetter) {
            return Text.SiteBuild.unpublishedScheme(url)
        }
        if let target {
            // What to write keeps the link's own #heading or ?query after the page's name.
            let path = String(url.prefix { $0 != "#" && $0 != "?" })
            let suffix = url.dropFirst(path.count)
            if target.hasSuffix(".html"), knownFiles.contains(String(target.dropLast(5)) + ".md") {
                return Text.SiteBuild.linkToBuiltPage(url, write: "\(path.dropLast(5)).md\(suffix)")
            }
            let folder = target.hasSuffix("/") ? String(target.dropLast()) : target
            if knownFiles.contains(folder + "/index.md") {
                return Text.SiteBuild.linkToFolder(url, write: "\(path.hasSuffix("/") ? path : path + "/")index.md\(suffix)")
            }
        }
        return image ? Text.SiteBuild.missingImage(url) : Text.SiteBuild.missingFile(url)
    }

    /// An absolute link must name a file, a page (and its heading) or a folder with its
    /// `index.md` of the site, or an address the handlers answer (`/login`, `/ticket/nuovo`:
    /// the part after a handler's prefix is not the site's to check). `/privacy`, `/dashbord`
    /// were published without a word and answered 404.
    func checkAbsolute(_ url: String, _ fail: (String) -> SiteError) throws {
        if let problem = absoluteProblem(url) { throw fail(problem) }
    }

    /// Why the absolute `url` leads nowhere, or nil.
    func absoluteProblem(_ url: String) -> String? {
        let written = String(url.dropFirst().prefix { $0 != "#" && $0 != "?" })
        // As a browser reads it: "/ticket/../logout" is "/logout".
        let decoded = written.removingPercentEncoding ?? written
        guard let normalized = Paths.normalize(decoded) ?? (decoded.isEmpty ? "" : nil) else { return Text.SiteBuild.missingTarget(url) }
        let path = decoded.hasSuffix("/") && !normalized.isEmpty && !normalized.hasSuffix("/") ? normalized + "/" : normalized
        // nginx serves the error pages to nobody by their address (internal).
        if path.hasPrefix("errors/") { return Text.SiteBuild.missingTarget(url) }
        if path.hasSuffix(".md") { return Text.SiteBuild.absoluteLink(url) }
        let folders = Set(knownFiles.compactMap { file in file.firstIndex(of: "/").map { String(file[..<$0]) } })
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        if !folders.contains(first) && !path.hasSuffix(".html") {
            if knownFiles.contains(path) || SiteBuilder.generatedPaths.contains(path) || PageChecks.isPortalAddress("/" + path) {
                return nil
            }
            if knownFiles.contains(path + ".md") {
                return Text.SiteBuild.pageWithoutSuffix(url, write: "/\(path).html\(url.dropFirst(1 + written.count))")
            }
            return Text.SiteBuild.missingTarget(url)
        }
        var page: String?
        if path.hasSuffix("/") || folders.contains(path) {
            page = (path.hasSuffix("/") ? path : path + "/") + "index.md"
        } else if path.hasSuffix(".html") {
            page = String(path.dropLast(5)) + ".md"
        }
        let exists = knownFiles.contains(path) || SiteBuilder.generatedPaths.contains(path) || page.map(knownFiles.contains) == true
        guard exists else { return Text.SiteBuild.missingTarget(url) }
        if let page, knownFiles.contains(page), let hash = url.firstIndex(of: "#") {
            let fragment = String(url[url.index(after: hash)...])
            guard anchors[page, default: []].contains(fragment) else { return Text.SiteBuild.missingHeading(url, in: page) }
        }
        return nil
    }
}
