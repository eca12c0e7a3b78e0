import Glibc
import PortalCore

/// The entry point of every handler executable.
///
/// - `NAME --socket PATH [--workers N] [--threads N] [--socket-mode 660]`: supervisor that
///   binds the socket and keeps N worker processes of N connection threads each running (the
///   development and plain-systemd setup).
/// - started with the listening socket as stdin (`PORTAL_FASTCGI_WORKER=1`, or by spawn-fcgi)
///   or by systemd socket activation (`LISTEN_FDS=1`, fd 3): one worker.
public enum FastCGIMain {
    public static func run(name: String, makeResponder: () throws -> sending any Responder) -> Never {
        let environment = Config.processEnvironment()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let options = parse(arguments, name: name)
        if environment["PORTAL_FASTCGI_WORKER"] == "1" || environment["LISTEN_FDS"] != nil
            || (arguments.isEmpty && isSocket(0))
        {
            let listenFD: Int32 = environment["LISTEN_FDS"] != nil && environment["PORTAL_FASTCGI_WORKER"] != "1" ? 3 : 0
            let supervisor = environment["PORTAL_SUPERVISOR_PID"].flatMap { pid_t($0) }
            do {
                Clock.useItalianTimeZone()
                try Worker.run(
                    listenFD: listenFD, threads: options.threads, supervisor: supervisor,
                    responder: try makeResponder())
            } catch {
                Log.event("worker_start_failed", [("name", name), ("error", String(describing: error))])
                // Give the supervisor's restart loop something to wait for instead of spinning.
                sleep(1)
                exit(1)
            }
        }
        guard let socketPath = options.socketPath, !socketPath.isEmpty else { usage(name, Text.Console.socketRequired) }
        // Fail fast in the supervisor (e.g. unmigrated database) rather than in a restart loop.
        do { _ = try makeResponder() } catch {
            Log.event("handler_start_failed", [("name", name), ("error", String(describing: error))])
            exit(1)
        }
        Supervisor.run(name: name, socketPath: socketPath, workers: options.workers, socketMode: options.mode)
    }

    struct Options {
        var socketPath: String?
        var workers = 4
        /// Connection threads per worker: more than nginx keeps idle connections per upstream
        /// (`keepalive` times nginx's worker processes) divided by the workers.
        var threads = 8
        var mode: mode_t = 0o660
    }

    /// The supervisor's arguments; its workers are started with the same ones.
    static func parse(_ arguments: [String], name: String) -> Options {
        var options = Options()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let value = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch argument {
            case "--socket": options.socketPath = value
            case "--workers": options.workers = value.flatMap { Int($0) } ?? -1
            case "--threads": options.threads = value.flatMap { Int($0) } ?? -1
            case "--socket-mode": options.mode = value.flatMap { mode_t($0, radix: 8) } ?? 0
            case "--help", "-h": UsageExit.help(Text.Console.handlerUsage(name))
            default: usage(name, Text.Console.unknownArgument(argument))
            }
            index += 2
        }
        guard (1...64).contains(options.workers) else { usage(name, Text.Console.workersRange) }
        guard (1...256).contains(options.threads) else { usage(name, Text.Console.threadsRange) }
        guard options.mode != 0 else { usage(name, Text.Console.socketModeInvalid) }
        return options
    }

    static func isSocket(_ fd: Int32) -> Bool {
        var info = stat()
        return fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFSOCK
    }

    static func usage(_ name: String, _ message: String) -> Never {
        UsageExit.refuse(name, message, usage: Text.Console.handlerUsage(name))
    }
}
