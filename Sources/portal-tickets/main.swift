import PortalCore
import PortalFastCGI
import PortalHandlers

extension PortalApp: Responder {}

FastCGIMain.run(name: "portal-tickets") {
    try PortalApp(config: try Config.load(), routes: Routes.tickets)
}
