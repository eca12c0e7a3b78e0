import PortalCore

/// The transition page's settings: when the classic portal closes, who at the vendor hears
/// of a company that still has no user, and where the classic portal's manual lives.
struct LegacySettings {
    static let defaultClosingDate = ClosingDate(year: 2027, month: 3, day: 1)!
    static let defaultClassicManual = SiteLinks.path(SiteLinks.classicPortalManual)

    let closingDate: ClosingDate
    let supportAddress: EmailAddress?
    let classicManualURL: String

    init(_ config: Config) {
        let dateText = config.string("PORTAL_LEGACY_CLOSING_DATE", default: "")
        if dateText.isEmpty {
            closingDate = LegacySettings.defaultClosingDate
        } else if let date = ClosingDate(iso: dateText) {
            closingDate = date
        } else {
            // A typo must not take the page down; the log says why the default is in force.
            Log.event("config_invalid", [("key", "PORTAL_LEGACY_CLOSING_DATE"), ("expected", "YYYY-MM-DD")])
            closingDate = LegacySettings.defaultClosingDate
        }
        supportAddress = config.supportAddress
        let manual = config.string("PORTAL_LEGACY_MANUAL_URL", default: LegacySettings.defaultClassicManual)
        let isSafe = manual.hasPrefix("https://") || manual.hasPrefix("http://") || (manual.hasPrefix("/") && !manual.hasPrefix("//"))
        classicManualURL = isSafe ? manual : LegacySettings.defaultClassicManual
    }

    func isClosed(at now: Timestamp) -> Bool { closingDate.hasArrived(at: now) }
}
