/// Who the portal belongs to, from the configuration: the product's and the vendor's names,
/// the logo, the colours, the support's e-mail and phone, and the data controller named by
/// the privacy notice. The static site build and the dynamic pages read the same values.
///
/// ```
/// PORTAL_PRODUCT_NAME=Assistenza Gestionale        # default "Customer Portal"
/// PORTAL_VENDOR_NAME=Gestionale Rossi S.p.A.       # the vendor, in the footer and the privacy notice
/// PORTAL_LOGO=/etc/portal/logo.svg                 # an SVG or PNG file (default: the site's assets/logo.svg)
/// PORTAL_COLOR_PRIMARY=#1f5fa8                     # links, buttons, focus (#rgb or #rrggbb)
/// PORTAL_COLOR_PRIMARY_DARK=#174a85                # hover and pressed
/// PORTAL_SUPPORT_EMAIL=assistenza@example.com      # also where new tickets are announced
/// PORTAL_SUPPORT_PHONE=+39 0541 123456
/// PORTAL_CONTROLLER_NAME=Gestionale Rossi S.p.A.   # the data controller (titolare del trattamento)
/// PORTAL_CONTROLLER_ADDRESS=Via Roma 1, 47921 Rimini (RN)
/// PORTAL_CONTROLLER_VAT=01234567890
/// PORTAL_CONTROLLER_EMAIL=privacy@example.com
/// ```
public struct Branding: Sendable, Equatable {
    public var productName: String
    public var vendorName: String?
    /// A logo file outside the site's sources, copied by the site build as `logoAsset`.
    public var logoPath: String?
    public var primaryColor: String
    public var primaryDarkColor: String
    public var supportEmail: String?
    public var supportPhone: String?
    public var controllerName: String?
    public var controllerAddress: String?
    public var controllerVAT: String?
    public var controllerEmail: String?

    public static let defaultPrimary = "#1f5fa8"
    public static let defaultPrimaryDark = "#174a85"

    public init(config: Config) {
        func value(_ key: String) -> String? {
            let text = config.string(key, default: "").trimmingWhitespace()
            return text.isEmpty || text.hasControlCharacters ? nil : String(text.prefix(200))
        }
        productName = value("PORTAL_PRODUCT_NAME") ?? "Customer Portal"
        vendorName = value("PORTAL_VENDOR_NAME")
        logoPath = value("PORTAL_LOGO")
        primaryColor = value("PORTAL_COLOR_PRIMARY").flatMap(Branding.color) ?? Branding.defaultPrimary
        primaryDarkColor = value("PORTAL_COLOR_PRIMARY_DARK").flatMap(Branding.color) ?? Branding.defaultPrimaryDark
        supportEmail = value("PORTAL_SUPPORT_EMAIL").flatMap(EmailAddress.init)?.value
        supportPhone = value("PORTAL_SUPPORT_PHONE")
        controllerName = value("PORTAL_CONTROLLER_NAME")
        controllerAddress = value("PORTAL_CONTROLLER_ADDRESS")
        controllerVAT = value("PORTAL_CONTROLLER_VAT")
        controllerEmail = value("PORTAL_CONTROLLER_EMAIL").flatMap(EmailAddress.init)?.value
    }

    /// This process's branding: read once, the same way as its configuration (`Config.load`).
    public static let current = Branding(config: (try? Config.load()) ?? Config(values: [:]))

    /// Where the site build puts the logo, and where every page takes it from.
    public var logoAsset: String {
        logoPath?.lowercased().hasSuffix(".png") == true ? "assets/logo.png" : "assets/logo.svg"
    }

    /// The phone as a `tel:` address: digits and a leading +.
    public var supportPhoneLink: String? {
        supportPhone.map { phone in "tel:" + phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") } }
    }

    /// The colours over the stylesheet's defaults, appended to it by the site build.
    public var stylesheet: String {
        """

        /* Branding (PORTAL_COLOR_PRIMARY, PORTAL_COLOR_PRIMARY_DARK), written by the site build. */
        :root {
          --color-primary: \(primaryColor);
          --color-primary-dark: \(primaryDarkColor);
          --color-focus: \(primaryColor);
        }

        """
    }

    /// `#rgb` or `#rrggbb`, else nothing (a colour can never carry more CSS).
    static func color(_ text: String) -> String? {
        guard text.hasPrefix("#"), [4, 7].contains(text.count), text.dropFirst().allSatisfy(\.isHexDigit) else { return nil }
        return text.lowercased()
    }
}
