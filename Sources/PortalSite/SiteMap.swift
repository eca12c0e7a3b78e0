import PortalCore

/// The site's navigation: one section per folder, titled by its `index.md` (front matter
/// `section`, else its title) and ordered by that page's `order`; the top-level pages form
/// the last section. Pages inside a section are ordered by `order`, then by file name.
struct SiteMap {
    struct Section {
        let folder: String
        let title: String
        let pages: [SitePage]
    }

    let sections: [Section]

    init(pages: [SitePage]) {
        let byFolder = Dictionary(grouping: pages, by: \.folder)
        var folders: [(order: Int, section: Section)] = []
        for (folder, members) in byFolder {
            let sorted = members.sorted {
                ($0.frontMatter.order, $0.sourcePath) < ($1.frontMatter.order, $1.sourcePath)
            }
            if folder.isEmpty {
                folders.append((Int.max, Section(folder: "", title: Text.docsOtherPages, pages: sorted)))
                continue
            }
            let index = sorted.first { $0.isFolderIndex } ?? sorted[0]
            let title = index.frontMatter.section ?? index.frontMatter.title
            folders.append((index.frontMatter.order, Section(folder: folder, title: title, pages: sorted)))
        }
        sections = folders.sorted { ($0.order, $0.section.folder) < ($1.order, $1.section.folder) }.map(\.section)
    }

    func section(of page: SitePage) -> Section? { sections.first { $0.folder == page.folder } }

    /// Previous and next page within the page's own section.
    func neighbours(of page: SitePage) -> (previous: SitePage?, next: SitePage?) {
        guard let pages = section(of: page)?.pages, let index = pages.firstIndex(where: { $0.sourcePath == page.sourcePath })
        else { return (nil, nil) }
        return (index > 0 ? pages[index - 1] : nil, index + 1 < pages.count ? pages[index + 1] : nil)
    }
}
