@testable import PortalCore
import Testing

/// An instant from UTC parts, counted independently of `RomeTime`.
private func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Timestamp {
    Timestamp(DateOnly(year: year, month: month, day: day)!.dayNumber) * 86400 + Timestamp(hour * 3600 + minute * 60)
}

/// An instant from the wall clock in Rome.
private func rome(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Timestamp {
    RomeTime.instant(DateOnly(year: year, month: month, day: day)!, minute: hour * 60 + minute)
}

@Suite("Dates and Rome's clock")
struct RomeTimeTests {
    @Test("days count from 1970-01-01 both ways, with ISO weekdays")
    func dayNumbers() {
        #expect(DateOnly(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(DateOnly(year: 1970, month: 1, day: 1)!.weekday == 4)
        #expect(DateOnly(year: 2026, month: 11, day: 30)!.weekday == 1)
        #expect(DateOnly(year: 2024, month: 2, day: 29)!.adding(days: 1) == DateOnly(year: 2024, month: 3, day: 1))
        #expect(DateOnly(year: 2027, month: 2, day: 29) == nil)
        for number in stride(from: -800, through: 60000, by: 7) {
            #expect(DateOnly(dayNumber: number).dayNumber == number)
        }
    }

    @Test("Easter Sunday by the Gregorian computus", arguments: [
        (2000, 4, 23), (2019, 4, 21), (2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2038, 4, 25), (2285, 3, 22),
    ])
    func easter(_ year: Int, _ month: Int, _ day: Int) {
        #expect(ItalianHolidays.easterSunday(year) == DateOnly(year: year, month: month, day: day))
    }

    @Test("summer time starts and ends at 01:00 UTC on the last Sundays of March and October")
    func changes() {
        #expect(RomeTime.offset(at: utc(2026, 3, 29, 1) - 1) == 3600)
        #expect(RomeTime.offset(at: utc(2026, 3, 29, 1)) == 7200)
        #expect(RomeTime.offset(at: utc(2026, 10, 25, 1) - 1) == 7200)
        #expect(RomeTime.offset(at: utc(2026, 10, 25, 1)) == 3600)
        // 02:30 does not exist on 29 March: it counts as winter time (03:30 summer time).
        #expect(rome(2026, 3, 29, 2, 30) == utc(2026, 3, 29, 1, 30))
        // 02:30 happens twice on 25 October: the first one.
        #expect(rome(2026, 10, 25, 2, 30) == utc(2026, 10, 25, 0, 30))
        #expect(rome(2026, 12, 1, 9) == utc(2026, 12, 1, 8))
        #expect(rome(2026, 7, 1, 9) == utc(2026, 7, 1, 7))
    }

    @Test("a day's end in Rome: 23:59:59 local, on the 25-hour and the 23-hour days too")
    func endOfDay() {
        #expect(RomeTime.endOfDay(containing: rome(2026, 12, 15, 20, 46)) == rome(2026, 12, 16, 0) - 1)
        #expect(RomeTime.endOfDay(containing: utc(2026, 12, 15, 23, 30)) == rome(2026, 12, 17, 0) - 1, "00:30 of the 16th in Rome")
        #expect(RomeTime.endOfDay(containing: rome(2026, 10, 25, 1)) - RomeTime.startOfDay(DateOnly(year: 2026, month: 10, day: 25)!) == 25 * 3600 - 1)
        #expect(RomeTime.endOfDay(containing: rome(2026, 3, 29, 12)) - RomeTime.startOfDay(DateOnly(year: 2026, month: 3, day: 29)!) == 23 * 3600 - 1)
    }

    @Test("the offset found from the mean year's length agrees with the calendar year's, every hour from 1970 to 2199")
    func offsetByMeanYear() {
        var disagreements = 0
        for instant in stride(from: Timestamp(0), to: utc(2200, 1, 1, 0), by: 3600)
        where RomeTime.offset(at: instant) != RomeTime.offsetByCalendar(at: instant) {
            disagreements += 1
        }
        #expect(disagreements == 0)
    }

    @Test("agrees with the system's tzdata for Europe/Rome over ten years")
    func matchesTzdata() {
        Clock.useItalianTimeZone()
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        for instant in stride(from: utc(2021, 1, 1, 0), to: utc(2031, 1, 1, 0), by: 3607 * 3) {
            let local = RomeTime.local(instant)
            let text = local.day.italianText + " " + two(local.minute / 60) + ":" + two(local.minute % 60)
            #expect(text == Clock.display(instant), "\(instant)")
        }
    }
}

@Suite("Working calendar: adding and counting working minutes")
struct WorkingCalendarTests {
    let calendar = WorkingCalendar.standard

    @Test("adds within a day, across lunch, across the weekend, to the end of a span")
    func simple() {
        #expect(calendar.adding(minutes: 120, to: rome(2026, 11, 30, 10)) == rome(2026, 11, 30, 12))
        #expect(calendar.adding(minutes: 120, to: rome(2026, 11, 30, 12)) == rome(2026, 11, 30, 15))
        #expect(calendar.adding(minutes: 120, to: rome(2026, 11, 27, 17)) == rome(2026, 11, 30, 10))
        #expect(calendar.adding(minutes: 60, to: rome(2026, 11, 30, 17)) == rome(2026, 11, 30, 18))
        #expect(calendar.adding(minutes: 8 * 60 * 5, to: rome(2026, 11, 30, 9)) == rome(2026, 12, 4, 18))
    }

    @Test("a start outside working hours counts from the next working moment")
    func outsideHours() {
        #expect(calendar.adding(minutes: 60, to: rome(2026, 11, 30, 7)) == rome(2026, 11, 30, 10))
        #expect(calendar.adding(minutes: 60, to: rome(2026, 11, 30, 13, 30)) == rome(2026, 11, 30, 15))
        #expect(calendar.adding(minutes: 60, to: rome(2026, 11, 30, 20)) == rome(2026, 12, 1, 10))
        #expect(calendar.adding(minutes: 60, to: rome(2026, 11, 28, 11)) == rome(2026, 11, 30, 10))
        #expect(calendar.workingMinutes(from: rome(2026, 11, 28, 11), to: rome(2026, 11, 29, 23)) == 0)
    }

    @Test("skips national holidays: Immacolata, Christmas and Santo Stefano, San Francesco from 2026")
    func holidays() {
        #expect(calendar.adding(minutes: 120, to: rome(2026, 12, 7, 17)) == rome(2026, 12, 9, 10))
        #expect(calendar.adding(minutes: 120, to: rome(2026, 12, 24, 17)) == rome(2026, 12, 28, 10))
        #expect(calendar.adding(minutes: 120, to: rome(2027, 10, 1, 17)) == rome(2027, 10, 5, 10))
        #expect(calendar.adding(minutes: 120, to: rome(2025, 10, 3, 17)) == rome(2025, 10, 6, 10))
    }

    @Test("skips Easter Monday, computed each year")
    func easterMonday() {
        #expect(calendar.isHoliday(DateOnly(year: 2026, month: 4, day: 6)!))
        #expect(!calendar.isHoliday(DateOnly(year: 2026, month: 4, day: 7)!))
        #expect(calendar.adding(minutes: 120, to: rome(2026, 4, 3, 17)) == rome(2026, 4, 7, 10))
        #expect(calendar.adding(minutes: 120, to: rome(2025, 4, 18, 17)) == rome(2025, 4, 22, 10))
    }

    @Test("across the change to summer time: Friday 17:00 CET plus 2 h is Monday 10:00 CEST")
    func springForward() {
        let start = rome(2026, 3, 27, 17)
        #expect(start == utc(2026, 3, 27, 16))
        let due = calendar.adding(minutes: 120, to: start)
        #expect(due == utc(2026, 3, 30, 8))
        #expect(calendar.workingMinutes(from: start, to: due) == 120)
        // Easter 2027 falls on the day of the change: Monday 29 March is a holiday as well.
        #expect(calendar.adding(minutes: 120, to: utc(2027, 3, 26, 16)) == utc(2027, 3, 30, 8))
    }

    @Test("across the change to winter time: Friday 17:00 CEST plus 2 h is Monday 10:00 CET")
    func fallBack() {
        let start = rome(2026, 10, 23, 17)
        #expect(start == utc(2026, 10, 23, 15))
        let due = calendar.adding(minutes: 120, to: start)
        #expect(due == utc(2026, 10, 26, 9))
        #expect(calendar.workingMinutes(from: start, to: due) == 120)
    }

    @Test("days added to the holidays are skipped, national holidays removed are worked")
    func configuredHolidays() {
        var rome29June = WorkingCalendar.standard
        rome29June.added = [.everyYear(month: 6, day: 29), .once(year: 2026, month: 12, day: 31)]
        #expect(rome29June.adding(minutes: 120, to: rome(2026, 6, 26, 17)) == rome(2026, 6, 30, 10))
        #expect(rome29June.adding(minutes: 120, to: rome(2027, 6, 28, 17)) == rome(2027, 6, 30, 10))
        #expect(rome29June.adding(minutes: 120, to: rome(2026, 12, 30, 17)) == rome(2027, 1, 4, 10))
        #expect(rome29June.adding(minutes: 120, to: rome(2027, 12, 30, 17)) == rome(2027, 12, 31, 10))
        var worksImmacolata = WorkingCalendar.standard
        worksImmacolata.removed = [.everyYear(month: 12, day: 8)]
        #expect(worksImmacolata.adding(minutes: 120, to: rome(2026, 12, 7, 17)) == rome(2026, 12, 8, 10))
    }

    @Test("one span a day, no lunch break")
    func oneSpan() {
        let calendar = WorkingCalendar(hours: [.init(start: 9 * 60, end: 18 * 60)])
        #expect(calendar.adding(minutes: 240, to: rome(2026, 11, 30, 12)) == rome(2026, 11, 30, 16))
        #expect(calendar.dailyMinutes == 540)
    }

    @Test("a year of 2026 holds 254 working days")
    func wholeYear() {
        #expect(calendar.workingMinutes(from: rome(2026, 1, 1, 0), to: rome(2027, 1, 1, 0)) == 254 * 480)
    }

    @Test("counting is the inverse of adding, from any start and over any length", arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func inverse(_ seed: Int) {
        var state = UInt64(seed + 1) &* 6_364_136_223_846_793_005
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var holidays = WorkingCalendar.standard
        holidays.added = [.everyYear(month: 6, day: 29)]
        holidays.removed = [.everyYear(month: 1, day: 6)]
        for calendar in [WorkingCalendar.standard, holidays] {
            for _ in 0..<200 {
                let start = utc(2024, 1, 1, 0) + Timestamp(next(6 * 365 * 86400))
                let minutes = 1 + next(next(2) == 0 ? 600 : 200_000)
                let due = calendar.adding(minutes: minutes, to: start)
                #expect(calendar.workingMinutes(from: start, to: due) == minutes, "\(start) + \(minutes)")
                #expect(calendar.workingMinutes(from: start, to: due - 60) == minutes - 1)
            }
        }
    }
}

@Suite("Working calendar and targets as typed")
struct WorkingCalendarTextTests {
    @Test("working hours read as spans, sorted, and written back")
    func hours() throws {
        let spans = try WorkingCalendar.hours(from: "14:00-18:00, 9-13").get()
        #expect(spans == [.init(start: 540, end: 780), .init(start: 840, end: 1080)])
        #expect(WorkingCalendar(hours: spans).hoursText == "09:00-13:00, 14:00-18:00")
        #expect(try WorkingCalendar.hours(from: "08.30-17.30").get() == [.init(start: 510, end: 1050)])
    }

    @Test("working hours that are not spans are refused with the reason", arguments: [
        ("", Text.hoursRequired), ("9-", Text.hoursInvalid("9-")), ("nove-dieci", Text.hoursInvalid("nove-dieci")),
        ("25:00-26:00", Text.hoursInvalid("25:00-26:00")), ("18:00-09:00", Text.hoursBackwards("18:00-09:00")),
        ("09:00-13:00, 12:00-18:00", Text.hoursOverlap),
    ])
    func badHours(_ text: String, _ message: String) {
        #expect(WorkingCalendar.hours(from: text) == .failure(TargetError(message)))
    }

    @Test("holidays: one day of one year, or every year")
    func holidays() throws {
        let rules = try WorkingCalendar.holidays(from: "24/12/2026\n29/06\n2027-01-02; 29/06").get()
        #expect(rules == [.once(year: 2026, month: 12, day: 24), .everyYear(month: 6, day: 29), .once(year: 2027, month: 1, day: 2)])
        #expect(WorkingCalendar.holidaysText(rules) == "24/12/2026\n29/06\n02/01/2027")
    }

    @Test("a holiday that is not a date is refused, named", arguments: ["domani", "31/02", "32/01/2026", "24-12", "24/12/26", "1/1/1/1"])
    func badHoliday(_ text: String) {
        #expect(WorkingCalendar.holidays(from: "25/12\n" + text) == .failure(TargetError(Text.holidaysInvalid([text]))))
    }

    @Test("every wrong holiday is named in one refusal, each once")
    func badHolidays() {
        let refused = WorkingCalendar.holidays(from: "24/12/2026\n31/02/2026\nciao\n31/02/2026")
        #expect(refused == .failure(TargetError(Text.holidaysInvalid(["31/02/2026", "ciao"]))))
        #expect(Text.holidaysInvalid(["31/02/2026", "ciao"]).hasPrefix("«31/02/2026», «ciao» non sono date: "))
    }

    @Test("worked holidays must be national holidays; Easter Monday only with its year")
    func workedHolidays() throws {
        let rules = try WorkingCalendar.workedHolidays(from: "26/12\n06/04/2026\n04/10\n2026-08-15").get()
        #expect(rules == [.everyYear(month: 12, day: 26), .once(year: 2026, month: 4, day: 6), .everyYear(month: 10, day: 4),
            .once(year: 2026, month: 8, day: 15)])
        let refused = WorkingCalendar.workedHolidays(from: "25/12\n12/03/2026\n06/04\n07/04/2026")
        #expect(refused == .failure(TargetError(Text.holidaysNotNational(["12/03/2026", "06/04", "07/04/2026"]))))
        #expect(Text.holidaysNotNational(["12/03/2026"]).hasPrefix("«12/03/2026» non è una festività nazionale: "))
        // A date that is no date at all is still named as such first.
        #expect(WorkingCalendar.workedHolidays(from: "ciao") == .failure(TargetError(Text.holidaysInvalid(["ciao"]))))
    }

    @Test("targets in hours, hours and minutes, or decimal hours", arguments: [
        ("8", 480), ("1:30", 90), ("1,5", 90), ("0,25", 15), ("0.5", 30), ("8760", 8760 * 60), (" 2 ", 120),
    ])
    func targets(_ text: String, _ minutes: Int) {
        #expect(WorkingDuration.minutes(text) == .success(minutes))
    }

    @Test("a target of zero, above a year, or not a number is refused", arguments: [
        ("0", Text.targetZero), ("0:00", Text.targetZero), ("8761", Text.targetAboveAYear), ("8760:01", Text.targetAboveAYear),
        ("99999999999999999999", Text.targetAboveAYear), ("99999999999999999999999:30", Text.targetAboveAYear), ("otto", Text.targetNotANumber), ("-1", Text.targetNotANumber),
        ("1:75", Text.targetNotANumber), ("", Text.targetRequired),
        // Hours whose minutes overflow took the desk's worker down.
        ("999999999999999999:00", Text.targetAboveAYear), ("999999999999999999,5", Text.targetAboveAYear),
        ("153722867280912931:0", Text.targetAboveAYear), ("9223372036854775807", Text.targetAboveAYear),
    ])
    func badTargets(_ text: String, _ message: String) {
        #expect(WorkingDuration.minutes(text) == .failure(TargetError(message)))
    }

    @Test("durations as the pages write them")
    func durations() {
        #expect(WorkingDuration.text(minutes: 480) == "8 h")
        #expect(WorkingDuration.text(minutes: 90) == "1 h 30 min")
        #expect(WorkingDuration.text(minutes: 45) == "45 min")
        #expect(WorkingDuration.fieldText(minutes: 90) == "1:30")
        #expect(WorkingDuration.fieldText(minutes: 480) == "8")
    }

    @Test("an open ticket runs towards its first answer, then its resolution; a closed one towards nothing")
    func due() {
        let created = rome(2026, 11, 30, 9)
        let targets = ResponseTargets.standard
        let first = targets.due(createdAt: created, priority: .normal, firstAnsweredAt: nil, isClosed: false, calendar: .standard)
        #expect(first?.kind == .firstAnswer)
        #expect(first?.at == rome(2026, 11, 30, 18))
        let resolution = targets.due(
            createdAt: created, priority: .normal, firstAnsweredAt: created + 60, isClosed: false, calendar: .standard)
        #expect(resolution?.kind == .resolution)
        #expect(resolution?.at == rome(2026, 12, 4, 18))
        #expect(targets.due(createdAt: created, priority: .normal, firstAnsweredAt: nil, isClosed: true, calendar: .standard) == nil)
    }
}

