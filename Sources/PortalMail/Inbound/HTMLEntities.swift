/// Character references of HTML: numeric ones and the named ones Italian and English mail
/// programs write. An unknown name stays as it was typed.
enum HTMLEntities {
    static let named: [String: String] = [
        "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "euro": "€", "hellip": "…",
        "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "ndash": "–", "mdash": "—", "laquo": "«",
        "raquo": "»", "copy": "©", "reg": "®", "trade": "™", "deg": "°", "middot": "·", "bull": "•",
        "agrave": "à", "aacute": "á", "egrave": "è", "eacute": "é", "igrave": "ì", "iacute": "í", "ograve": "ò",
        "oacute": "ó", "ugrave": "ù", "uacute": "ú", "Agrave": "À", "Egrave": "È", "Eacute": "É", "Igrave": "Ì",
        "Ograve": "Ò", "Ugrave": "Ù", "ccedil": "ç", "ntilde": "ñ", "auml": "ä", "ouml": "ö", "uuml": "ü",
        "szlig": "ß", "times": "×", "shy": "",
    ]

    /// The reference starting at `index` (`&…;`): its text and its length in scalars.
    static func decode(_ scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        var end = index + 1
        while end < scalars.count, end - index <= 32, scalars[end] != ";" {
            let scalar = scalars[end]
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else { return nil }
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";" else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            // Control characters and surrogates are not text.
            guard let value, value >= 0x20 || value == 0x0a || value == 0x09, let scalar = Unicode.Scalar(value) else {
                return ("", end - index + 1)
            }
            return (String(scalar), end - index + 1)
        }
        guard let text = named[name] ?? named[name.lowercased()] else { return nil }
        return (text, end - index + 1)
    }

    static func decodeAll(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (decoded, length) = decode(scalars, at: index) {
                out += decoded
                index += length
            } else {
                out.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return out
    }
}
