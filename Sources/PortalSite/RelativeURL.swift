/// Links between the built files, relative to the page that holds them, so that the site
/// works wherever it is served (or opened from the disk). Paths are relative to the
/// output root, e.g. `manuale/accesso.html`.
enum RelativeURL {
    static func make(from page: String, to target: String) -> String {
        let from = directories(of: page)
        let to = target.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let path = (ups + to[common...]).joined(separator: "/")
        return path.isEmpty ? "./" : path
    }

    /// "../../" for `a/b/page.html`, "" for `page.html`: prefixed to a root-relative path.
    static func root(from page: String) -> String {
        String(repeating: "../", count: directories(of: page).count)
    }

    private static func directories(of path: String) -> [String] {
        Array(path.split(separator: "/", omittingEmptySubsequences: true).dropLast().map(String.init))
    }
}
