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
    func wait(for fd: Int32) -> Bool {
        var fds = [
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: readFD, events: Int16(POLLIN), revents: 0),
        ]
        while poll(&fds, 2, -1) < 0 {
            switch errno {
            case EINTR: continue
            case ENOMEM:
                // The kernel could not allocate the wait; it may next time.
                usleep(10_000)
            default: preconditionFailure(SystemError(errno, "poll").description)
            }
        }
        return fds[0].revents != 0
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
