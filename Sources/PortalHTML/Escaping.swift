/// HTML escaping. Text escapes `& < >`; attribute values also escape both quotes, so a value
/// can never end its attribute, whichever quote the markup uses.
public enum Escape {
    public static func text(_ value: String) -> String {
        escape(value, attribute: false)
    }

    public static func attribute(_ value: String) -> String {
        escape(value, attribute: true)
    }

    static func escape(_ value: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
