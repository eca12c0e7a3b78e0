import Foundation

/// Everything one build produces, held in memory until the whole site rendered: a failed
/// build writes nothing, so the served site stays as it was.
struct SiteOutput {
    /// Lists the files of the last build, so that the next one removes only its own leftovers.
    static let inventoryName = ".site-files"

    private(set) var files: [String: Data] = [:]

    mutating func add(_ path: String, _ data: Data) { files[path] = data }
    mutating func add(_ path: String, _ text: String) { files[path] = Data(text.utf8) }

    var paths: [String] { files.keys.sorted() }

    /// Writes the files that changed (unchanged ones keep their date, and so their ETag),
    /// then removes the files of the previous build that this one no longer has.
    func write(to output: String) throws {
        let manager = FileManager.default
        for path in paths {
            let full = output + "/" + path
            let data = files[path]!
            if let existing = manager.contents(atPath: full), existing == data { continue }
            do {
                try manager.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: full), options: .atomic)
            } catch {
                throw SiteError(step: "write", file: full, line: nil, message: "\(error)")
            }
        }
        let inventory = output + "/" + SiteOutput.inventoryName
        let previous = (try? String(contentsOfFile: inventory, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        for path in previous where files[path] == nil && Paths.normalize(path) == path && !path.isEmpty {
            try? manager.removeItem(atPath: output + "/" + path)
        }
        do {
            try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: inventory), options: .atomic)
        } catch {
            throw SiteError(step: "write", file: inventory, line: nil, message: "\(error)")
        }
    }
}
