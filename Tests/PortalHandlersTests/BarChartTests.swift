import PortalCore
import PortalHTML
import Testing

@testable import PortalHandlers

@Suite("Andamento's bar charts and cells")
struct BarChartTests {
    /// The x of each category's name under the bars.
    func labelPositions(_ svg: String) -> [Double] {
        svg.split(separator: "<text ").compactMap { part in
            guard part.contains("text-anchor=\"middle\" fill=") else { return nil }
            guard let start = part.range(of: "x=\"")?.upperBound, let end = part[start...].firstIndex(of: "\"") else { return nil }
            return Double(part[start..<end])
        }
    }

    @Test("the names under the bars are as far apart as they are long")
    func labelsDoNotOverlap() {
        let names = ["Non assegnato", "In attesa", "Rinviato", "In sviluppo"]
        let figure = Figure(
            id: "stati", title: "Stati", description: "", headings: ["Stato", "Aperti"],
            rows: names.map { [Figure.label($0), Figure.count(3)] }, categories: names,
            series: [.init(name: "Aperti", column: 1, colour: "#000")])
        let positions = labelPositions(BarChart.render(figure).html)
        #expect(positions.count == names.count)
        for index in 1..<positions.count {
            let room = positions[index] - positions[index - 1]
            let needed = Double(names[index - 1].count + names[index].count) / 2 * BarChart.characterWidth
            #expect(room >= needed, "\(names[index - 1]) and \(names[index])")
        }
    }

    @Test("a time under an hour reads the same on the bar as in the table; the CSV keeps two places")
    func hours() {
        let short = Figure.hours(13)
        #expect(short.text == "13 min" && short.short == "13 min")
        #expect(Figure.hours(150).short == "2,5 h")
        #expect(Figure.hours(2).csv == .decimal(2.0 / 60, places: 2))
    }
}
