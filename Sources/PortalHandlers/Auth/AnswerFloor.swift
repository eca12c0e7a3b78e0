import Glibc

/// An answer that must not tell by its time what it found: written no sooner than `duration`
/// after the request began (`Response.notBefore`, waited for by the FastCGI loop outside the
/// worker's lock: asleep inside it, one address's burst of requests held up every login).
/// Password recovery wrote a link and an e-mail for an address with an account and nothing for
/// one without: 1 ms apart, enough to tell them apart from a single request nine times out of
/// ten. The floor is well above either path's work on a loaded machine; both paths also take
/// the write lock, so that waiting for it (a long writer elsewhere) tells nothing either.
struct AnswerFloor {
    /// When the answer may be written.
    let deadline: Int64

    init(milliseconds: Int64) {
        deadline = AnswerFloor.now() + milliseconds * 1_000_000
    }

    /// CLOCK_MONOTONIC in nanoseconds, as `Response.notBefore` counts.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
