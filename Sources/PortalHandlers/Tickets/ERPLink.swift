import PortalCore
import PortalHTTP

/// The link the desktop ERP opens ("Contatta l'assistenza"), documented in the README:
///
///     /ticket/nuovo?origine=errore&programma=BN02151&versione=23.0.0.69&errore=…&dettagli=…
///
/// `origine` is `menu` (main menu), `contesto` (a program's context menu) or `errore` (an
/// error message). The values only prefill "Dettagli tecnici", which the user sees, may edit,
/// and sends with "Invia Ticket"; the link never logs anyone in and never sends anything.
enum ERPLink {
    static let limits = ["programma": 40, "versione": 40, "errore": 500, "dettagli": 3000]

    static func technicalDetails(from query: FormData) -> String {
        var lines: [String] = []
        let origins = ["menu": Text.erpOriginMenu, "contesto": Text.erpOriginContext, "errore": Text.erpOriginError]
        if let origin = query["origine"], let label = origins[origin] { lines.append("\(Text.erpOpenedFrom): \(label)") }
        for (key, label) in [("programma", Text.erpProgram), ("versione", Text.erpVersion), ("errore", Text.erpError)] {
            if let value = clean(query[key], limit: limits[key]!), !value.isEmpty { lines.append("\(label): \(value)") }
        }
        if let details = clean(query["dettagli"], limit: limits["dettagli"]!), !details.isEmpty {
            lines.append("")
            lines.append(details)
        }
        return String(lines.joined(separator: "\n").prefix(TicketForm.technicalDetailsLimit))
    }

    /// Control characters (but newlines and tabs) are dropped; the value is cut to its limit.
    static func clean(_ value: String?, limit: Int) -> String? {
        guard let value else { return nil }
        let filtered = String(value.unicodeScalars.filter { $0 == "\n" || $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7f) }
            .map(Character.init))
        return String(filtered.prefix(limit)).trimmingWhitespace()
    }
}
