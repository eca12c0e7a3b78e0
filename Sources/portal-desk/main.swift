import PortalCore
import PortalFastCGI
import PortalHandlers

extension PortalApp: Responder {}

FastCGIMain.run(name: "portal-desk") {
    try PortalApp(config: try Config.load(), routes: Routes.desk)
}
