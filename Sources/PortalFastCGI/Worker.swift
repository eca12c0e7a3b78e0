import CFastCGI
import Glibc
import PortalCore
import PortalHTTP
import Synchronization

/// Set by the signal thread (or a failed accept); read by the connection threads between requests.
private let stopRequested = Atomic<Bool>(false)
/// Requests being handled: a stop waits until the last response has gone out.
private let activeRequests = Atomic<Int>(0)

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
        // Before any thread starts, so that every thread inherits the mask.
        blockStopSignals()
        if let supervisor { try watch(supervisor: supervisor) }
        startSignalThread()
        guard FCGX_Init() == 0 else {
            Log.event("fastcgi_init_failed")
            exit(1)
        }
        // One malloc arena, not one per thread: the responder's lock lets one thread
        // allocate at a time, and every arena would keep its own free pages resident.
        _ = mallopt(M_ARENA_MAX, 1)
        let shared = SharedResponder(responder)
        for _ in 1..<max(threads, 1) {
            guard startThread({ serve(listenFD: listenFD, shared: shared) }) else {
                Log.event("worker_thread_failed", [("errno", String(errno))])
                exit(1)
            }
        }
        serve(listenFD: listenFD, shared: shared)
    }

    /// One connection thread. A kept-alive connection stays with it across requests: libfcgi
    /// reads the next request from it, or accepts a new one once nginx has closed it.
    static func serve(listenFD: Int32, shared: SharedResponder) -> Never {
        // libfcgi keeps pointers into the request: it must not move, so it lives on the heap.
        let request = UnsafeMutablePointer<FCGX_Request>.allocate(capacity: 1)
        FCGX_InitRequest(request, listenFD, 0)
        while !stopRequested.load(ordering: .acquiring) {
            guard FCGX_Accept_r(request) >= 0 else { break }
            activeRequests.add(1, ordering: .acquiringAndReleasing)
            handle(request, shared: shared)
            let stopping = stopRequested.load(ordering: .acquiring)
            // Stopping: close this connection after the answer, so that nginx sends nothing
            // more on it, and take no further request.
            if stopping { request.pointee.keepConnection = 0 }
            FCGX_Finish_r(request)
            let remaining = activeRequests.subtract(1, ordering: .acquiringAndReleasing).newValue
            if stopping {
                if remaining == 0 { exit(0) }
                while true { pause() }
            }
        }
        // The listening socket failed: stop taking requests and let the supervisor start a
        // fresh process once the requests in flight are answered.
        stopRequested.store(true, ordering: .releasing)
        if activeRequests.load(ordering: .acquiring) == 0 { exit(0) }
        while true { pause() }
    }

    static func handle(_ raw: UnsafeMutablePointer<FCGX_Request>, shared: SharedResponder) {
        var request: Request?
        var bodyRead = false
        let response: Response
        defer {
            // A body refused unread (too large, malformed request) is still on the kept
            // connection, and libfcgi would read all of it (up to 41 MB) only to discard
            // it: the connection is closed after this answer instead.
            if !bodyRead { raw.pointee.keepConnection = 0 }
        }
        do {
            let incoming = try RequestReader.read(raw.pointee.envp)
            var parsed = incoming.request
            request = parsed
            let limit = shared.withResponder { $0.bodyLimit(method: parsed.method, path: parsed.path) }
            let length = try incoming.contentLength()
            guard length <= limit else { throw HTTPError.payloadTooLarge }
            parsed.body = try RequestReader.body(from: raw.pointee.in, length: length)
            bodyRead = true
            request = parsed
            let complete = parsed
            response = shared.withResponder { $0.respond(to: complete) }
        } catch let error as HTTPError {
            Log.event("request_refused", [("status", String(error.status)), ("reason", error.reason)])
            let failed = request
            response = shared.withResponder { $0.errorResponse(error, for: failed) }
        } catch {
            Log.event("request_failed", [("error", String(describing: error))])
            let failed = request
            let internalError = HTTPError(status: 500, message: Text.errorInternal, reason: "\(error)")
            response = shared.withResponder { $0.errorResponse(internalError, for: failed) }
        }
        write(response, includeBody: request?.method != "HEAD", to: raw.pointee.out)
    }

    /// libfcgi copies into its own buffer and writes when that is full: head and body go to
    /// it as they are, without joining them first.
    static func write(_ response: Response, includeBody: Bool, to stream: UnsafeMutablePointer<FCGX_Stream>) {
        put(response.serializedHead(), to: stream)
        if includeBody { put(response.body, to: stream) }
    }

    static func put(_ bytes: [UInt8], to stream: UnsafeMutablePointer<FCGX_Stream>) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = FCGX_PutStr(chars.baseAddress, Int32(chars.count), stream)
            }
        }
    }

    /// Starts a detached thread running `body`.
    static func startThread(_ body: @escaping @Sendable () -> Void) -> Bool {
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
        return result == 0
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
    /// worker: the stop signals are blocked in every thread and taken by one thread instead.
    static func blockStopSignals() {
        var set = stopSignalSet()
        let result = pthread_sigmask(SIG_BLOCK, &set, nil)
        precondition(result == 0, "pthread_sigmask: \(result)")  // EINVAL only: a bad `how`
        signal(SIGPIPE, SIG_IGN)
    }

    /// An idle worker exits at once, a busy one after its last response.
    static func startSignalThread() {
        let started = startThread {
            var set = stopSignalSet()
            while true {
                var received: Int32 = 0
                let result = sigwait(&set, &received)
                precondition(result == 0, "sigwait: \(result)")  // EINVAL only: a bad set
                stopRequested.store(true, ordering: .releasing)
                if activeRequests.load(ordering: .acquiring) == 0 { _exit(0) }
            }
        }
        precondition(started, "cannot start the signal thread")
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

    init(_ responder: sending any Responder) {
        self.responder = responder
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    func withResponder<Result: Sendable>(_ body: (any Responder) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(responder)
    }
}
