import Glibc
import PortalCore
import PortalSite

struct SiteWatchCommand: AdminCommand {
    static let words = ["site", "watch"]
    static let options = ["source", "out"]
    static let synopsis = "site watch [--source site] [--out var/www]"
    static let abstract = "Builds the site, then rebuilds it whenever a file under the source folder changes (Ctrl-C stops)."
    let source: String?
    let output: String?

    init(options: Options) throws {
        source = options.optional("source")
        output = options.optional("out")
    }

    func run(config: Config) throws {
        let builder = SiteBuilder(source: source ?? config.siteSource, output: output ?? config.siteOutput)
        print("watching \(builder.source) → \(builder.output) (Ctrl-C stops)")
        SiteWatcher(builder: builder).run { result in
            switch result {
            case .success(let report):
                print("\(Clock.display(Clock.now(), format: "%H:%M:%S")) site built: \(report.pages) pages, \(report.assets) assets in \(report.milliseconds) ms")
            case .failure(let error):
                AdminCLI.printError("\(Clock.display(Clock.now(), format: "%H:%M:%S")) \(error)")
            }
            fflush(nil)
        }
    }
}
