import PortalCore
import PortalHTTP
import PortalStore

/// The fields of "Tempi di risposta" as typed, and what each one reads as. A field that does
/// not read keeps its text and gets its reason; the others keep theirs too.
struct TargetsForm {
    static let hours = "orario"
    static let added = "festivita-aggiunte"
    static let removed = "festivita-lavorate"
    static let calendarFields = [hours, added, removed]
    /// The calendar's text fields' length (the page's `maxlength` too): a year of dates by hand.
    static let calendarFieldLimit = 4000

    static func field(_ kind: ResponseTargets.Kind, _ priority: Priority) -> String {
        (kind == .firstAnswer ? "prima-risposta-" : "risoluzione-") + priority.rawValue
    }

    static let version = "versione"
    /// Each field as the page showed it: after a colleague's save, only the fields this
    /// person changed are theirs to apply (pressed again, the page's other, older values
    /// undid the colleague's work).
    static func shownName(_ name: String) -> String { "mostrato-" + name }

    var values: [String: String] = [:]
    /// The values the page showed (`shownName`), when it said.
    var shown: [String: String] = [:]
    var errors: [String: String] = [:]
    /// The saved change the page showed (`ResponseTargetStore.changeNumber`); nil from a form
    /// without it.
    var version: Int64?

    /// The form showing the settings as saved, change `version`.
    init(_ settings: ResponseSettings, version: Int64) {
        self.version = version
        for priority in Priority.allCases {
            let target = settings.targets[priority]
            values[TargetsForm.field(.firstAnswer, priority)] = WorkingDuration.fieldText(minutes: target.firstAnswer)
            values[TargetsForm.field(.resolution, priority)] = WorkingDuration.fieldText(minutes: target.resolution)
        }
        values[TargetsForm.hours] = settings.calendar.hoursText
        values[TargetsForm.added] = WorkingCalendar.holidaysText(settings.calendar.added)
        values[TargetsForm.removed] = WorkingCalendar.holidaysText(settings.calendar.removed)
        shown = values
    }

    /// Every field of the form, targets first.
    static let names = Priority.allCases.flatMap { [field(.firstAnswer, $0), field(.resolution, $0)] } + calendarFields

    /// The form on `current` (saved by a colleague since the page) with only the fields this
    /// person changed on it: those left as the page showed them take the colleague's values.
    func rebased(on current: TargetsForm) -> TargetsForm {
        func same(_ a: String?, _ b: String?) -> Bool {
            func plain(_ text: String?) -> String { (text ?? "").replacing("\r\n", with: "\n").trimmingWhitespace() }
            return plain(a) == plain(b)
        }
        var merged = current
        for name in TargetsForm.names where shown[name] == nil || !same(values[name], shown[name]) {
            merged.values[name] = values[name]
        }
        return merged
    }

    /// The form as posted: every field read, every refusal noted.
    init(_ form: FormData) {
        version = form[TargetsForm.version].flatMap { Int64($0) }
        for name in TargetsForm.names {
            if let value = form[TargetsForm.shownName(name)] { shown[name] = String(value.prefix(5 * TargetsForm.calendarFieldLimit)) }
        }
        for priority in Priority.allCases {
            for kind in [ResponseTargets.Kind.firstAnswer, .resolution] {
                let name = TargetsForm.field(kind, priority)
                values[name] = String((form[name] ?? "").prefix(40))
            }
        }
        // Kept whole up to five times the limit, then refused beside the field: cut at the
        // limit, a long list of days came back ending in half a date («24/12/2») and what
        // was typed after it was gone.
        for name in TargetsForm.calendarFields {
            values[name] = String((form[name] ?? "").prefix(5 * TargetsForm.calendarFieldLimit))
        }
    }

