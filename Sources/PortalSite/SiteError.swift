import PortalCore

/// A build failure that names the step, the file and (when known) the line.
public struct SiteError: Error, CustomStringConvertible {
    public let step: String
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
        Text.SiteBuild.failed(step: step, at: file + (line.map { ":\($0)" } ?? ""), message)
    }
}
