import Glibc
import PortalCore

/// The handler's first process: binds the unix socket, starts the workers as copies of
/// itself with the socket as their stdin (the FastCGI convention), and starts a new one
/// whenever one dies. SIGTERM or SIGINT stops all of them and removes the socket.
///
/// Every system call's failure ends it with one `handler_failed` line and exit status 1:
/// a supervisor that runs on with fewer workers, or a socket nginx cannot reach, fails
/// later and out of sight. Its own supervisor (systemd, `portal-up.sh`) starts it again.
enum Supervisor {
    /// The listen queue asked for each handler's socket (the kernel keeps the smaller of this and somaxconn).
    static let listenQueue: Int32 = 4096

    static func run(name: String, socketPath: String, workers: Int, socketMode: mode_t) -> Never {
        let fd = bindSocket(path: socketPath, mode: socketMode)
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGCHLD, SIGTERM, SIGINT, SIGHUP] { sigaddset(&blocked, signal) }
        let masked = sigprocmask(SIG_BLOCK, &blocked, nil)
        precondition(masked == 0, "sigprocmask: errno \(errno)")  // EINVAL only: a bad `how`
        // An ignored signal is dropped even while blocked, so sigwait would never see it: a
        // parent that ignored SIGINT (`setsid … &` from a script) must not make us unstoppable.
        for signal in [SIGCHLD, SIGTERM, SIGINT, SIGHUP] { Glibc.signal(signal, SIG_DFL) }
        signal(SIGPIPE, SIG_IGN)
        // Workers are copies of this executable: these tell them that they are workers, and
        // which process they must not outlive (Worker.watch(supervisor:)).
        guard setenv("PORTAL_FASTCGI_WORKER", "1", 1) == 0,
            setenv("PORTAL_SUPERVISOR_PID", String(getpid()), 1) == 0
        else { fail(SystemError(errno, "setenv")) }

        var children: Set<pid_t> = []
        for _ in 0..<workers {
            do { children.insert(try spawnWorker(listenFD: fd)) } catch {
                Log.event("handler_failed", [("name", name), ("error", "cannot start a worker: \(error)")])
                stop(children, socketPath: socketPath, status: 1)
            }
        }
        Log.event("handler_started", [("name", name), ("socket", socketPath), ("workers", String(workers))])

