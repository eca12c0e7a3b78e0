import CFastCGI
import Glibc
import PortalCore
import PortalHTTP
import Synchronization

/// Set by the signal thread; read by the accept loop between requests.
private let stopRequested = Atomic<Bool>(false)
/// True while a request is being handled: a stop then waits for the response to go out.
private let busy = Atomic<Bool>(false)

/// One worker process: a synchronous `FCGX_Accept_r` loop on an inherited listening socket.
enum Worker {
    static func run(listenFD: Int32, responder: Responder) -> Never {
        startSignalThread()
        guard FCGX_Init() == 0 else {
            Log.event("fastcgi_init_failed")
            exit(1)
        }
        // libfcgi keeps pointers into the request: it must not move, so it lives on the heap.
        let request = UnsafeMutablePointer<FCGX_Request>.allocate(capacity: 1)
        FCGX_InitRequest(request, listenFD, 0)
        while !stopRequested.load(ordering: .acquiring) {
            guard FCGX_Accept_r(request) >= 0 else { break }
            busy.store(true, ordering: .releasing)
            handle(request, responder: responder)
            FCGX_Finish_r(request)
            busy.store(false, ordering: .releasing)
        }
        exit(0)
    }

    static func handle(_ raw: UnsafeMutablePointer<FCGX_Request>, responder: Responder) {
        var request: Request?
        let response: Response
        do {
            let params = try RequestReader.params(raw.pointee.envp)
            var parsed = try RequestReader.makeRequest(params: params)
            request = parsed
            let length = try RequestReader.contentLength(params)
            guard length <= responder.bodyLimit(method: parsed.method, path: parsed.path) else {
                throw HTTPError.payloadTooLarge
            }
            parsed.body = try RequestReader.body(from: raw.pointee.in, length: length)
            request = parsed
            response = responder.respond(to: parsed)
        } catch let error as HTTPError {
            Log.event("request_refused", [("status", String(error.status)), ("reason", error.reason)])
            response = responder.errorResponse(error, for: request)
        } catch {
            Log.event("request_failed", [("error", String(describing: error))])
            response = responder.errorResponse(
                HTTPError(status: 500, message: Text.errorInternal, reason: "\(error)"), for: request)
        }
        write(response, includeBody: request?.method != "HEAD", to: raw.pointee.out)
    }

    static func write(_ response: Response, includeBody: Bool, to stream: UnsafeMutablePointer<FCGX_Stream>) {
        // One buffer, one write: libfcgi copies into its own buffer either way.
        var bytes = response.serializedHead()
        if includeBody { bytes += response.body }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = FCGX_PutStr(chars.baseAddress, Int32(chars.count), stream)
            }
        }
    }

    /// `FCGX_Init` installs handlers that only set a flag, so a plain kill would not stop a
    /// worker blocked in accept. Signals are blocked here and taken by one thread instead:
    /// an idle worker exits at once, a busy one after its response. The same thread notices
    /// when the supervisor is gone (we cannot call the variadic `prctl` from Swift).
    static func startSignalThread() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGUSR1)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
        let parent = getppid()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { _ in
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGTERM)
            sigaddset(&set, SIGINT)
            sigaddset(&set, SIGUSR1)
            var timeout = timespec(tv_sec: 1, tv_nsec: 0)
            while true {
                let signal = sigtimedwait(&set, nil, &timeout)
                let orphaned = Worker.parentPID != 1 && getppid() != Worker.parentPID
                if signal > 0 || orphaned {
                    stopRequested.store(true, ordering: .releasing)
                    if !busy.load(ordering: .acquiring) { _exit(0) }
                }
            }
        }, nil)
        parentPID = parent
        precondition(result == 0, "cannot start the signal thread")
    }

    nonisolated(unsafe) static var parentPID: pid_t = 1
}