@Suite("A date as typed in a filter")
struct TypedDateTests {
    @Test("year first with hyphens, or day first with slashes, hyphens or dots", arguments: [
        ("2026-02-01", "2026-02-01"), ("2026-2-1", "2026-02-01"), ("01/02/2026", "2026-02-01"), ("1/2/2026", "2026-02-01"),
        ("01-02-2026", "2026-02-01"), ("01.02.2026", "2026-02-01"), ("29-02-2024", "2024-02-29"),
    ])
    func accepted(_ typed: String, _ date: String) {
        #expect(DateOnly(typed)?.text == date)
    }

    @Test("anything else is no date", arguments: [
        "", "2026", "2026/02/01", "2026.02.01", "02-01-26", "01-02-2026-", "01-02/2026", "29-02-2027", "31/04/2026",
        "+1/2/2026", "1/2/02026", "١/٢/٢٠٢٦", "01 02 2026",
    ])
    func refused(_ typed: String) {
        #expect(DateOnly(typed) == nil)
        #expect(DateOnly.refusal(typed).contains("non è una data valida"))
    }

    @Test("a real day outside the portal's years is said so, not as a misspelling", arguments: [
        "0001-01-01", "9999-12-31", "31/12/1969", "1-1-3000",
    ])
    func outOfRange(_ typed: String) {
        #expect(DateOnly(typed) == nil)
        #expect(DateOnly.refusal(typed) == "«\(typed)» è fuori dal calendario del portale: scegli una data tra il 1970 e il 2999.")
    }
}
