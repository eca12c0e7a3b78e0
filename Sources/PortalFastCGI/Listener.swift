import CFastCGI
import Glibc

/// The worker's end of the listening socket, watched by one connection thread at a time.
///
/// The socket is non-blocking (see `Worker.run`), and a thread waits for a connection in
/// `poll()`, where a stop reaches it, instead of in `accept()`, where nothing can. If every
/// idle thread polled, each new connection would wake all of them to find one winner; one
/// waiter per process keeps it to one per worker, as libfcgi's accept lock does between
/// processes.
final class Listener: @unchecked Sendable {
    let fd: Int32
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init(fd: Int32) {
        self.fd = fd
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    /// Waits for a new connection and lets libfcgi accept it and read its first request into
    /// `request`: `FCGX_Accept_r`'s result, `-EAGAIN` when another worker took the connection
    /// first. Nil once the worker is stopping: it takes no new connection then, the other
    /// workers do.
    func accept(into request: UnsafeMutablePointer<FCGX_Request>, unless stop: StopSignal) -> Int32? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard stop.wait(for: fd), !stop.isRequested else { return nil }
        return FCGX_Accept_r(request)
    }
}
