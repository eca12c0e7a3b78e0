// swift-tools-version:6.0
import PackageDescription

// The handlers' release builds carry the Swift runtime inside (about 11 MB more per file):
// linked as shared libraries, each of the 16 workers had all of libswiftCore and its siblings
// resident (some 6 MB per worker) for the few pages it uses; linked in, only the used pages
// are loaded. portal-admin keeps the shared runtime: with Foundation (the site builder) inside
// it would weigh 77 MB. Debug builds (the tests) link faster as they are.
let staticRuntime: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "CustomerPortal",
    products: [
        .executable(name: "portal-auth", targets: ["portal-auth"]),
        .executable(name: "portal-tenant", targets: ["portal-tenant"]),
        .executable(name: "portal-tickets", targets: ["portal-tickets"]),
        .executable(name: "portal-desk", targets: ["portal-desk"]),
        .executable(name: "portal-mailer", targets: ["portal-mailer"]),
        .executable(name: "portal-mailgate", targets: ["portal-mailgate"]),
        .executable(name: "portal-admin", targets: ["portal-admin"]),
    ],
    targets: [
        // C libraries from Debian's -dev packages; each is imported by exactly one wrapper module.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CFastCGI", providers: [.apt(["libfcgi-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        .target(name: "PortalCore"),
        .target(name: "PortalCrypto", dependencies: ["CSodium"]),
        .target(name: "PortalStore", dependencies: ["CSQLite", "PortalCore"]),
        .target(name: "PortalHTTP", dependencies: ["PortalCore"]),
        .target(name: "PortalFastCGI", dependencies: ["CFastCGI", "PortalHTTP", "PortalCore"]),
        .target(name: "PortalHTML", dependencies: ["PortalCore"]),
        .target(name: "PortalMarkdown", dependencies: ["CCmarkGFM"]),
        .target(name: "PortalMail", dependencies: ["CCurl", "PortalCore", "PortalCrypto", "PortalStore"]),
        .target(name: "PortalSite", dependencies: ["PortalCore", "PortalHTML", "PortalMarkdown"]),
        // The domain below HTTP: tickets, invitations, provisioning, files; used by the handlers
        // and by portal-admin.
        .target(name: "PortalDomain", dependencies: ["PortalCore", "PortalCrypto", "PortalStore", "PortalMarkdown"]),
        .target(
            name: "PortalHandlers",
            dependencies: [
                "PortalCore", "PortalCrypto", "PortalStore", "PortalDomain", "PortalHTTP", "PortalHTML", "PortalMarkdown",
            ]),
        // Received e-mails into tickets: shared by portal-mailgate (a pipe) and portal-mailer
        // (an IMAP mailbox, the development folder); files go through the forms' upload rules.
        .target(
            name: "PortalMailGate",
            dependencies: ["PortalCore", "PortalCrypto", "PortalStore", "PortalDomain", "PortalMail", "PortalHandlers"]),

        .executableTarget(name: "portal-auth", dependencies: ["PortalHandlers", "PortalFastCGI"], linkerSettings: staticRuntime),
        .executableTarget(name: "portal-tenant", dependencies: ["PortalHandlers", "PortalFastCGI"], linkerSettings: staticRuntime),
        .executableTarget(name: "portal-tickets", dependencies: ["PortalHandlers", "PortalFastCGI"], linkerSettings: staticRuntime),
        .executableTarget(name: "portal-desk", dependencies: ["PortalHandlers", "PortalFastCGI"], linkerSettings: staticRuntime),
        .executableTarget(
            name: "portal-mailer", dependencies: ["PortalMail", "PortalDomain", "PortalStore", "PortalCore", "PortalHandlers", "PortalMailGate"]),
        .executableTarget(name: "portal-mailgate", dependencies: ["PortalCore", "PortalHandlers", "PortalMailGate"]),
        .executableTarget(
            name: "portal-admin",
            dependencies: ["PortalCore", "PortalCrypto", "PortalStore", "PortalMail", "PortalSite", "PortalDomain", "PortalMarkdown"]),

        .testTarget(name: "PortalCoreTests", dependencies: ["PortalCore"]),
        .testTarget(name: "PortalHTTPTests", dependencies: ["PortalHTTP"]),
        .testTarget(name: "PortalFastCGITests", dependencies: ["PortalFastCGI", "PortalHTTP"]),
        .testTarget(name: "PortalHTMLTests", dependencies: ["PortalHTML"]),
        .testTarget(name: "PortalCryptoTests", dependencies: ["PortalCrypto"]),
        .testTarget(name: "PortalStoreTests", dependencies: ["PortalStore", "PortalCrypto"]),
        .testTarget(name: "PortalMailTests", dependencies: ["PortalMail", "PortalStore", "PortalCore"]),
        .testTarget(
            name: "PortalMailGateTests",
            dependencies: ["PortalMailGate", "PortalHandlers", "PortalDomain", "PortalMail", "PortalStore", "PortalCore"]),
        .testTarget(name: "PortalSiteTests", dependencies: ["PortalSite", "PortalMarkdown", "PortalCore"]),
        .testTarget(name: "PortalDomainTests", dependencies: ["PortalDomain", "PortalStore", "PortalCore"]),
        // The handlers in process: routing, every access group, CSRF on every state-changing
        // route and error rendering, without nginx.
        .testTarget(
            name: "PortalHandlersTests",
            dependencies: ["PortalHandlers", "PortalDomain", "PortalHTTP", "PortalStore", "PortalCore", "PortalCrypto"]),
    ],
    swiftLanguageModes: [.v6]
)
