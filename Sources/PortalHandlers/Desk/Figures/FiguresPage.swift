import PortalCore
import PortalHTML

/// "Andamento": the period's form ("Dal", "Al"), then each chart beside its table, with the
/// link to its CSV file.
struct FiguresPage {
    var viewer: Viewer
    /// As typed (or the default period), shown again in the fields.
    var from: String
    var to: String
    var errors: [String: String] = [:]
    var period: FiguresPeriod?
    var figures: [Figure] = []

    func render() -> [UInt8] {
        Page(title: Text.figuresTitle, kind: .app(viewer), currentPath: "/desk/andamento") {
            el("h1", ["class": "page-title"]) { Text.figuresTitle }
            el("form", ["class": "card form form--inline figures-period", "method": "get", "novalidate": "novalidate", "action": "/desk/andamento"]) {
                FormField.dateInput(id: "dal", label: Text.periodFrom, value: from, error: errors["dal"])
                FormField.dateInput(id: "al", label: Text.periodTo, value: to, error: errors["al"])
                el("div", ["class": "form-actions"]) {
                    el("button", ["class": "button button--primary", "type": "submit"]) { Text.periodShow }
                }
            }
            if let period {
                el("p") { Text.periodShown(period.from.italianText, period.to.italianText) + ". " + Text.figuresIntro }
                for figure in figures { section(figure, period) }
            }
        }.renderBytes()
    }

    func section(_ figure: Figure, _ period: FiguresPeriod) -> Node {
        let headingID = "figura-\(figure.id)"
        return el("section", ["class": "card figure", "aria-labelledby": headingID]) {
            el("h2", ["id": headingID]) { figure.title }
            el("div", ["class": "figure-body"]) {
                // At its own size on a phone, scrolled sideways in a group the keyboard can
                // focus: scaled to 320 pixels its labels and numbers were 4 pixels tall.
                el("div", ["class": "figure-chart", "role": "group", "tabindex": "0", "aria-label": Text.chartRegion(figure.title)]) {
                    BarChart.render(figure)
                }
                DataTable.render(className: "table figure-table", headings: figure.headings, scrollName: Text.tableRegion(figure.title)) {
                    for row in figure.rows {
                        el("tr") {
                            el("th", ["scope": "row"]) { row[0].text }
                            for cell in row.dropFirst() { el("td") { cell.text } }
                        }
                    }
                }
            }
            el("p") {
                el("a", [
                    "class": "button", "download": "download", "aria-label": "\(Text.downloadCSV): \(figure.title)",
                    "href": "/desk/andamento/csv/\(figure.id)?dal=\(period.from.text)&al=\(period.to.text)",
                ]) { Text.downloadCSV }
            }
        }
    }
}
