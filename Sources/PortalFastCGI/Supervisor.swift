import Glibc
import PortalCore

/// The handler's first process: binds the unix socket, starts the workers as copies of
/// itself with the socket as their stdin (the FastCGI convention), and starts a new one
/// whenever one dies. SIGTERM or SIGINT stops all of them and removes the socket.
enum Supervisor {
    static func run(name: String, socketPath: String, workers: Int, socketMode: mode_t) -> Never {
        let fd = bindSocket(path: socketPath, mode: socketMode)
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGCHLD, SIGTERM, SIGINT, SIGHUP] { sigaddset(&blocked, signal) }
        sigprocmask(SIG_BLOCK, &blocked, nil)
        signal(SIGPIPE, SIG_IGN)

        var children: Set<pid_t> = []
        for _ in 0..<workers { if let pid = spawnWorker(listenFD: fd) { children.insert(pid) } }
        Log.event("handler_started", [("name", name), ("socket", socketPath), ("workers", String(workers))])

        var recentRestarts: [Timestamp] = []
        while true {
            var received: Int32 = 0
            sigwait(&blocked, &received)
            if received == SIGCHLD {
                for pid in reap() where children.remove(pid) != nil {
                    // A worker that dies at once, over and over, must not spin the CPU.
                    let now = Clock.now()
                    recentRestarts = recentRestarts.filter { now - $0 < 10 } + [now]
                    if recentRestarts.count > 20 { sleep(1) }
                    if let replacement = spawnWorker(listenFD: fd) {
                        children.insert(replacement)
                        Log.event("worker_restarted", [("name", name), ("old_pid", String(pid)), ("pid", String(replacement))])
                    }
                }
                continue
            }
            Log.event("handler_stopping", [("name", name), ("signal", String(received))])
            for pid in children { kill(pid, SIGTERM) }
            let deadline = Clock.now() + 5
            while !children.isEmpty && Clock.now() < deadline {
                for pid in reap() { children.remove(pid) }
                if !children.isEmpty { usleep(20_000) }
            }
            for pid in children { kill(pid, SIGKILL) }
            unlink(socketPath)
            exit(0)
        }
    }

    static func reap() -> [pid_t] {
        var pids: [pid_t] = []
        var status: Int32 = 0
        while true {
            let pid = waitpid(-1, &status, WNOHANG)
            if pid <= 0 { break }
            pids.append(pid)
        }
        return pids
    }

    /// `FCGX_OpenSocket` would silently delete the socket of a running instance; we refuse
    /// instead, and only remove a stale file that nobody listens on.
    static func bindSocket(path: String, mode: mode_t) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { fail("socket path too long: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
            buffer[bytes.count] = 0
        }
        let length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        let inUse = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(probe, $0, length) == 0 }
        }
        close(probe)
        if inUse { fail("another process is listening on \(path)") }
        unlink(path)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 }
        }
        guard bound, listen(fd, 128) == 0 else { fail("cannot listen on \(path): errno \(errno)") }
        chmod(path, mode)
        return fd
    }

    static func spawnWorker(listenFD: Int32) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, listenFD, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        setenv("PORTAL_FASTCGI_WORKER", "1", 1)
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/proc/self/exe", &actions, &attributes, &argv, environ)
        guard result == 0 else {
            Log.event("worker_spawn_failed", [("errno", String(result))])
            return nil
        }
        return pid
    }

    static func fail(_ message: String) -> Never {
        Log.event("handler_failed", [("error", message)])
        exit(1)
    }
}
