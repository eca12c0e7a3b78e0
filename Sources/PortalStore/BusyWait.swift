import Glibc

/// A connection's wait for a lock another process holds: tried again every half millisecond
/// until the timeout has passed on the monotonic clock since the wait began.
final class BusyWait {
    private let limit: UInt64
    private var started: UInt64 = 0

    init(milliseconds: Int32) {
        limit = UInt64(max(0, milliseconds)) * 1_000_000
    }

    /// Whether to try again; `first` starts a new wait (SQLite counts each wait from zero).
    func again(first: Bool) -> Bool {
        let now = Self.monotonicNanoseconds()
        if first { started = now }
        guard now &- started < limit else { return false }
        usleep(500)
        return true
    }

    static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

@available(*, unavailable)
extension BusyWait: Sendable {}
