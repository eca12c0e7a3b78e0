/// The new text of a reply, without the quoted history and the signature. Lines quoted with
/// ">" are dropped wherever they are, with the attribution line that introduces them ("Il
/// giorno … ha scritto:", "On … wrote:", also wrapped over two or three lines): an answer
/// written below the quote or between quoted lines keeps its own lines. Cut at the first of:
/// Outlook's header block ("Da: / Inviato: / A: / Oggetto:" and its English form) or its
/// separators, whose history is not quoted; a signature delimiter ("-- "); a phone's
/// "Inviato da iPhone" with nothing but history after it.
///
/// An attribution-like sentence not followed by a quote ("Il cliente il 30/11 ha scritto:
/// …"), a "Da: / Data: / A:" block without "Oggetto:", or "inviato dal mio commercialista"
/// in the middle of the text are the customer's words: cut, they were lost unseen.
public enum ReplyText {
    public static func extract(_ text: String) -> String {
        let lines = normalizedLines(text)
        var kept: [String] = []
        var index = 0
        while index < lines.count {
            if let span = attributionSpan(lines, at: index), isQuote(at: nextFilled(lines, from: index + span), lines) {
                index += span
                continue
            }
            if isCut(lines, at: index) { break }
            let line = withoutImageMarks(lines[index])
            if !line.trimmingLeadingSpaces().hasPrefix(">") && !isImagePlaceholder(line)
                && !(line.trimmingWhitespaceScalars().isEmpty && !lines[index].trimmingWhitespaceScalars().isEmpty)
            {
                kept.append(line)
            }
            index += 1
        }
        // Blank lines left where quotes were: at most one in a row, none at either end.
        var out: [String] = []
        for line in kept.map(trimTrailingSpaces) {
            if line.isEmpty, out.last?.isEmpty ?? true { continue }
            out.append(line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }

    static func normalizedLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines.append(current)
                current = ""
            } else if scalar != "\r" {
                current.unicodeScalars.append(scalar)
            }
        }
        lines.append(current)
        return lines
    }

    static func isCut(_ lines: [String], at index: Int) -> Bool {
        let line = lines[index].trimmingWhitespaceScalars()
        let lower = line.lowercased()
        if lines[index] == "-- " || lines[index] == "--" || lines[index] == "-- \u{00A0}" { return true }
        if isSeparator(lower) { return true }
        if isRule(line) { return true }
        if isHeaderBlock(lines, at: index) { return true }
        guard phoneSignatures.contains(where: { lower.hasPrefix($0) }) && line.count < 60 else { return false }
        // The phone's line ends the new text only where nothing of it follows. Outlook's
        // apps put their rule of underscores between it and the quoted header.
        guard let next = nextFilled(lines, from: index + 1) else { return true }
        let following = lines[next].trimmingWhitespaceScalars()
        return isQuote(at: next, lines) || attributionSpan(lines, at: next) != nil || isHeaderBlock(lines, at: next)
            || isSeparator(following.lowercased()) || isRule(following)
    }

    /// "[cid:image001.png@01DB44A2.3C5E1F20]": where Outlook's plain part had an image of the
    /// HTML one (a signature's logo). The image itself is kept or left out by the upload rules.
    static func isImagePlaceholder(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespaceScalars()
        return trimmed.hasPrefix("[cid:") && trimmed.hasSuffix("]") && !trimmed.dropFirst().contains("[")
    }

    /// The line without Gmail's "[image: logo.png]", written in the plain part where the HTML
    /// one shows an inline image (the image is an attachment of its own, or left out by the
    /// upload rules): the marks were the message's text on the ticket.
    static func withoutImageMarks(_ line: String) -> String {
        guard line.contains("[image: ") else { return line }
        var out = ""
        var rest = Substring(line)
        while let open = rest.firstRange(of: "[image: ") {
            guard let close = rest[open.upperBound...].firstIndex(of: "]"),
                !rest[open.upperBound..<close].contains("[")
            else { break }
            out += rest[..<open.lowerBound]
            rest = rest[rest.index(after: close)...]
            // The space the mark stood between: one, not two (the line's other spaces as typed).
            if out.last == " " && (rest.isEmpty || rest.first == " ") { out.removeLast() }
        }
        out += rest
        return out
    }

    /// Outlook's line of underscores above the quoted message.
    static func isRule(_ line: String) -> Bool { line.count >= 20 && line.allSatisfy { $0 == "_" } }

    /// The index of the next line that is not blank, from `index` on.
    static func nextFilled(_ lines: [String], from index: Int) -> Int? {
        (index..<max(index, lines.count)).first { !lines[$0].trimmingWhitespaceScalars().isEmpty }
    }

    static func isQuote(at index: Int?, _ lines: [String]) -> Bool {
        index.map { lines[$0].trimmingLeadingSpaces().hasPrefix(">") } ?? false
    }

    /// "-----Original Message-----", "----Messaggio originale----", "-------- Forwarded Message --------"…
    static func isSeparator(_ lower: String) -> Bool {
        guard lower.hasPrefix("--") else { return false }
        let words = lower.trimmingCharacters(in: "- ")
        return separatorWords.contains(words)
    }

    static let separatorWords: Set<String> = [
        "original message", "messaggio originale", "messaggio inoltrato", "forwarded message", "ursprüngliche nachricht",
        "message d'origine", "mensaje original",
    ]

    static let phoneSignatures = [
        "inviato da iphone", "inviato dal mio iphone", "inviato da ipad", "inviato dal mio ipad", "inviato dal mio ",
        "inviato da outlook", "inviato da posta per windows", "ottieni outlook per", "sent from my ", "sent from outlook",
        "get outlook for", "sent from mail for windows", "inviato da smartphone",
    ]

    /// "Il giorno lun 30 nov 2026 alle ore 10:00 Assistenza <…> ha scritto:", "Il 30/11/2026
    /// 10:00, Assistenza ha scritto:", "On Mon, Nov 30, 2026 at 10:00 AM Support <…> wrote:",
    /// possibly wrapped over up to three lines; quoted (Apple Mail) or not.
    /// How many lines the attribution starting at `index` spans; nil when there is none.
    static func attributionSpan(_ lines: [String], at index: Int) -> Int? {
        let lower = unquoted(lines[index]).lowercased()
        let opens = ["il ", "on ", "am ", "le ", "el "].contains { lower.hasPrefix($0) } || lower.hasPrefix("in data ")
        guard opens else { return nil }
        var joined = lower
        for offset in 0..<3 {
            if offset > 0 {
                guard index + offset < lines.count else { break }
                let next = unquoted(lines[index + offset]).lowercased()
                if next.isEmpty { break }
                joined += " " + next
            }
            if joined.count > 300 { return nil }
            // A real attribution carries a date or a time: "Il tecnico ha scritto:" is text, and
            // so is the customer's "Le credenziali che Paolo ha scritto:" above a quote of them.
            if endings.contains(where: { joined.hasSuffix($0) }) { return joined.contains(where: \.isNumber) ? offset + 1 : nil }
        }
        return nil
    }

    /// A line without its quote marks («> > Il giorno…») and the spaces around them, in one pass:
    /// dropped one «>» at a time, each time copying the rest, a line of a million «>» (an
    /// e-mail under the gate's text limit) took the mailer 30 seconds, login codes waiting.
    static func unquoted(_ line: String) -> String {
        var text = Substring(line)
        while let first = text.first, first == ">" || first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    static let endings = ["ha scritto:", "hanno scritto:", "wrote:", "a écrit :", "a écrit:", "schrieb:", "escribió:"]

    /// Outlook's block: "Da:" / "From:" and, within the next five lines, "Inviato:" / "Sent:"
    /// / "Data:" / "Date:" and "Oggetto:" / "Subject:" (a mail program always writes the
    /// subject; a document's pasted "Da: / Data: / A:" has none).
    static func isHeaderBlock(_ lines: [String], at index: Int) -> Bool {
        let first = stripped(lines[index])
        guard first.hasPrefix("da:") || first.hasPrefix("from:") || first.hasPrefix("von:") else { return false }
        var sawDate = false
        var sawSubject = false
        for offset in 1...5 where index + offset < lines.count {
            let line = stripped(lines[index + offset])
            if ["inviato:", "sent:", "data:", "date:", "gesendet:"].contains(where: { line.hasPrefix($0) }) { sawDate = true }
            if ["oggetto:", "subject:", "betreff:", "objet :", "objet:", "asunto:"].contains(where: { line.hasPrefix($0) }) {
                sawSubject = true
            }
        }
        return sawDate && sawSubject
    }

    /// A line lower-cased without leading blanks, quote marks or Outlook's bold stars.
    static func stripped(_ line: String) -> String {
        line.lowercased().trimmingCharacters(in: " \t>*").replacingStars()
    }

    static func trimTrailingSpaces(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }.reversed())
    }
}

extension String {
    func trimmingLeadingSpaces() -> Substring { drop { $0 == " " || $0 == "\t" } }
    /// "da:* x" → "da: x" (Outlook in plain text marks the bold names with stars).
    func replacingStars() -> String { String(filter { $0 != "*" }) }
}
