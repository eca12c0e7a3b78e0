import PortalCore

/// `manifest.webmanifest`: what makes the portal installable as an app. Addresses are
/// relative to the manifest, which sits at the site root.
enum WebManifest {
    static let path = "manifest.webmanifest"
    static let icons = [
        (file: "assets/icon-192.png", sizes: "192x192", purpose: "any"),
        (file: "assets/icon-512.png", sizes: "512x512", purpose: "any"),
        (file: "assets/icon-maskable-512.png", sizes: "512x512", purpose: "maskable"),
    ]

    /// Lists the icons the source has (a test site may have none).
    static func json(knownFiles: Set<String>) -> String {
        let iconList = icons.filter { knownFiles.contains($0.file) }.map { icon in
            JSONText.object([
                ("src", JSONText.string(icon.file)), ("sizes", JSONText.string(icon.sizes)),
                ("type", JSONText.string("image/png")), ("purpose", JSONText.string(icon.purpose)),
            ])
        }
        return JSONText.object([
            ("id", JSONText.string("./")),
            ("name", JSONText.string(Text.productName)),
            ("short_name", JSONText.string(Text.appShortName)),
            ("description", JSONText.string(Text.appDescription)),
            ("lang", JSONText.string("it")),
            ("dir", JSONText.string("ltr")),
            ("start_url", JSONText.string("dashboard")),
            ("scope", JSONText.string("./")),
            ("display", JSONText.string("standalone")),
            ("background_color", JSONText.string("#f3f5f8")),
            ("theme_color", JSONText.string("#1f5fa8")),
            ("icons", "[" + iconList.joined(separator: ",") + "]"),
        ]) + "\n"
    }
}
