/// The site's pages (and one heading) that the portal's own pages link to: the footer of
/// every page, the menus, the error pages, the first access and the transition page. Written
/// from the site's root, without the leading slash (static pages prefix their relative root).
/// `portal-admin site build` refuses a site without them: renaming `browser.md` or a heading
/// in `site/` built without a word and left every footer linking to a 404.
public enum SiteLinks {
    public static let contacts = "aiuto/contatti.html"
    public static let help = "aiuto/"
    public static let helpIndex = "aiuto/index.html"
    public static let manual = "manuale/"
    public static let manualIndex = "manuale/index.html"
    public static let operatorManual = "manuale/operatori.html"
    public static let browsers = "browser.html"
    public static let privacy = "privacy.html"
    /// Where `/portale-classico` sends those who still use the classic portal
    /// (`PORTAL_LEGACY_MANUAL_URL` may name another).
    public static let classicPortalManual = "manuale/problemi-accesso.html#accesso-attraverso-portale-classico"

    public static let all = [
        contacts, help, helpIndex, manual, manualIndex, operatorManual, browsers, privacy, classicPortalManual,
    ]

    /// The address a signed-in page writes: from the portal's root.
    public static func path(_ link: String) -> String { "/" + link }
}
