import CFastCGI
import Glibc
import PortalCore
import PortalHTTP

/// One worker process: several connection threads, each a synchronous `FCGX_Accept_r` loop
/// on the inherited listening socket, and one responder behind a lock.
///
/// Why threads: nginx keeps its FastCGI connections open (`fastcgi_keep_conn`), which saves
/// a connect, an accept and libfcgi's accept lock on every request. A kept connection binds
/// the thread that reads it, so a process needs more threads than nginx keeps idle
/// connections, or new connections would wait behind idle ones. Why one lock: the responder
/// owns one SQLite connection and its caches; requests are CPU-bound and the handler runs
/// several processes, so serialising them inside a process costs nothing, while reading
/// request bodies and writing responses happens outside the lock.
enum Worker {
    /// `supervisor`: the pid of the `Supervisor` that started this worker, which it must not
    /// outlive; nil when systemd or spawn-fcgi started it.
    static func run(
        listenFD: Int32, threads: Int, supervisor: pid_t?, responder: sending any Responder
    ) throws -> Never {
        // One malloc arena, not one per thread: the responder's lock lets one thread
        // allocate at a time, and every arena would keep its own free pages resident. Before
        // any thread starts: glibc fixes its arena limit when a second thread first
        // allocates, and set after the signal thread had started this left two arenas (the
        // second 6 MB, half of it free) with the connection threads spread over both.
        _ = mallopt(M_ARENA_MAX, 1)
        // Fixed thresholds instead of glibc's sliding ones: after a large block was freed,
        // glibc served every block up to its size from the heap and kept twice that free at
        // the heap's top, and a burst of new tickets left 3 MB of free heap resident. Blocks
        // of 256 kB and more (a very large page) are mapped and unmapped on their own.
        _ = mallopt(M_MMAP_THRESHOLD, 256 * 1024)
        _ = mallopt(M_TRIM_THRESHOLD, 256 * 1024)
        // Before any thread starts, so that every thread inherits the mask.
        blockStopSignals()
        if let supervisor { try watch(supervisor: supervisor) }
        guard FCGX_Init() == 0 else {
            Log.event("fastcgi_init_failed")
            exit(1)
        }
        // Threads wait for connections in poll() and accept only what is there (see
        // Listener). The flag belongs to the socket, which the other workers share: they
        // all set it, and a listening socket from systemd or spawn-fcgi takes it as well.
        let flags = fcntl(listenFD, F_GETFL)
        guard flags >= 0 else { throw SystemError(errno, "fcntl F_GETFL on the listening socket") }
        guard fcntl(listenFD, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw SystemError(errno, "fcntl F_SETFL O_NONBLOCK on the listening socket")
        }
        let stop = try StopSignal()
        let shared = SharedResponder(responder)
        try startSignalThread(stop, shared: shared)
        let listener = Listener(fd: listenFD)
        for _ in 1..<max(threads, 1) {
            stop.threadStarting()
            let result = startThread { serve(listener, shared: shared, stop: stop) }
            guard result == 0 else {
                // Threads already serve: stop as usual, so that their requests are answered,
                // and let the supervisor start a fresh worker.
                stop.threadDidNotStart()
                Log.event("worker_thread_failed", [("error", SystemError(result, "pthread_create").description)])
                stop.request(cause: "thread_failed")
                break
            }
        }
        serve(listener, shared: shared, stop: stop)
    }

    /// One connection thread. A kept-alive connection stays with it across requests: libfcgi
    /// reads the next request from it, or accepts a new one once nginx has closed it.
    ///
    /// A stop never drops a request the worker has taken (nginx would answer 502): a thread
    /// is idle only while it waits in `poll()`, on its kept connection or on the listening
    /// socket, and that is where the stop reaches it (`StopSignal`). From the moment its
    /// socket has input to the end of `FCGX_Finish_r` it holds a request, and it looks at the
    /// stop only once that request is answered. So a stopping worker
    /// - takes no new connection (the other workers do),
    /// - answers a request that has begun to arrive on a kept connection, or that begins to
    ///   within `StopSignal.lingerMilliseconds`, and then closes the connection, so that
    ///   nginx sends nothing more on it,
    /// - ends when its last thread has stopped, that is when no thread holds a request.
    /// It does not shut the listening socket down to wake threads blocked in `accept()`: the
    /// socket is shared with the other workers and with systemd's socket unit, and would stop
    /// serving for all of them. What remains is FastCGI's own race: nginx may send on a kept
    /// connection at the moment we close it, and then retries a GET on another connection
    /// but answers 502 to a POST, which it never sends twice; the linger keeps that to
    /// connections nginx is not using.
    static func serve(_ listener: Listener, shared: SharedResponder, stop: StopSignal) -> Never {
        // libfcgi keeps pointers into the request: it must not move, so it lives on the heap.
        let request = UnsafeMutablePointer<FCGX_Request>.allocate(capacity: 1)
        FCGX_InitRequest(request, listener.fd, 0)
        while true {
            let accepted: Int32
            if request.pointee.ipcFd >= 0 {
                guard stop.wait(for: request.pointee.ipcFd, lingering: true) else {
                    // libfcgi's close shuts our side first and waits for nginx to close its own.
                    request.pointee.keepConnection = 0
                    FCGX_Finish_r(request)
                    continue
                }
                // A request, or nginx closed the connection: then libfcgi accepts a new one
                // if one is waiting, else answers -EAGAIN.
                accepted = FCGX_Accept_r(request)
            } else {
                guard let result = listener.accept(into: request, unless: stop) else { stop.threadStopped() }
                accepted = result
            }
            if accepted == -EAGAIN { continue }
            guard accepted >= 0 else {
                // The listening socket failed: stop taking requests and let the supervisor
                // start a fresh process once the requests in flight are answered.
                Log.event("fastcgi_accept_failed", [("result", String(accepted))])
                stop.request(cause: "accept_failed")
                continue
            }
            if handle(request, shared: shared) { stop.request(cause: "responder_restart") }
            // Stopping: close this connection after the answer, so that nginx sends nothing
            // more on it.
            if stop.isRequested { request.pointee.keepConnection = 0 }
            FCGX_Finish_r(request)
        }
    }

