/// A table of records as every page shows one: in the wrapper that scrolls it sideways on a
/// narrow screen, with one row of column headings that screen readers announce per cell.
public enum DataTable {
    public static func render(className: String = "table", headings: [String], @NodeBuilder rows: () -> Node) -> Node {
        render(className: className, headings: headings.map(Node.text), rows: rows)
    }

    /// Headings with markup of their own (a heading only screen readers read).
    public static func render(className: String = "table", headings: [Node], @NodeBuilder rows: () -> Node) -> Node {
        el("div", ["class": "table-wrap"]) {
            el("table", ["class": className]) {
                el("thead") {
                    el("tr") {
                        for heading in headings { el("th", ["scope": "col"]) { heading } }
                    }
                }
                el("tbody") { rows() }
            }
        }
    }
}
