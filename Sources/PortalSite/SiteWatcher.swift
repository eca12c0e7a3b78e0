import Foundation

/// `portal-admin site watch`: rebuilds whenever a file under the source folder is added,
/// changed or removed. It polls (a few dozen files, twice a second), which works the same
/// on every file system; a failed build is reported and the next change is awaited.
public struct SiteWatcher {
    public let builder: SiteBuilder
    public let interval: Double

    public init(builder: SiteBuilder, interval: Double = 0.4) {
        self.builder = builder
        self.interval = interval
    }

    /// Builds once, then after every change; `report` hears each outcome. Never returns.
    public func run(report: (Result<SiteBuilder.Report, Error>) -> Void) -> Never {
        var last = snapshot()
        build(report)
        while true {
            Thread.sleep(forTimeInterval: interval)
            let current = snapshot()
            if current != last {
                last = current
                build(report)
            }
        }
    }

    func build(_ report: (Result<SiteBuilder.Report, Error>) -> Void) {
        report(Result { try builder.build() })
    }

    /// Path, size and modification time of every file of the source folder.
    func snapshot() -> [String: String] {
        var state: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: builder.source) else { return state }
        while let path = enumerator.nextObject() as? String {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: builder.source + "/" + path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            state[path] = "\(size):\(modified)"
        }
        return state
    }
}