    /// The route is matched once, outside the lock; the body is read only if the route
    /// takes one that large; the lock is taken once, for the answer. Returns whether the
    /// responder asked for a fresh process (`Responder.needsRestart`).
    @discardableResult
    static func handle(_ raw: UnsafeMutablePointer<FCGX_Request>, shared: SharedResponder) -> Bool {
        var request: Request?
        let response: Response
        var restart = false
        do {
            let incoming = try RequestReader.read(raw.pointee.envp)
            var parsed = incoming.request
            request = parsed
            let route: Router.Route
            switch shared.router.match(method: parsed.method, path: parsed.path) {
            case .notFound: throw NoRoute()
            case .wrongMethod(let route, let allowed):
                throw RouteRefusal(error: .methodNotAllowed(allowing: allowed), route: route)
            case .found(let found, let parameters):
                route = found
                parsed.pathParameters = parameters
            }
            let length = try incoming.contentLength()
            if parsed.method == "GET" || parsed.method == "HEAD" {
                // A body means nothing on these (RFC 9110): left unread and dropped below, as
                // other servers do, not refused as too large for a route that takes none.
            } else if length > route.bodyLimit {
                // A ticket form with too many megabytes of files: its beginning (the text) is
                // read, the rest dropped below, and the page says the files did not arrive.
                guard route.keepsOversizedForm else { throw RouteRefusal(error: .payloadTooLarge, route: route) }
                parsed.body = try RequestReader.body(from: raw.pointee.in, length: route.bodyLimit)
                parsed.isTruncated = true
            } else {
                parsed.body = try RequestReader.body(from: raw.pointee.in, length: length)
            }
            request = parsed
            let complete = parsed
            (response, restart) = shared.withResponder { ($0.respond(to: complete, route: route), $0.needsRestart) }
        } catch is NoRoute {
            let unknown = request!
            response = shared.withResponder { $0.notFound(unknown) }
        } catch let refused as RouteRefusal {
            let known = request!
            response = shared.withResponder { $0.refuse(refused.error, known, route: refused.route) }
        } catch let bad as RequestReader.BadQuery {
            request = bad.request  // a HEAD's refusal goes without its body, as any other
            response = shared.refusal(bad.error, bad.request)
        } catch let error as HTTPError {
            response = shared.refusal(error, request)
        } catch {
            response = shared.refusal(HTTPError.internalError("\(error)"), request)
        }
        // A body refused unread (over its route's limit but within nginx's, sent to no route,
        // or after bad headers) is read to its end and dropped before the answer. Closing the
        // connection on it instead left libfcgi to drain it for at most 2 s of silence: when
        // nginx, busy, paused longer while sending, the socket was reset under it and it
        // answered 502 rather than our 413. nginx buffers the whole body first (at most its
        // client_max_body_size), so this reads at memory speed; the connection stays usable.
        if !RequestReader.discardRest(of: raw.pointee.in) { raw.pointee.keepConnection = 0 }
        if let notBefore = response.notBefore { waitUntil(notBefore) }
        ResponseWriter.write(response, includeBody: request?.method != "HEAD", to: raw)
        return restart
    }

    /// No route serves the address: answered by the responder, under the lock.
    struct NoRoute: Error {}

    /// A route's refusal before it runs: answered by the responder, under the lock.
    struct RouteRefusal: Error {
        let error: HTTPError
        let route: Router.Route
    }

