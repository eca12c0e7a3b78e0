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
        if url.isEmpty || url.contains("://") || url.hasPrefix("mailto:") || url.hasPrefix("tel:") || url.hasPrefix("/") {
            return nil
        }
        let pathPart = String(url.prefix { $0 != "#" && $0 != "?" })
        let suffix = String(url.dropFirst(pathPart.count))
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
        return String(pathPart.dropLast(3)) + ".html" + suffix
    }
}
