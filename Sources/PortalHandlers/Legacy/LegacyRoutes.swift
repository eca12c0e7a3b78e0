import PortalHTTP

/// The classic portal's transition page. nginx sends the old addresses (`/assistenza/…`)
/// here with a permanent redirect, and rate-limits the P.IVA form's POST.
enum LegacyRoutes {
    static let path = "/portale-classico"

    static func register(_ router: inout Router<Services>) {
        router.get(path, LegacyHandlers.show)
        router.post(path, bodyLimit: 2 * 1024, LegacyHandlers.submit)
    }
}
