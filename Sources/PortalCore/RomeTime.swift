/// Local time in Europe/Rome by the European Union's rule (since 1996): UTC+1, and UTC+2 from
/// the last Sunday of March at 01:00 UTC to the last Sunday of October at 01:00 UTC. Pure
/// arithmetic, so the working calendar does not depend on the process's `TZ` nor on the
/// system's tzdata (PortalCore imports no Foundation); a unit test compares it with tzdata.
public enum RomeTime {
    /// Seconds to add to UTC for the wall clock in Rome at `instant`.
    public static func offset(at instant: Timestamp) -> Timestamp {
        // The year by the mean Gregorian year's length, not by the calendar date (which cost
        // a third of "Andamento"'s time, spent in the working calendar): it errs by at most a
        // day or two around New Year, in winter, outside the summer of either year it may name.
        let index = instant >= 0 ? Int(instant / meanYear) : -1
        let (summerStart, summerEnd) =
            summers.indices.contains(index) ? summers[index] : summer(in: DateOnly(dayNumber: floorDays(instant)).year)
        return instant >= summerStart && instant < summerEnd ? 7200 : 3600
    }

    /// 365.2425 days.
    static let meanYear: Timestamp = 31_556_952

    /// The offset worked out from the instant's calendar year: what `offset(at:)` must agree with.
    static func offsetByCalendar(at instant: Timestamp) -> Timestamp {
        let (summerStart, summerEnd) = summer(in: DateOnly(dayNumber: floorDays(instant)).year)
        return instant >= summerStart && instant < summerEnd ? 7200 : 3600
    }

    /// Summer time's bounds, worked out once for the years a portal meets: the working
    /// calendar asks for them several times per ticket, and "Andamento" for every ticket.
    static let firstTabulatedYear = 1970
    static let summers: [(Timestamp, Timestamp)] = (firstTabulatedYear..<2200).map(summer(in:))

    static func summer(in year: Int) -> (Timestamp, Timestamp) {
        (
            Timestamp(lastSunday(of: 3, in: year).dayNumber) * 86400 + 3600,
            Timestamp(lastSunday(of: 10, in: year).dayNumber) * 86400 + 3600
        )
    }

    /// The local calendar day of `instant` and the minute of that day (0…1439).
    public static func local(_ instant: Timestamp) -> (day: DateOnly, minute: Int) {
        let wall = instant + offset(at: instant)
        let days = floorDays(wall)
        return (DateOnly(dayNumber: days), Int((wall - Timestamp(days) * 86400) / 60))
    }

    /// The instant at which Rome's clocks show `minute` (0…1440) of `day`. A time skipped in
    /// spring (02:00–02:59) counts as winter time, so it lands an hour later; a time seen twice
    /// in autumn is the first of the two.
    public static func instant(_ day: DateOnly, minute: Int) -> Timestamp {
        let wall = Timestamp(day.dayNumber) * 86400 + Timestamp(minute) * 60
        let summer = wall - 7200
        if offset(at: summer) == 7200 { return summer }
        return wall - 3600
    }

    /// The first second of `day` in Rome.
    public static func startOfDay(_ day: DateOnly) -> Timestamp { instant(day, minute: 0) }

    /// The last second of the Roman day `instant` falls on: what "vale fino al 15/12/2026"
    /// promises (a validity ending at the sending's hour stopped in the middle of that day).
    public static func endOfDay(containing instant: Timestamp) -> Timestamp {
        startOfDay(local(instant).day.adding(days: 1)) - 1
    }

    static func lastSunday(of month: Int, in year: Int) -> DateOnly {
        let last = DateOnly(checkedYear: year, month: month, day: DateOnly.length(of: month, in: year))
        return last.adding(days: -(last.weekday % 7))
    }

    static func floorDays(_ seconds: Timestamp) -> Int {
        Int(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    }
}