        var recentRestarts: [Timestamp] = []
        while true {
            var received: Int32 = 0
            let waited = sigwait(&blocked, &received)
            precondition(waited == 0, "sigwait: \(waited)")  // EINVAL only: a bad set
            if received == SIGCHLD {
                for pid in reap() where children.remove(pid) != nil {
                    // A worker that dies at once, over and over, must not spin the CPU.
                    let now = Clock.now()
                    recentRestarts = recentRestarts.filter { now - $0 < 10 } + [now]
                    if recentRestarts.count > 20 { sleep(1) }
                    do {
                        let replacement = try spawnWorker(listenFD: fd)
                        children.insert(replacement)
                        Log.event("worker_restarted", [("name", name), ("old_pid", String(pid)), ("pid", String(replacement))])
                    } catch {
                        Log.event("handler_failed", [("name", name), ("error", "cannot restart a worker: \(error)")])
                        stop(children, socketPath: socketPath, status: 1)
                    }
                }
                continue
            }
            Log.event("handler_stopping", [("name", name), ("signal", String(received))])
            stop(children, socketPath: socketPath, status: 0)
        }
    }

    /// SIGTERM to the workers, SIGKILL to those still running after 5 s (a worker answers
    /// the requests it holds first), then the socket goes.
    static func stop(_ workers: Set<pid_t>, socketPath: String, status: Int32) -> Never {
        var children = workers
        // ESRCH (already gone) is the only failure for our own children.
        for pid in children { kill(pid, SIGTERM) }
        let deadline = Clock.now() + 5
        while !children.isEmpty && Clock.now() < deadline {
            for pid in reap() { children.remove(pid) }
            if !children.isEmpty { usleep(20_000) }
        }
        for pid in children { kill(pid, SIGKILL) }
        if unlink(socketPath) != 0 && errno != ENOENT {
            Log.event("socket_not_removed", [("error", SystemError(errno, "unlink \(socketPath)").description)])
        }
        unlink(ownerFile(socketPath))
        exit(status)
    }

    static func reap() -> [pid_t] {
        var pids: [pid_t] = []
        var status: Int32 = 0
        // -1 with ECHILD: no children left; signals are blocked, so no EINTR.
        while true {
            let pid = waitpid(-1, &status, WNOHANG)
            if pid <= 0 { break }
            pids.append(pid)
        }
        return pids
    }

    /// `FCGX_OpenSocket` would silently delete the socket of a running instance; we refuse
    /// instead, and only remove a stale socket that nobody listens on.
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
        // The workers of a supervisor killed with -9 finish what they hold and stop (their
        // parent's death is their SIGTERM): waiting for them is quicker than failing and being
        // started again a second later, over and over (nginx answers 502 meanwhile). A handler
        // that stays is another running instance: its socket is not ours to take.
        // Unless the supervisor that bound it is known dead: its workers were still answering
        // what they held (a slow page each, queued behind the lock) 24 s after a kill -9, and
        // every new request meanwhile met 502. The socket's name is taken over at once; they
        // finish on the old, unnamed socket.
        let deadline = Clock.now() + 10
        while isListening(&address, length: length, path: path) {
            if let owner = owner(of: path), kill(owner, 0) != 0 && errno == ESRCH {
                Log.event("socket_taken_over", [("path", path), ("dead_supervisor", String(owner))])
                break
            }
            if Clock.now() >= deadline { fail("another process is listening on \(path)") }
            usleep(100_000)
        }
        removeStaleSocket(path)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { fail(SystemError(errno, "socket")) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 }
        }
        guard bound else { fail(SystemError(errno, "bind \(path)")) }
        // Before listen: nginx must never reach the socket while it has the umask's mode
        // (it would answer 502).
        guard chmod(path, mode) == 0 else { fail(SystemError(errno, "chmod \(path)")) }
        // A queue as long as the kernel allows (net.core.somaxconn caps it, 4096 on Debian 12):
        // nginx opens a new connection for each request whose client went away, and a client
        // cancelling 2,000 requests a second filled a queue of 128 while the workers were busy;
        // nginx then met "Resource temporarily unavailable" and answered 502 to everyone else.
        guard listen(fd, Supervisor.listenQueue) == 0 else { fail(SystemError(errno, "listen on \(path)")) }
        writeOwner(of: path)
        return fd
    }

    /// Beside the socket, the pid of the supervisor that bound it (`<socket>.pid`).
    static func ownerFile(_ socketPath: String) -> String { socketPath + ".pid" }

    static func owner(of socketPath: String) -> pid_t? {
        guard let file = fopen(ownerFile(socketPath), "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 32)
        guard fgets(&buffer, Int32(buffer.count), file) != nil,
            let pid = pid_t(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).trimmingWhitespace()),
            pid > 1
        else { return nil }
        return pid
    }

    /// Written whole under another name, then renamed: a reader never sees half a number.
    static func writeOwner(of socketPath: String) {
        let final = ownerFile(socketPath), temporary = final + ".tmp"
        guard let file = fopen(temporary, "w") else { fail(SystemError(errno, "fopen \(temporary)")) }
        let written = fputs(String(getpid()) + "\n", file) >= 0
        guard fclose(file) == 0, written, rename(temporary, final) == 0 else { fail(SystemError(errno, "write \(final)")) }
    }

    /// Whether a process accepts connections on the socket at `address`.
    static func isListening(_ address: inout sockaddr_un, length: socklen_t, path: String) -> Bool {
        let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard probe >= 0 else { fail(SystemError(errno, "socket")) }
        defer { close(probe) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(probe, $0, length) == 0 }
        }
        if connected { return true }
        switch errno {
        case ECONNREFUSED, ENOENT: return false  // a stale socket (or not a socket), or none
        case EAGAIN: return true  // its backlog is full: it has a listener
        default: fail(SystemError(errno, "connect to \(path)"))
        }
    }

    /// Removes what a stopped handler left at `path`, but nothing that is not a socket: a
    /// wrong `--socket` must not delete a file.
    static func removeStaleSocket(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            fail(SystemError(errno, "lstat \(path)"))
        }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else { fail("\(path) exists and is not a socket") }
        guard unlink(path) == 0 || errno == ENOENT else { fail(SystemError(errno, "unlink \(path)")) }
    }

    static func spawnWorker(listenFD: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        try SystemError.check(posix_spawn_file_actions_init(&actions), "posix_spawn_file_actions_init")
        defer { posix_spawn_file_actions_destroy(&actions) }
        try SystemError.check(
            posix_spawn_file_actions_adddup2(&actions, listenFD, 0), "posix_spawn_file_actions_adddup2")
        var attributes = posix_spawnattr_t()
        try SystemError.check(posix_spawnattr_init(&attributes), "posix_spawnattr_init")
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        try SystemError.check(posix_spawnattr_setsigmask(&attributes, &empty), "posix_spawnattr_setsigmask")
        try SystemError.check(posix_spawnattr_setsigdefault(&attributes, &defaults), "posix_spawnattr_setsigdefault")
        try SystemError.check(
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)),
            "posix_spawnattr_setflags")

        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        defer { for pointer in argv { free(pointer) } }
        guard !argv.contains(nil) else { throw SystemError(ENOMEM, "strdup") }
        argv.append(nil)
        var pid: pid_t = 0
        try SystemError.check(posix_spawn(&pid, "/proc/self/exe", &actions, &attributes, &argv, environ), "posix_spawn")
        return pid
    }

    static func fail(_ error: SystemError) -> Never {
        fail(error.description)
    }

    static func fail(_ message: String) -> Never {
        Log.event("handler_failed", [("error", message)])
        exit(1)
    }
}
