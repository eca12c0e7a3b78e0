import Foundation
import PortalCore

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
    ///
    /// In two steps, so that a failure leaves the served site as it was: every changed file
    /// is first written beside its place under a temporary name (a full disk or a folder in
    /// the way fails here, and the temporary files go); only then is each renamed into place,
    /// which needs no space. Written one by one, a failure half-way served pages linking to
    /// pages that were never written.
    func write(to output: String) throws {
        let manager = FileManager.default
        var staged: [(temporary: String, full: String)] = []
        do {
            for path in paths {
                let full = output + "/" + path
                let data = files[path]!
                if let existing = manager.contents(atPath: full), existing == data { continue }
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw SiteError(step: Text.SiteBuild.stepWrite, file: full, line: nil, message: Text.SiteBuild.folderInTheWay)
                }
                let folder = (full as NSString).deletingLastPathComponent
                let temporary = folder + "/." + (full as NSString).lastPathComponent + ".building"
                do {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    try data.write(to: URL(fileURLWithPath: temporary))
                } catch {
                    try? manager.removeItem(atPath: temporary)
                    throw SiteError(step: Text.SiteBuild.stepWrite, file: full, line: nil, message: "\(error)")
                }
                staged.append((temporary, full))
            }
        } catch {
            for file in staged { try? manager.removeItem(atPath: file.temporary) }
            throw error
        }
        for file in staged where rename(file.temporary, file.full) != 0 {
            throw SiteError(step: Text.SiteBuild.stepWrite, file: file.full, line: nil, message: String(cString: strerror(errno)))
        }
        let inventory = output + "/" + SiteOutput.inventoryName
        let previous = (try? String(contentsOfFile: inventory, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        for path in previous where files[path] == nil && Paths.normalize(path) == path && !path.isEmpty {
            try? manager.removeItem(atPath: output + "/" + path)
            // Its folder too once nothing is left in it (a section removed from site/ left
            // its folder behind, empty): rmdir refuses a folder that still holds anything.
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(output + "/" + folder) == 0 { folder = (folder as NSString).deletingLastPathComponent }
        }
        do {
            try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: inventory), options: .atomic)
        } catch {
            throw SiteError(step: Text.SiteBuild.stepWrite, file: inventory, line: nil, message: "\(error)")
        }
    }
}
