/// RFC 2047 encoded words in header values (`=?ISO-8859-1?Q?Perch=E9?=`, `=?UTF-8?B?…?=`):
/// decoded with their charset; whitespace between two adjacent words disappears.
enum EncodedWords {
    static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var out = ""
        var pendingSpace = ""
        // Adjacent words of one charset are one run of bytes: some senders split a letter's
        // bytes across two words ("Perch=C3?= =?UTF-8?Q?=A9"), decoded apart it read "PerchÃ©".
        var run: (charset: String, bytes: [UInt8])?
        func flush() {
            if let pending = run { out += Charset.decode(pending.bytes, charset: pending.charset) }
            run = nil
        }
        var previousWasWord = false
        var rest = Substring(value)
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (charset, bytes, length) = word(rest) {
                // The space between two words is not text (RFC 2047); before the first it is.
                if previousWasWord, let current = run, current.charset.lowercased() == charset.lowercased() {
                    run?.bytes += bytes
                } else {
                    flush()
                    if !previousWasWord { out += pendingSpace }
                    run = (charset, bytes)
                }
                pendingSpace = ""
                previousWasWord = true
                rest = rest.dropFirst(length)
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t" {
                pendingSpace.append(character)
            } else {
                flush()
                out += pendingSpace
                pendingSpace = ""
                out.append(character)
                previousWasWord = false
            }
        }
        flush()
        return out + pendingSpace
    }

    /// One `=?charset?enc?text?=` at the start of `text`: its charset, its bytes and its length.
    static func word(_ text: Substring) -> (charset: String, bytes: [UInt8], length: Int)? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 6 else { return nil }
        var marks: [Int] = []
        var index = 2
        while index < scalars.count && marks.count < 2 {
            if scalars[index] == "?" { marks.append(index) }
            if scalars[index] == " " { return nil }
            index += 1
        }
        guard marks.count == 2 else { return nil }
        var end = marks[1] + 1
        while end + 1 < scalars.count, !(scalars[end] == "?" && scalars[end + 1] == "=") {
            if scalars[end] == " " { return nil }
            end += 1
        }
        guard end + 1 < scalars.count else { return nil }
        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        var charset = string(2..<marks[0])
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }  // RFC 2231 language
        let encoding = string((marks[0] + 1)..<marks[1]).lowercased()
        let payload = Array(string((marks[1] + 1)..<end).utf8)[...]
        let bytes: [UInt8]
        switch encoding {
        case "b": bytes = TransferEncoding.base64(payload)
        case "q": bytes = TransferEncoding.quotedPrintable(payload, underscoreIsSpace: true)
        default: return nil
        }
        return (charset, bytes, end + 2)
    }
}
