import Glibc
import Testing

import PortalCore

@Suite("Clock.display")
struct ClockDisplayTests {
    /// What strftime writes, the reference the direct writing must match.
    func strftimeText(_ timestamp: Timestamp, _ format: String) -> String {
        var seconds = time_t(timestamp)
        var parts = tm()
        localtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, format, &parts)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test("the page's formats are written as strftime writes them, in Europe/Rome")
    func pageFormats() {
        Clock.useItalianTimeZone()
        for format in ["%d/%m/%Y %H:%M", "%d/%m/%Y", "%H:%M", "alle %H:%M del %d", ""] {
            // Ten years in steps that land on every hour, day and both sides of DST changes.
            for instant in stride(from: Timestamp(1_609_459_200), to: 1_924_992_000, by: 3607 * 5) {
                #expect(Clock.display(instant, format: format) == strftimeText(instant, format), "\(format) \(instant)")
            }
        }
        #expect(Clock.display(1_767_225_599) == "01/01/2026 00:59")  // 23:59:59 UTC
        #expect(Clock.displayDate(0) == "01/01/1970")
    }

    @Test("a moment from which something is allowed shows the first whole minute at or after it")
    func fromTime() {
        Clock.useItalianTimeZone()
        let tenPast = Timestamp(1_764_565_800)  // 01/12/2025 06:10:00 in Rome
        #expect(Clock.displayFrom(tenPast) == "06:10")
        #expect(Clock.displayFrom(tenPast + 1) == "06:11")
        #expect(Clock.displayFrom(tenPast + 40) == "06:11")
        #expect(Clock.displayFrom(tenPast + 60) == "06:11")
    }

    @Test("a <time>'s datetime is the moment in UTC, whatever the zone the page shows")
    func machineReadable() {
        Clock.useItalianTimeZone()
        #expect(Clock.machineReadable(1_767_225_599) == "2025-12-31T23:59Z")  // 01/01/2026 00:59 in Rome
        #expect(Clock.machineReadable(1_751_328_000) == "2025-07-01T00:00Z")  // 02:00 in Rome, summer time
    }

    @Test("any other conversion is left to strftime")
    func otherConversions() {
        Clock.useItalianTimeZone()
        for format in ["%A %d", "%e/%m", "100%%"] {
            #expect(Clock.display(1_767_225_599, format: format) == strftimeText(1_767_225_599, format), "\(format)")
        }
    }

    @Test("elapsed time in days and hours, hours, or minutes")
    func elapsed() {
        #expect(Clock.elapsed(from: 0, to: 3 * 86400 + 4 * 3600 + 59) == "3 g 4 h")
        #expect(Clock.elapsed(from: 0, to: 5 * 3600 + 120) == "5 h")
        #expect(Clock.elapsed(from: 0, to: 12 * 60 + 5) == "12 min")
        #expect(Clock.elapsed(from: 100, to: 0) == "0 min")
    }
}
