import PortalCore

/// `sw.js`, from the template `site/sw.js`: the build puts in the site's version and the
/// lists of files it may cache. Only files of the static site are ever listed, so no page
/// with personal data (everything the handlers answer) can end up in the cache.
enum ServiceWorkerFile {
    static let path = "sw.js"

    static func render(template: String, version: String, precache: [String], lazy: [String]) throws -> String {
        for placeholder in ["__VERSION__", "__PRECACHE__", "__LAZY__"] where !template.contains(placeholder) {
            throw SiteError(step: Text.SiteBuild.stepServiceWorker, file: path, line: nil, message: Text.SiteBuild.templateLacks(placeholder))
        }
        return template
            .replacingAll("__VERSION__", with: version)
            .replacingAll("__PRECACHE__", with: JSONValue.array(precache.map(JSONValue.string)).text)
            .replacingAll("__LAZY__", with: JSONValue.array(lazy.map(JSONValue.string)).text)
    }

    /// What the worker caches: the pages and core assets up front; images when first seen.
    /// Error pages are nginx's internal ones and cannot be fetched.
    static func lists(of outputPaths: [String]) -> (precache: [String], lazy: [String]) {
        let cacheable = outputPaths.filter { !$0.hasPrefix("errors/") && $0 != path && !$0.hasPrefix(".") }
        let images: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]
        var precache: [String] = []
        var lazy: [String] = []
        for file in cacheable {
            if images.contains(Paths.fileExtension(file)) && !file.hasPrefix("assets/icon") {
                lazy.append(file)
            } else if file.hasPrefix("assets/") && !isFingerprinted(file) && ["css", "js", "svg"].contains(Paths.fileExtension(file)) {
                // The unversioned copies serve the handlers' pages; the static pages use the fingerprinted ones.
                lazy.append(file)
            } else {
                precache.append(file)
            }
            if file.hasSuffix("/index.html") { precache.append(String(file.dropLast("index.html".count))) }
        }
        return (precache, lazy)
    }

    static func isFingerprinted(_ file: String) -> Bool {
        let parts = file.split(separator: ".")
        guard parts.count >= 3 else { return false }
        let candidate = parts[parts.count - 2]
        return candidate.count == 8 && candidate.allSatisfy { $0.isHexDigit }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
