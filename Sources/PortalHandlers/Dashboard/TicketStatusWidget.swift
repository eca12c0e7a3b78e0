// sin and cos: Foundation does not link into the release's static executables.
import Glibc
import PortalCore
import PortalHTML
import PortalStore

/// "Stato Ticket": a pie chart of open and closed tickets in SVG, with the numbers written
/// beside it, so that they are read (and found by a screen reader) without the picture.
enum TicketStatusWidget {
    /// A circle of radius r drawn with a stroke as wide as 2r is a full disc; a dash of p% of
    /// its circumference is a slice of p%. The dash is in the circle's own units: `pathLength`
    /// on a circle made the page invalid HTML for the W3C checker (an SVG 2 attribute).
    static let radius = "16"
    static let strokeWidth = "32"
    /// 2π·16 in hundredths of a unit, rounded up: a dash of the whole leaves no gap.
    static let circumferenceHundredths: Int64 = 10_054

    static func render(_ counts: TicketCounts) -> Node {
        let summary = [Text.openTickets(counts.open), Text.closedTickets(counts.closed), Text.totalTickets(counts.total)]
        return el("div", ["class": counts.total == 0 ? "pie pie--empty" : "pie"]) {
            el(
                "svg",
                [
                    "class": "pie-chart", "viewBox": "0 0 64 64", "width": "128", "height": "128", "role": "img",
                    "aria-label": summary.joined(separator: ", "),
                ]
            ) {
                el("circle", ["class": "pie-slice pie-slice--closed", "cx": "32", "cy": "32", "r": "32"])
                el(
                    "circle",
                    [
                        "class": "pie-slice pie-slice--open", "cx": "32", "cy": "32", "r": radius,
                        "stroke-width": strokeWidth,
                        "stroke-dasharray": "\(openDash(counts)) 101", "transform": "rotate(-90 32 32)",
                        "fill": "none",
                    ])
                // The slices' two colours are 2.1:1 to each other; a white line where they meet
                // makes each border on white (6.4:1 and 3.2:1), as graphics need 3:1.
                for (x, y) in separatorEnds(counts) {
                    el("line", ["class": "pie-separator", "x1": "32", "y1": "32", "x2": x, "y2": y])
                }
            }
            // One sentence read in a row, as the issue writes it («Aperto: 41 Ticket, Chiuso: 13
            // Ticket, Totale 54 Ticket»): the items' text ran together as «…TicketChiuso…». The
            // commas are not seen (at the end of the stacked lines they read as stray marks) but
            // stay in the line's text, inline: hidden out of the flow, they were read and copied
            // as lines of their own.
            el("ul", ["class": "pie-legend"]) {
                el("li", ["class": "pie-legend-open"]) { summary[0]; el("span", ["class": "pie-legend-comma"]) { ", " } }
                el("li", ["class": "pie-legend-closed"]) { summary[1]; el("span", ["class": "pie-legend-comma"]) { ", " } }
                el("li", ["class": "pie-legend-total"]) { summary[2] }
            }
        }
    }

    /// The outer ends of the lines from the centre where the slices meet: at the top, where
    /// the open slice starts, and where it ends; none while one slice is the whole.
    static func separatorEnds(_ counts: TicketCounts) -> [(String, String)] {
        guard counts.open > 0, counts.closed > 0 else { return [] }
        let angle = 2 * Double.pi * Double(counts.open) / Double(counts.total)
        return [("32", "0"), (hundredths(32 + 32 * sin(angle)), hundredths(32 - 32 * cos(angle)))]
    }

    /// `value` with two decimals, as SVG reads it (no exponent, a dot).
    static func hundredths(_ value: Double) -> String { decimal(hundredths: Int64((value * 100).rounded())) }

    /// A number of hundredths written with a dot and two decimals.
    static func decimal(hundredths scaled: Int64) -> String {
        let sign = scaled < 0 ? "-" : ""
        let whole = abs(scaled) / 100, fraction = abs(scaled) % 100
        return sign + "\(whole)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// The open share of the circumference, in units with two decimals; an empty company
    /// shows an empty circle.
    static func openDash(_ counts: TicketCounts) -> String {
        guard counts.total > 0 else { return "0" }
        return decimal(hundredths: (counts.open * circumferenceHundredths + counts.total / 2) / counts.total)
    }
}
