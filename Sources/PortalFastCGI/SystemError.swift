import Glibc

/// A failed system call: what we tried, and the error number it gave. The description is
/// the clear message a log line or a start-up failure shows.
struct SystemError: Error, CustomStringConvertible {
    var code: Int32
    var step: String

    /// `code` comes first so that `SystemError(errno, "…")` reads errno before anything else
    /// can change it.
    init(_ code: Int32, _ step: String) {
        self.code = code
        self.step = step
    }

    var description: String { "\(step): \(String(cString: strerror(code))) (errno \(code))" }

    /// For the calls that return their error number instead of setting errno (pthread,
    /// posix_spawn).
    static func check(_ result: Int32, _ step: @autoclosure () -> String) throws {
        guard result == 0 else { throw SystemError(result, step()) }
    }
}
