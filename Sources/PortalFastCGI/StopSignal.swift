import Glibc
import PortalCore
import Synchronization

/// How a worker's connection threads learn that it is stopping, and how the last of them
/// ends the process.
///
/// A flag alone cannot reach a thread that waits in `poll()`, so a stop also makes a pipe
/// readable, and every thread waits on that pipe besides its own socket. Nobody reads the
/// pipe: it stays readable, and a thread that starts waiting later sees the stop at once.
final class StopSignal: Sendable {
    private let requested = Atomic<Bool>(false)
    /// Connection threads that have not stopped. The thread that starts the others counts
    /// as one until it serves, so the count cannot reach zero while threads are starting.
    private let running = Atomic<Int>(1)
    private let readFD: Int32
    private let writeFD: Int32

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw SystemError(errno, "pipe for the stop signal") }
        readFD = fds[0]
        writeFD = fds[1]
    }

    var isRequested: Bool { requested.load(ordering: .acquiring) }

    /// Asks every thread to stop once it holds no request; only the first call counts.
    func request(cause: String) {
        guard !requested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        Log.event("worker_stopping", [("pid", String(getpid())), ("cause", cause)])
        var byte: UInt8 = 1
        while write(writeFD, &byte, 1) != 1 {
            if errno == EINTR { continue }
            // Threads waiting in poll() would never learn of the stop, and the worker would
            // never end.
            Log.event("worker_stop_failed", [("error", SystemError(errno, "write to the stop pipe").description)])
            _exit(1)
        }
    }

    /// Waits until `fd` has something to read (or has been closed by its peer): true. False
    /// when a stop was requested and `fd` has nothing: input that has begun to arrive wins
    /// over the stop, so that a request nginx has sent is still read and answered.
    ///
    /// `lingering`, for a kept connection: once stopping, wait up to `lingerMilliseconds`
    /// more for a request before answering false. FastCGI leaves a kept connection to nginx,
    /// which may send on it at the very moment we close it, and then answers 502 to a POST.
    /// nginx reuses its most recently used connections first: one in use gets a request
    /// within the linger, and is closed right after its answer, so that nginx sees the close
    /// together with the answer; one that had nothing for that long is not in use.
    func wait(for fd: Int32, lingering: Bool = false) -> Bool {
        var fds = [
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: readFD, events: Int16(POLLIN), revents: 0),
        ]
        Self.poll(&fds, timeout: -1)
        if fds[0].revents != 0 { return true }
        guard lingering else { return false }
        var kept = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        return Self.poll(&kept, timeout: Self.lingerMilliseconds) > 0
    }

    static let lingerMilliseconds: Int32 = 200

    /// poll(2) that returns the number of ready descriptors, 0 on the timeout.
    @discardableResult
    private static func poll(_ fds: inout [pollfd], timeout: Int32) -> Int32 {
        while true {
            let ready = Glibc.poll(&fds, nfds_t(fds.count), timeout)
            if ready >= 0 { return ready }
            switch errno {
            case EINTR: continue
            case ENOMEM:
                // The kernel could not allocate the wait; it may next time.
                usleep(10_000)
            default: preconditionFailure(SystemError(errno, "poll").description)
            }
        }
    }

    /// Before a thread is started, so that the count never misses it.
    func threadStarting() {
        running.add(1, ordering: .acquiringAndReleasing)
    }

    func threadDidNotStart() {
        running.subtract(1, ordering: .acquiringAndReleasing)
    }

    /// A thread that holds no request and no connection leaves; the last one ends the process.
    func threadStopped() -> Never {
        if running.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { exit(0) }
        while true { pause() }
    }
}
