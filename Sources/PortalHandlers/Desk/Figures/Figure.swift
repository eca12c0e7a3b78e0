import PortalCore

/// One chart of "Andamento" as data: its table (first column the category), which columns
/// are drawn as bars, and its CSV file. The SVG, the HTML table and the CSV are all made from
/// it, so they always show the same numbers.
struct Figure {
    struct Cell {
        /// As the table shows it: "12", "2 h 30 min", "87,5 %".
        let text: String
        let csv: CSV.Cell
        /// The bar's height in the chart's unit; nil draws no bar.
        var value: Double? = nil
        /// The number written on the bar: shorter than `text` where the bar is narrow ("2,5 h").
        var short: String? = nil
    }

    struct Series {
        let name: String
        /// The table's column the bars show.
        let column: Int
        let colour: String
    }

    /// The address part of its CSV ("settimane") and the ids of its elements.
    let id: String
    let title: String
    let description: String
    let headings: [String]
    let rows: [[Cell]]
    /// The category's name under its bars (the first column, shorter where needed).
    let categories: [String]
    let series: [Series]
    /// The top of the scale: 100 for percentages, else the largest value.
    var scaleMaximum: Double? = nil

    var csv: CSV {
        var csv = CSV(headings: headings)
        for row in rows { csv.append(row.map(\.csv)) }
        return csv
    }

    static func count(_ value: Int) -> Cell { Cell(text: String(value), csv: .number(value), value: Double(value)) }

    static func label(_ text: String) -> Cell { Cell(text: text, csv: .text(text)) }

    /// Working minutes as hours: "2 h 30 min" in the table, "2,50" in the CSV (two places: a
    /// two-minute answer is 0,03, not 0,0), "2,5 h" on the bar, or "13 min" under an hour (as
    /// the table says it, not "0,2 h").
    static func hours(_ minutes: Double?) -> Cell {
        guard let minutes else { return Cell(text: Text.figuresNoData, csv: .empty) }
        let hours = minutes / 60
        let text = WorkingDuration.text(minutes: Int(minutes.rounded()))
        return Cell(
            text: text, csv: .decimal(hours, places: 2), value: hours,
            short: minutes < 59.5 ? text : ItalianNumber.decimal(hours, places: 1) + " h")
    }

    static func percent(_ value: Double?) -> Cell {
        guard let value else { return Cell(text: Text.figuresNoData, csv: .empty) }
        return Cell(
            text: ItalianNumber.decimal(value, places: 1) + " %", csv: .decimal(value, places: 1), value: value,
            short: ItalianNumber.decimal(value, places: 0) + " %")
    }
}
