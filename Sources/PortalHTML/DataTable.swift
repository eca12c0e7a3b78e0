/// A table of records as every page shows one: in the wrapper that scrolls it sideways on a
/// narrow screen, with one row of column headings that screen readers announce per cell.
/// On a phone (and at 200 % zoom) the rows become cards and the heading row is hidden: each
/// cell then shows its column's name from its `data-label`, which this adds.
public enum DataTable {
    /// `labelsCells: false` for a table whose cells carry their own `data-label` (the desk's queue).
    /// `scrollName`: a table wider than its box on a laptop (the desk's figures) scrolls in a
    /// group the keyboard can focus, named so. A group, not a region: the region of the chart
    /// it sits in is named with the same title, and a lookup of that region found both.
    public static func render(
        className: String = "table", headings: [String], labelsCells: Bool = true, scrollName: String? = nil,
        @NodeBuilder rows: () -> Node
    ) -> Node {
        render(
            className: className, headings: headings.map(Node.text), labels: labelsCells ? headings : nil, scrollName: scrollName,
            rows: rows)
    }

    /// Headings with markup of their own (a heading only screen readers read); `labels`, the
    /// columns' names for the cards.
    /// `sortedBy`: the column the rows are in the order of, ascending (`aria-sort`).
    public static func render(
        className: String = "table", headings: [Node], labels: [String]? = nil, scrollName: String? = nil,
        sortedBy: Int? = nil, @NodeBuilder rows: () -> Node
    ) -> Node {
        el("div", [
            "class": "table-wrap", "tabindex": scrollName == nil ? nil : "0", "role": scrollName == nil ? nil : "group",
            "aria-label": scrollName,
        ]) {
            el("table", ["class": className]) {
                el("thead") {
                    el("tr") {
                        for (column, heading) in headings.enumerated() {
                            el("th", ["scope": "col", "aria-sort": column == sortedBy ? "ascending" : nil]) { heading }
                        }
                    }
                }
                el("tbody") {
                    if let labels { labelled(rows(), labels) } else { rows() }
                }
            }
        }
    }

    /// `rows` with `data-label` on each `<td>`, its column's name (none for a column without
    /// one, none where the cell names itself); a `<th>` takes its column's place without one.
    /// Columns are counted one per cell: no table of the portal spans columns. Only the builder writes `<tr` and `<td`: text and attribute values have their
    /// `<` escaped, so these bytes are the cells' own tags.
    static func labelled(_ rows: Node, _ labels: [String]) -> Node {
        let attributes = labels.map { $0.isEmpty ? [] : Array(" data-label=\"\(Escape.attribute($0))\"".utf8) }
        var out: [UInt8] = []
        rows.withBytes { bytes in
            out.reserveCapacity(bytes.count + bytes.count / 8)
            var column = 0
            var index = 0
            func tag(_ name: (UInt8, UInt8)) -> Bool {
                index + 3 < bytes.count && bytes[index + 1] == name.0 && bytes[index + 2] == name.1
                    && (bytes[index + 3] == UInt8(ascii: " ") || bytes[index + 3] == UInt8(ascii: ">"))
            }
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<") {
                    if tag((UInt8(ascii: "t"), UInt8(ascii: "r"))) {
                        column = 0
                    } else if tag((UInt8(ascii: "t"), UInt8(ascii: "h"))) {
                        column += 1  // a row's own heading (scope="row") names itself
                    } else if tag((UInt8(ascii: "t"), UInt8(ascii: "d"))) {
                        out.append(contentsOf: "<td".utf8)
                        // A cell that names itself keeps its own label (never two attributes).
                        let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
                        let named = String(decoding: bytes[index..<end], as: UTF8.self).contains(" data-label=")
                        if column < attributes.count && !named { out.append(contentsOf: attributes[column]) }
                        column += 1
                        index += 3
                        continue
                    }
                }
                out.append(bytes[index])
                index += 1
            }
        }
        return out.withUnsafeBufferPointer { Node(bytes: $0) }
    }
}
