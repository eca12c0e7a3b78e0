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
            SiteError(step: "links", file: page.sourcePath, line: page.bodyLine + link.line - 1, message: message)
        }
        if link.isImage && link.text.trimmingCharacters().isEmpty {
            throw fail("image without an alternative text: \(url) (write it between the brackets: ![Login](\(url)))")
        }
        if url.hasPrefix("#") {
            guard anchors[page.sourcePath, default: []].contains(String(url.dropFirst())) else {
                throw fail("link to a missing heading: \(url)")
            }
            return nil
        }
        // The pages' Content-Security-Policy loads images from the portal only.
        if link.isImage && (url.contains("://") || url.hasPrefix("//")) {
            throw fail("image from another site: \(url) (copy it into the site folder and link the file)")
        }
        if url.hasPrefix("/") && !url.hasPrefix("//") {
            // The portal's own addresses (/login) are not the site's to check; its pages are.
            let pathPart = String(url.dropFirst().prefix { $0 != "#" && $0 != "?" })
            if pathPart.hasSuffix(".md") {
                throw fail("absolute link to a page: \(url) (write it relative to this page, e.g. ../manuale/accesso.md)")
            }
            if pathPart.hasSuffix(".html"), !knownFiles.contains(pathPart), !knownFiles.contains(String(pathPart.dropLast(5)) + ".md"),
                !SiteBuilder.generatedPaths.contains(pathPart)
            {
                throw fail("link to a missing page: \(url)")
            }
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
        guard let target, knownFiles.contains(target) else {
            throw fail("\(link.isImage ? "image" : "link") to a missing file: \(url)")
        }
        guard pathPart.hasSuffix(".md") else { return nil }
        if let hash = suffix.firstIndex(of: "#") {
            let fragment = String(suffix[suffix.index(after: hash)...])
            guard anchors[target, default: []].contains(fragment) else {
                throw fail("link to a missing heading: \(url) (\(target) has no heading with that anchor)")
            }
        }
        return String(written.dropLast(3)) + ".html" + suffix
    }
}