    /// The settings the fields read as, or nil with `errors` filled.
    mutating func settings() -> ResponseSettings? {
        errors = [:]
        var targets = ResponseTargets.standard
        for priority in Priority.allCases {
            var target = targets[priority]
            for kind in [ResponseTargets.Kind.firstAnswer, .resolution] {
                let name = TargetsForm.field(kind, priority)
                switch WorkingDuration.minutes(values[name] ?? "") {
                case .success(let minutes):
                    if kind == .firstAnswer { target.firstAnswer = minutes } else { target.resolution = minutes }
                case .failure(let error): errors[name] = error.message
                }
            }
            // A ticket is answered before it is resolved: a resolution sooner than the first
            // answer is a typing mistake (the two fields swapped).
            let resolution = TargetsForm.field(.resolution, priority)
            if errors[resolution] == nil, errors[TargetsForm.field(.firstAnswer, priority)] == nil,
                target.resolution < target.firstAnswer
            {
                errors[resolution] = Text.targetResolutionBeforeAnswer
            }
            targets.targets[priority] = target
        }
        var calendar = WorkingCalendar.standard
        for name in TargetsForm.calendarFields where (values[name] ?? "").count > TargetsForm.calendarFieldLimit {
            errors[name] = Text.calendarFieldTooLong
        }
        switch WorkingCalendar.hours(from: values[TargetsForm.hours] ?? "") {
        case .success(let hours): calendar.hours = hours
        case .failure(let error): errors[TargetsForm.hours] = errors[TargetsForm.hours] ?? error.message
        }
        switch WorkingCalendar.holidays(from: values[TargetsForm.added] ?? "") {
        case .success(let rules): calendar.added = rules
        case .failure(let error): errors[TargetsForm.added] = errors[TargetsForm.added] ?? error.message
        }
        switch WorkingCalendar.workedHolidays(from: values[TargetsForm.removed] ?? "") {
        case .success(let rules): calendar.removed = rules
        case .failure(let error): errors[TargetsForm.removed] = errors[TargetsForm.removed] ?? error.message
        }
        if errors.isEmpty {
            let now = Clock.now()
            for priority in Priority.allCases {
                for kind in [ResponseTargets.Kind.firstAnswer, .resolution] {
                    let minutes = kind == .firstAnswer ? targets[priority].firstAnswer : targets[priority].resolution
                    if !calendar.fits(minutes: minutes, from: now) { errors[TargetsForm.field(kind, priority)] = Text.targetBeyondCalendar }
                }
            }
        }
        return errors.isEmpty ? ResponseSettings(targets: targets, calendar: calendar) : nil
    }

    /// What changed, one entry per field, for the audit trail ("Prima risposta – Normale: 8 h → 6 h").
    static func changes(from old: ResponseSettings, to new: ResponseSettings) -> [String] {
        var lines: [String] = []
        for priority in Priority.allCases.reversed() {
            let before = old.targets[priority], after = new.targets[priority]
            for (kind, from, to) in [
                (ResponseTargets.Kind.firstAnswer, before.firstAnswer, after.firstAnswer),
                (.resolution, before.resolution, after.resolution),
            ] where from != to {
                lines.append(
                    Text.auditTargetChanged(
                        Text.targetField(kind.label, priority.label), from: WorkingDuration.text(minutes: from),
                        to: WorkingDuration.text(minutes: to)))
            }
        }
        let texts: [(String, String, String)] = [
            (Text.workingHours, old.calendar.hoursText, new.calendar.hoursText),
            (Text.holidaysAdded, WorkingCalendar.holidaysText(old.calendar.added), WorkingCalendar.holidaysText(new.calendar.added)),
            (
                Text.holidaysRemoved, WorkingCalendar.holidaysText(old.calendar.removed),
                WorkingCalendar.holidaysText(new.calendar.removed)
            ),
        ]
        for (label, from, to) in texts where from != to {
            func shown(_ text: String) -> String { text.isEmpty ? "–" : text.split(separator: "\n").joined(separator: ", ") }
            lines.append(Text.auditTargetChanged(label, from: shown(from), to: shown(to)))
        }
        return lines
    }
}
