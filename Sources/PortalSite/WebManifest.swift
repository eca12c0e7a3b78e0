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
            JSONValue.object([
                "src": .string(icon.file), "sizes": .string(icon.sizes),
                "type": .string("image/png"), "purpose": .string(icon.purpose),
            ])
        }
        return JSONValue.object([
            "id": .string("./"),
            "name": .string(Text.productName),
            "short_name": .string(Text.appShortName),
            "description": .string(Text.appDescription),
            "lang": .string("it"),
            "dir": .string("ltr"),
            "start_url": .string("dashboard"),
            "scope": .string("./"),
            "display": .string("standalone"),
            "background_color": .string("#f3f5f8"),
            "theme_color": .string("#1f5fa8"),
            "icons": .array(iconList),
        ]).text + "\n"
    }
}