    /// Starts a detached thread running `body`: 0, or pthread_create's error number.
    static func startThread(_ body: @escaping @Sendable () -> Void) -> Int32 {
        final class Box {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, &attributes, { raw in
            Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context)
        if result != 0 { Unmanaged<Box>.fromOpaque(context).release() }
        return result
    }

    /// SIGTERM (the supervisor, systemd, the supervisor's death), SIGINT (Ctrl-C) and
    /// SIGUSR1 (libfcgi's graceful stop).
    static func stopSignalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGTERM, SIGINT, SIGUSR1] { sigaddset(&set, signal) }
        return set
    }

    /// `FCGX_Init` installs handlers that only set a flag, so a plain kill would not stop a
    /// Sleeps until `deadline` (CLOCK_MONOTONIC, nanoseconds), outside the responder's lock;
    /// a signal's interruption sleeps the rest.
    static func waitUntil(_ deadline: Int64) {
        while true {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let left = deadline - (Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))
            guard left > 0 else { return }
            var request = timespec(tv_sec: Int(left / 1_000_000_000), tv_nsec: Int(left % 1_000_000_000))
            nanosleep(&request, nil)
        }
    }

    /// worker: the stop signals are blocked in every thread and taken by one thread instead.
    static func blockStopSignals() {
        var set = stopSignalSet()
        let result = pthread_sigmask(SIG_BLOCK, &set, nil)
        precondition(result == 0, "pthread_sigmask: \(result)")  // EINVAL only: a bad `how`
        // Taken by sigwait only if not ignored: a parent's SIG_IGN would make us unstoppable.
        for stop in [SIGTERM, SIGINT, SIGUSR1] { signal(stop, SIG_DFL) }
        signal(SIGPIPE, SIG_IGN)
    }

    /// The signal thread also gives the heap's free pages back once the worker has been
    /// idle for a moment (`SharedResponder.trimIfIdle`): it wakes every `idleCheck`.
    static func startSignalThread(_ stop: StopSignal, shared: SharedResponder) throws {
        let result = startThread {
            var set = stopSignalSet()
            var wait = SharedResponder.idleCheck
            while true {
                let received = sigtimedwait(&set, nil, &wait)
                if received > 0 {
                    stop.request(cause: "signal_\(received)")
                } else {
                    // EAGAIN: the time is up; EINTR: a signal outside the set.
                    shared.trimIfIdle()
                }
            }
        }
        try SystemError.check(result, "pthread_create for the signal thread")
    }

    /// A worker must not outlive its supervisor, which alone would stop it: the kernel sends
    /// SIGTERM when the supervisor dies, and the worker stops as for any SIGTERM. The
    /// supervisor may have died before the request took effect (prctl(2)): then this
    /// process already belongs to another parent.
    static func watch(supervisor: pid_t) throws {
        guard portal_set_parent_death_signal(SIGTERM) == 0 else {
            throw SystemError(errno, "prctl PR_SET_PDEATHSIG")
        }
        if getppid() != supervisor {
            Log.event("worker_orphaned", [("pid", String(getpid())), ("supervisor", String(supervisor))])
            exit(0)
        }
    }
}

/// The process's one responder, reached only under its lock.
///
/// A pthread mutex rather than `Synchronization.Mutex`: on Linux the latter spins before it
/// sleeps, and a waiting connection thread spinning on one of two cores takes the time that
/// nginx and the thread holding the lock need.
final class SharedResponder: @unchecked Sendable {
    private let responder: any Responder
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// Immutable values taken from the responder at start: used without the lock.
    let router: Router
    let refusal: @Sendable (HTTPError, Request?) -> Response

    init(_ responder: sending any Responder) {
        router = responder.router
        refusal = responder.refusal
        self.responder = responder
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    func withResponder<Result: Sendable>(_ body: (any Responder) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer {
            answered &+= 1
            answeredAt = SharedResponder.monotonicNow()
            pthread_mutex_unlock(mutex)
        }
        return try body(responder)
    }

    /// Under the lock: requests answered, the last at `answeredAt`; `trimmedAfter` is the
    /// count at the last trim.
    private var answered: UInt64 = 0
    private var answeredAt: Int64 = 0
    private var trimmedAfter: UInt64 = 0

    /// How often the signal thread looks, and for how long a worker must have answered
    /// nothing before its free heap goes back: a worker that has served a burst holds
    /// megabytes of freed memory between its heap's live blocks, which only `malloc_trim`
    /// returns, and it costs a fraction of a millisecond, so never under load.
    static let idleCheck = timespec(tv_sec: 0, tv_nsec: 100_000_000)
    static let idleNanoseconds: Int64 = 100_000_000

    /// Once after each busy spell: the responder lets go of what it keeps only for speed
    /// (`Responder.idle`), then the heap's free pages go back to the kernel.
    func trimIfIdle() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard answered != trimmedAfter, SharedResponder.monotonicNow() - answeredAt >= SharedResponder.idleNanoseconds
        else { return }
        trimmedAfter = answered
        responder.idle()
        _ = malloc_trim(0)
    }

    static func monotonicNow() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
