/// The working calendar as the "Tempi di risposta" form writes it and the database keeps it:
/// hours as "09:00-13:00, 14:00-18:00", holidays one per line ("24/12/2026", "29/06").
extension WorkingCalendar {
    public var hoursText: String {
        hours.map { WorkingCalendar.clock($0.start) + "-" + WorkingCalendar.clock($0.end) }.joined(separator: ", ")
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// The spans of "Orario di lavoro", sorted; refused when a span is not "hh:mm-hh:mm",
    /// ends before it starts, or overlaps another.
    public static func hours(from text: String) -> Result<[Span], TargetError> {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }).map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
        guard !parts.isEmpty else { return .failure(TargetError(Text.hoursRequired)) }
        var spans: [Span] = []
        for part in parts {
            let ends = part.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { String($0).trimmingWhitespace() }
            guard ends.count == 2, let start = minute(ends[0]), let end = minute(ends[1]) else {
                return .failure(TargetError(Text.hoursInvalid(part)))
            }
            guard start < end else { return .failure(TargetError(Text.hoursBackwards(part))) }
            spans.append(Span(start: start, end: end))
        }
        spans.sort { $0.start < $1.start }
        for (earlier, later) in zip(spans, spans.dropFirst()) where later.start < earlier.end {
            return .failure(TargetError(Text.hoursOverlap))
        }
        return .success(spans)
    }

    /// "9", "9:00", "09.30", "24:00": minutes from midnight.
    static func minute(_ text: String) -> Int? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII } }),
            let hours = Int(parts[0]), let minutes = parts.count == 2 ? Int(parts[1]) : 0,
            (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 1440
        else { return nil }
        return hours * 60 + minutes
    }

    /// One holiday per line (commas and semicolons also separate); refused with the first
    /// entry that is not a date.
    public static func holidays(from text: String) -> Result<[HolidayRule], TargetError> {
        var rules: [HolidayRule] = []
        // Every wrong entry at once: one at a time meant one refusal per mistake.
        var wrong: [String] = []
        for entry in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }) {
            let value = String(entry).trimmingWhitespace()
            if value.isEmpty { continue }
            guard let rule = HolidayRule(value) else {
                if !wrong.contains(value) { wrong.append(value) }
                continue
            }
            if !rules.contains(rule) { rules.append(rule) }
        }
        return wrong.isEmpty ? .success(rules) : .failure(TargetError(Text.holidaysInvalid(wrong)))
    }

    /// "Giorni festivi lavorati": as `holidays(from:)`, and every day must be a national
    /// holiday; a working day there changed nothing and read as if it had (Easter Monday moves,
    /// so it is accepted only with its year).
    public static func workedHolidays(from text: String) -> Result<[HolidayRule], TargetError> {
        holidays(from: text).flatMap { rules in
            let wrong = rules.filter { !$0.isNationalHoliday }.map(\.text)
            return wrong.isEmpty ? .success(rules) : .failure(TargetError(Text.holidaysNotNational(wrong)))
        }
    }

    public static func holidaysText(_ rules: [HolidayRule]) -> String { rules.map(\.text).joined(separator: "\n") }
}
