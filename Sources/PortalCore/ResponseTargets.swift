/// "Tempi di risposta": per priority, how many working minutes the desk has for the first
/// answer and for the resolution, both counted from the ticket's opening.
public struct ResponseTargets: Sendable, Equatable {
    public struct Target: Sendable, Equatable {
        public var firstAnswer: Int
        public var resolution: Int

        public init(firstAnswer: Int, resolution: Int) {
            self.firstAnswer = firstAnswer
            self.resolution = resolution
        }
    }

    /// What an open ticket's clock runs towards: the first answer until an operator has
    /// replied, then the resolution.
    public enum Kind: Sendable, Equatable {
        case firstAnswer, resolution

        public var label: String {
            switch self {
            case .firstAnswer: Text.targetFirstAnswer
            case .resolution: Text.targetResolution
            }
        }
    }

    public var targets: [Priority: Target]

    public init(_ targets: [Priority: Target]) { self.targets = targets }

    /// Working hours: an hour for a blocking ticket's first answer, a week for a low one's
    /// resolution.
    public static let standard = ResponseTargets([
        .blocking: Target(firstAnswer: 60, resolution: 8 * 60),
        .high: Target(firstAnswer: 4 * 60, resolution: 24 * 60),
        .normal: Target(firstAnswer: 8 * 60, resolution: 40 * 60),
        .low: Target(firstAnswer: 16 * 60, resolution: 80 * 60),
    ])

    public subscript(priority: Priority) -> Target {
        targets[priority] ?? ResponseTargets.standard.targets[priority]!
    }

    /// A target above a year (8,760 hours) is a typing mistake, not a target.
    public static let maximumMinutes = 8760 * 60

    /// What the clock runs towards and when it runs out; nil for a closed ticket.
    /// `pausedMinutes`: working minutes the clock stood still ("Rinviato"), added to the target.
    public func due(
        createdAt: Timestamp, priority: Priority, firstAnsweredAt: Timestamp?, isClosed: Bool, pausedMinutes: Int = 0,
        calendar: WorkingCalendar
    ) -> (kind: Kind, at: Timestamp)? {
        guard !isClosed else { return nil }
        let target = self[priority]
        return firstAnsweredAt == nil
            ? (.firstAnswer, calendar.adding(minutes: target.firstAnswer + pausedMinutes, to: createdAt))
            : (.resolution, calendar.adding(minutes: target.resolution + pausedMinutes, to: createdAt))
    }
}

/// A length of working time as the pages write it and read it back.
public enum WorkingDuration {
    /// "8 h", "1 h 30 min", "45 min".
    public static func text(minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        if hours == 0 { return "\(rest) min" }
        return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
    }

    /// As `text`, without the minutes from ten hours on: "2 h 30 min", "302 h".
    public static func rounded(minutes: Int) -> String {
        minutes >= 600 ? "\(minutes / 60) h" : text(minutes: minutes)
    }

    /// The value of a target's field: hours ("8"), hours and minutes ("1:30") or a decimal
    /// number of hours ("1,5"). The minutes, or the Italian reason it is refused.
    public static func minutes(_ text: String) -> Result<Int, TargetError> {
        let value = text.trimmingWhitespace()
        guard !value.isEmpty else { return .failure(TargetError(Text.targetRequired)) }
        guard value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":" || $0 == "," || $0 == ".") }) else {
            return .failure(TargetError(Text.targetNotANumber))
        }
        // Hours past any target are held at a bound that is still past it: 999999999999999999:00
        // overflowed the multiplication and took the worker down.
        func inMinutes(_ hours: Int) -> Int { min(hours, 1_000_000) * 60 }
        // Digits past what an Int holds are still hours, past a year: "not a number" misread them.
        func hours(_ digits: Substring) -> Int? {
            digits.count > 9 && digits.allSatisfy(\.isNumber) ? 1_000_000 : Int(digits)
        }
        let minutes: Int?
        if let colon = value.firstIndex(of: ":") {
            let whole = hours(value[..<colon]), rest = Int(value[value.index(after: colon)...])
            minutes = whole.flatMap { whole in rest.flatMap { (0..<60).contains($0) ? inMinutes(whole) + $0 : nil } }
        } else {
            let parts = value.split(separator: value.contains(",") ? "," : ".", omittingEmptySubsequences: false)
            if parts.count == 1, let whole = hours(parts[0]) {
                minutes = inMinutes(whole)
            } else if parts.count == 2, let whole = hours(parts[0].isEmpty ? "0" : parts[0]), !parts[1].isEmpty,
                parts[1].count <= 2, let fraction = Int(parts[1])
            {
                let scale = parts[1].count == 1 ? 10 : 100
                minutes = inMinutes(whole) + (fraction * 60 + scale / 2) / scale
            } else {
                minutes = nil
            }
        }
        guard let minutes else { return .failure(TargetError(Text.targetNotANumber)) }
        guard minutes > 0 else { return .failure(TargetError(Text.targetZero)) }
        guard minutes <= ResponseTargets.maximumMinutes else { return .failure(TargetError(Text.targetAboveAYear)) }
        return .success(minutes)
    }

    /// A target as its field shows it: "8", "1:30".
    public static func fieldText(minutes: Int) -> String {
        let rest = minutes % 60
        return rest == 0 ? String(minutes / 60) : "\(minutes / 60):" + (rest < 10 ? "0\(rest)" : String(rest))
    }
}

/// Why a value of "Tempi di risposta" is refused: the sentence shown next to its field.
public struct TargetError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
