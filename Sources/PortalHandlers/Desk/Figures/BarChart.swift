import PortalCore
import PortalHTML

/// A figure drawn by the server as an SVG bar chart: a group of bars per category, each bar
/// with its number written above it, the categories under them and a legend. Readable
/// without JavaScript or CSS (colours are attributes); a screen reader reads its title and
/// description (`role="img"`) and finds every number in the table beside it.
enum BarChart {
    static let height = 260.0
    static let top = 46.0
    static let bottom = 34.0
    static let side = 12.0
    static let barWidth = 20.0
    static let gap = 16.0

    /// About what a character of the 12-pixel labels takes: the groups are made wide enough
    /// for their category's name ("Non assegnato" ran into "In attesa" under 20-pixel bars).
    static let characterWidth = 6.8

    static func render(_ figure: Figure) -> Node {
        // Each bar is as wide as the number written above it ("30 min" overlapped its
        // neighbour's over 20-pixel bars); 11-pixel digits take about 6.2 pixels.
        let longestValue = figure.rows.flatMap { row in figure.series.map { (row[$0.column].short ?? row[$0.column].text).count } }.max() ?? 0
        let barWidth = max(BarChart.barWidth, Double(longestValue) * 6.2 + 6)
        let bars = Double(figure.series.count) * barWidth
        let longest = Double(figure.categories.map(\.count).max() ?? 0)
        let groupWidth = max(bars + gap, longest * characterWidth + gap / 2)
        let width = max(360, side * 2 + Double(figure.rows.count) * groupWidth)
        let plot = height - top - bottom
        let values = figure.rows.flatMap { row in figure.series.compactMap { row[$0.column].value } }
        let maximum = max(figure.scaleMaximum ?? 0, values.max() ?? 0, 1)
        let titleID = "grafico-\(figure.id)-titolo", descriptionID = "grafico-\(figure.id)-descrizione"
        return el("svg", [
            "class": "chart", "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(number(width)) \(number(height))",
            "width": number(width), "height": number(height), "role": "img", "aria-labelledby": "\(titleID) \(descriptionID)",
            "font-family": "sans-serif", "font-size": "12",
        ]) {
            el("title", ["id": titleID]) { figure.title }
            el("desc", ["id": descriptionID]) { figure.description }
            legend(figure.series)
            el("line", ["x1": number(side), "x2": number(width - side), "y1": number(top + plot), "y2": number(top + plot),
                        "stroke": "#56606d", "stroke-width": "1"])
            for (index, row) in figure.rows.enumerated() {
                let left = side + Double(index) * groupWidth + (groupWidth - bars) / 2
                for (position, series) in figure.series.enumerated() {
                    let cell = row[series.column]
                    let x = left + Double(position) * barWidth
                    let barHeight = (cell.value ?? 0) / maximum * plot
                    if cell.value != nil {
                        el("rect", ["x": number(x + 2), "y": number(top + plot - barHeight), "width": number(barWidth - 4),
                                    "height": number(barHeight), "fill": series.colour])
                    }
                    el("text", ["x": number(x + barWidth / 2), "y": number(top + plot - barHeight - 4), "text-anchor": "middle",
                                "font-size": "11", "fill": "#1b2430"]) { cell.short ?? cell.text }
                }
                el("text", ["x": number(left + bars / 2), "y": number(height - bottom + 16),
                            "text-anchor": "middle", "fill": "#1b2430"]) { figure.categories[index] }
            }
        }
    }

    /// A coloured square and the series' name, side by side along the top.
    static func legend(_ series: [Figure.Series]) -> Node {
        Node.group(series.enumerated().map { index, series in
            let x = side + Double(index) * 190
            return el("g") {
                el("rect", ["x": number(x), "y": "10", "width": "12", "height": "12", "fill": series.colour])
                el("text", ["x": number(x + 18), "y": "20", "fill": "#1b2430"]) { series.name }
            }
        })
    }

    /// Coordinates with at most one decimal, without a trailing ".0".
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
