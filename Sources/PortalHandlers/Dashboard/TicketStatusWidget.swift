import PortalCore
import PortalHTML
import PortalStore

/// "Stato Ticket": a pie chart of open and closed tickets in SVG, with the numbers written
/// beside it, so that they are read (and found by a screen reader) without the picture.
enum TicketStatusWidget {
    /// A circle of radius r drawn with a stroke as wide as 2r is a full disc; a dash of
    /// length p (on a circumference normalised to 100 with pathLength) is a slice of p%.
    static let radius = "16"
    static let strokeWidth = "32"

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
                        "stroke-width": strokeWidth, "pathLength": "100",
                        "stroke-dasharray": "\(openPercent(counts)) 100", "transform": "rotate(-90 32 32)",
                        "fill": "none",
                    ])
            }
            el("ul", ["class": "pie-legend"]) {
                el("li", ["class": "pie-legend-open"]) { summary[0] }
                el("li", ["class": "pie-legend-closed"]) { summary[1] }
                el("li", ["class": "pie-legend-total"]) { summary[2] }
            }
        }
    }

    /// The open share in percent with two decimals; an empty company shows an empty circle.
    static func openPercent(_ counts: TicketCounts) -> String {
        guard counts.total > 0 else { return "0" }
        let hundredths = (counts.open * 10_000 + counts.total / 2) / counts.total
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
