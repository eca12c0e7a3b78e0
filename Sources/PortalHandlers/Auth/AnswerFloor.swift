import Glibc

/// An answer that must not tell by its time what it found: sent no sooner than `duration`
/// after the request began. Password recovery wrote a link and an e-mail for an address with an
/// account and nothing for one without: 1 ms apart, enough to tell them apart from a single
/// request nine times out of ten. Matching the work on both paths would hold only while
/// both paths stay alike; a floor well above either holds whatever they become.
struct AnswerFloor {
    let duration: Int64
    private let start: Int64

    /// `milliseconds`: above the slower path's time on a loaded machine, far below what a
    /// person notices.
    init(milliseconds: Int64) {
        duration = milliseconds * 1_000_000
        start = AnswerFloor.now()
    }

    /// Waits out what is left of the floor.
    func wait() {
        var left = duration - (AnswerFloor.now() - start)
        while left > 0 {
            var request = timespec(tv_sec: Int(left / 1_000_000_000), tv_nsec: Int(left % 1_000_000_000))
            var remaining = timespec()
            // Interrupted by a signal (a stop), the rest is slept again: the floor is the point.
            if nanosleep(&request, &remaining) == 0 { return }
            left = Int64(remaining.tv_sec) * 1_000_000_000 + Int64(remaining.tv_nsec)
        }
    }

    private static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
