/// A CSV file as spreadsheets in Italy open it: cells separated by semicolons (the comma is
/// the decimal mark), lines ended by CRLF, UTF-8 with a byte-order mark (without it Excel
/// reads "Priorità" as Latin-1). Cells are quoted by RFC 4180's rules; a text cell that a
/// spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
public struct CSV: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Int)
        /// A decimal with `places` digits after the comma ("2,5").
        case decimal(Double, places: Int)
        case empty
    }

    public var rows: [[Cell]] = []

    public init(headings: [String]) { rows.append(headings.map(Cell.text)) }

    public mutating func append(_ row: [Cell]) { rows.append(row) }

    public var text: String {
        rows.map { $0.map(CSV.field).joined(separator: ";") + "\r\n" }.joined()
    }

    public var bytes: [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let value):
            var value = value
            if let first = value.first, "=+-@".contains(first) { value = "'" + value }
            guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "," })
            else { return value }
            return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
        case .number(let value): return String(value)
        case .decimal(let value, let places): return ItalianNumber.decimal(value, places: places)
        case .empty: return ""
        }
    }
}

/// Numbers with a decimal comma, rounded half away from zero: "2,5", "87,5".
public enum ItalianNumber {
    public static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale), fraction = scaled % Int(scale)
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        if places > 0 {
            let digits = String(fraction)
            text += "," + String(repeating: "0", count: places - digits.count) + digits
        }
        return text
    }
}

extension String {
    /// Every occurrence of `target` replaced (PortalCore has no Foundation).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
