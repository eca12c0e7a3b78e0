import Glibc
import PortalCore
import PortalSite

// Same declaration as `SiteBuildCommand` on purpose: one type per subcommand, as the CLI is
// shaped; what the two share (the folders and their options) is already `SiteFolders`.
struct SiteWatchCommand: AdminCommand {
    static let words = ["site", "watch"]
    static let options = SiteFolders.options
    static let abstract = Text.Console.siteWatchAbstract
    let folders: SiteFolders

    init(options: OptionValues) throws { folders = SiteFolders(options) }

    func run(config: Config) throws {
        let builder = try folders.builder(config)
        print(Text.Console.watching(builder.source, builder.output))
        SiteWatcher(builder: builder).run { result in
            switch result {
            case .success(let report):
                print("\(Clock.display(Clock.now(), format: "%H:%M:%S")) \(report.summary)")
            case .failure(let error):
                AdminCLI.printError("\(Clock.display(Clock.now(), format: "%H:%M:%S")) \(error)")
            }
            fflush(nil)
        }
    }
}
