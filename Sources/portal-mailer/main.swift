import Glibc
import PortalCore
import PortalMail
import PortalStore

// portal-mailer: delivers the outbox every second until SIGTERM/SIGINT.
// `--once` delivers what is due and exits (for cron or tests).

nonisolated(unsafe) var stopping: sig_atomic_t = 0
signal(SIGTERM) { _ in stopping = 1 }
signal(SIGINT) { _ in stopping = 1 }
signal(SIGPIPE, SIG_IGN)

do {
    let config = try Config.load()
    let database = try Database(path: config.databasePath)
    let pending = try Migrator.pending(database)
    guard pending.isEmpty else {
        Log.event("mailer_start_failed", [("error", "database not migrated; run portal-admin migrate")])
        exit(1)
    }
    let mailer = Mailer(database: database, transport: Mailer.transport(for: config), from: config.mailFrom)
    let once = CommandLine.arguments.contains("--once")
    Log.event("mailer_started", [("transport", config.string("PORTAL_SMTP_HOST", default: "files"))])
    let limit = 50
    repeat {
        var delivered = 0
        do {
            delivered = try mailer.deliverDue(limit: limit)
        } catch {
            // A locked or briefly unavailable database is retried on the next pass.
            Log.event("mailer_pass_failed", [("error", "\(error)")])
        }
        // A full pass means more is waiting: go on at once (checking for a stop between passes).
        if delivered == limit { continue }
        if once { break }
        usleep(500_000)
    } while stopping == 0
} catch {
    Log.event("mailer_start_failed", [("error", "\(error)")])
    exit(1)
}
