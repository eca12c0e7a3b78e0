import PortalCore

/// A short, human name for a browser from its User-Agent ("Firefox su Windows"), for the
/// list of trusted devices. Only a label: nothing is decided on it.
enum DeviceName {
    static func describe(_ userAgent: String) -> String {
        let browsers: [(String, String)] = [
            ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chromium/", "Chromium"),
            ("HeadlessChrome/", "Chrome (headless)"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
        ]
        let systems: [(String, String)] = [
            ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"),
            ("Mac OS X", "macOS"), ("Linux", "Linux"),
        ]
        let browser = browsers.first { userAgent.contains($0.0) }?.1 ?? Text.unknownBrowser
        guard let system = systems.first(where: { userAgent.contains($0.0) })?.1 else { return browser }
        return Text.browserOnSystem(browser, system)
    }
}
