import Foundation
import PortalCore

/// What the build refuses about the pages themselves, each a mistake an admin made that was
/// published without a word: a page nginx never serves, a misspelt placeholder shown as
/// typed, a sidebar with two entries of one name, a `section` nobody reads.
enum PageChecks {
    /// The address prefixes nginx gives to the handlers (`nginx.conf`'s `location ^~` and
    /// folder locations): a page under one is built, listed and searched, and answers 404.
    /// A test (`SiteBuildRulesTests.handlerPrefixesMatchNginx`) reads nginx.conf so that the
    /// two cannot drift apart.
    static let handlerPrefixes = [
        "/accesso/", "/password/", "/profilo", "/api/", "/tenant", "/ticket", "/desk", "/assistenza/", "/errors/",
        "/attachments-internal/",
    ]

    /// The single addresses nginx gives to the handlers or serves itself (`location =`), and
    /// the root: links the site may write besides its own files (the same test compares them
    /// with nginx.conf).
    static let exactAddresses = [
        "/", "/login", "/logout", "/profilo/immagine", "/dashboard", "/dashboard/widget", "/assistenza", "/portale-classico",
        "/manifest.webmanifest", "/sw.js", "/search-index.json", "/cerca.html",
    ]

    /// Whether the handlers (or nginx itself) answer `address`: one of `exactAddresses`, or
    /// under a handler's prefix (`/ticket` and `/ticket/…`, not `/tickets`).
    static func isPortalAddress(_ address: String) -> Bool {
        // nginx answers these to nobody (internal) or to a form only: a link there is a 404 or a 405.
        if address == "/logout" || address.hasPrefix("/errors/") || address.hasPrefix("/attachments-internal/") { return false }
        if exactAddresses.contains(address) { return true }
        return handlerPrefixes.contains { prefix in
            prefix.hasSuffix("/") ? address.hasPrefix(prefix) : address == prefix || address.hasPrefix(prefix + "/")
        }
    }

    static func check(_ pages: [SitePage]) throws {
        for page in pages {
            try checkAddress(page)
            try checkPlaceholders(page)
            try BlockChecks.check(page)
            if page.frontMatter.section != nil && !page.isFolderIndex {
                throw SiteError(
                    step: Text.SiteBuild.stepFrontMatter, file: page.sourcePath, line: nil,
                    message: Text.SiteBuild.sectionInIndex)
            }
        }
        try checkTitles(pages)
        try checkSections(pages)
    }

    /// A folder of pages is a sidebar section, named and placed by its `index.md`; without
    /// one it took its first page's title and order, unasked.
    static func checkSections(_ pages: [SitePage]) throws {
        let indexed = Set(pages.filter(\.isFolderIndex).map(\.folder))
        guard let page = pages.sorted(by: { $0.sourcePath < $1.sourcePath }).first(where: { !$0.folder.isEmpty && !indexed.contains($0.folder) })
        else { return }
        throw SiteError(
            step: Text.SiteBuild.stepLoad, file: page.sourcePath, line: nil,
            message: Text.SiteBuild.folderWithoutIndex(page.folder))
    }

    static func checkAddress(_ page: SitePage) throws {
        let address = "/" + page.outputPath
        guard let prefix = handlerPrefixes.first(where: { address.hasPrefix($0) }) else { return }
        throw SiteError(
            step: Text.SiteBuild.stepLoad, file: page.sourcePath, line: nil,
            message: Text.SiteBuild.addressOfPortal(address, prefix: prefix))
    }

    /// A `{{ … }}` left after `SiteBranding.apply` outside code, other than a table's line.
    static func checkPlaceholders(_ page: SitePage) throws {
        guard page.markdown.contains("{{") else { return }
        // The fence's own character closes it ("```" inside "~~~" is text); an indented code
        // block starts after an empty line and goes on while its lines are indented.
        var fence: Character?
        var previousBlank = true
        var indentedCode = false
        for (index, line) in page.markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            defer { previousBlank = trimmed.isEmpty }
            if let open = fence {
                if trimmed.hasPrefix(String(repeating: open, count: 3)) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.first
                continue
            }
            let indented = line.hasPrefix("    ") || line.hasPrefix("\t")
            indentedCode = indented && (indentedCode || previousBlank) || (indentedCode && trimmed.isEmpty)
            if indentedCode || (trimmed.hasPrefix(DataTable.prefix) && trimmed.hasSuffix(DataTable.suffix)) { continue }
            // A code span shows what it holds, braces included.
            let prose = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
            guard let start = prose.range(of: "{{") else { continue }
            let rest = prose[start.lowerBound...]
            let written = rest.range(of: "}}").map { String(rest[..<$0.upperBound]) } ?? String(rest.prefix(30))
            throw SiteError(
                step: Text.SiteBuild.stepLoad, file: page.sourcePath, line: page.bodyLine + index,
                message: Text.SiteBuild.unknownPlaceholder(written))
        }
    }

    /// Two pages of one folder with one title: two equal entries side by side in the sidebar.
    static func checkTitles(_ pages: [SitePage]) throws {
        var seen: [String: SitePage] = [:]
        for page in pages.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            let key = page.folder + "\n" + page.frontMatter.title.lowercased()
            if let first = seen[key] {
                throw SiteError(
                    step: Text.SiteBuild.stepFrontMatter, file: page.sourcePath, line: nil,
                    message: Text.SiteBuild.titleTaken(page.frontMatter.title, by: first.sourcePath))
            }
            seen[key] = page
        }
    }
}
