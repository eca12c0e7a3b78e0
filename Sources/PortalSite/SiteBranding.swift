import PortalCore
import PortalMarkdown

/// The configured names and contacts (`Branding`) in the site's Markdown, so that the
/// manual, the help and the privacy notice name the product, the vendor, the support's
/// e-mail and phone and the data controller of this installation:
/// - `{{ prodotto }}` and `{{ fornitore }}` anywhere in a line;
/// - `{{ recapiti }}` (the support's e-mail and phone) and `{{ titolare }}` (the data
///   controller's identity) on a line of their own.
/// Each becomes one line, so errors still name the lines of the file.
enum SiteBranding {
    static func apply(_ branding: Branding, to text: String) -> String {
        guard text.contains("{{ ") else { return text }
        return text
            .replacing("{{ prodotto }}", with: Markdown.escape(branding.productName))
            .replacing("{{ fornitore }}", with: Markdown.escape(branding.vendorName ?? Text.siteVendorFallback))
            .replacing("{{ recapiti }}", with: contacts(branding))
            .replacing("{{ titolare }}", with: controller(branding))
    }

    static func contacts(_ branding: Branding) -> String {
        var parts: [String] = []
        if let email = branding.supportEmail { parts.append("\(Text.siteEmail): [\(Markdown.escape(email))](mailto:\(email))") }
        if let phone = branding.supportPhone, let link = branding.supportPhoneLink {
            parts.append("\(Text.sitePhone): [\(Markdown.escape(phone))](\(link))")
        }
        return parts.isEmpty ? Text.siteContactsFallback : parts.joined(separator: " · ")
    }

    static func controller(_ branding: Branding) -> String {
        guard let name = branding.controllerName ?? branding.vendorName else { return Text.siteControllerFallback }
        var parts = ["**" + Markdown.escape(name) + "**"]
        if let address = branding.controllerAddress { parts.append(Markdown.escape(address)) }
        if let vat = branding.controllerVAT { parts.append("\(Text.vatShort) \(Markdown.escape(vat))") }
        if let email = branding.controllerEmail ?? branding.supportEmail {
            parts.append("\(Text.siteControllerEmail) [\(Markdown.escape(email))](mailto:\(email))")
        }
        return parts.joined(separator: ", ")
    }
}
