import Glibc
import PortalCore
import PortalDomain
import PortalHandlers
import PortalMail
import PortalMailGate
import PortalStore

// portal-mailer: delivers the outbox every second until SIGTERM/SIGINT, and, when configured,
// hands received replies to the mail gate: those of an IMAP mailbox (`PORTAL_IMAP_URL`,
// every `PORTAL_IMAP_INTERVAL` seconds, 60 by default) and the `.eml` files dropped into
// `PORTAL_MAIL_IN_DIR` (the development folder of `make run`).
// It also sweeps the uploads folder when it starts and every minute (`UploadSweep`), compacts
// the tickets' text index once a night (`SearchIndexMaintenance`), and
// checkpoints the database's WAL every tenth of a second: it is the portal's one background
// process. `--once` delivers what is due, fetches and sweeps
// once and exits (for cron or tests).

nonisolated(unsafe) var stopping: sig_atomic_t = 0
signal(SIGTERM) { _ in stopping = 1 }
signal(SIGINT) { _ in stopping = 1 }
signal(SIGPIPE, SIG_IGN)

/// The portal's checkpoints happen here, off the handlers' requests (`Database.checkpoint`).
/// Past 4,000 pages (16 MB) of WAL it starts over, holding writers back for a moment.
func checkpoint(_ database: Database) {
    do {
        if try database.checkpoint().walPages >= 4000 { try database.checkpoint(restart: true) }
    } catch { Log.event("checkpoint_failed", [("error", "\(error)")]) }
}

// Before anything opens the database: a `--help` started a second live mailer on it.
for argument in CommandLine.arguments.dropFirst() where argument != "--once" {
    if argument == "--help" || argument == "-h" { UsageExit.help(Text.Console.mailerUsage) }
    UsageExit.refuse("portal-mailer", Text.Console.unknownArgument(argument), usage: Text.Console.mailerUsage)
}

do {
    let config = try Config.load()
    let database = try Database(path: config.databasePath)
    try Migrator.refuseNewer(database)
    let pending = try Migrator.pending(database)
    guard pending.isEmpty else {
        Log.event("mailer_start_failed", [("error", "database not migrated; run portal-admin migrate")])
        exit(1)
    }
    let mailer = Mailer(database: database, transport: Mailer.transport(for: config), from: config.mailFrom)
    let once = CommandLine.arguments.contains("--once")
    let receiving = !config.imapURL.isEmpty || !config.mailInDirectory.isEmpty
    let sources = receiving ? MailSources(gate: MailGate(services: try Services(config: config)), config: config) : nil
    let interval = Int64(config.int("PORTAL_IMAP_INTERVAL", default: 60))
    var lastFetch: Int64 = 0
    Log.event("mailer_started", [("transport", config.string("PORTAL_SMTP_HOST", default: "files"))])
    // The gate's mailbox reads only replies: the desk's own e-mails and the customers' mail
    // to the published address would go into it and be dropped there, unread by anyone.
    if config.replyKey != nil, let support = config.supportAddress, support == config.replyMailbox {
        Log.event("mail_config_conflict", [("reason",
            "PORTAL_SUPPORT_EMAIL (\(support)) is the mailbox answering by e-mail reads (PORTAL_MAIL_REPLY_ADDRESS, by default the address of PORTAL_MAIL_FROM): the desk's e-mails would go to the gate and be dropped; give the support desk another mailbox")])
    }
    if config.string("PORTAL_SMTP_HOST", default: "").isEmpty {
        // Right for `make run`; on a server it means nobody gets a code or a notification.
        Log.event("mailer_not_delivering", [("reason", "PORTAL_SMTP_HOST is not set: e-mails are written as files to \(config.mailDirectory), not sent")])
    }
    let sweep = UploadSweep(database: database, config: config)
    let retention = RetentionSweep(database: database)
    var lastSweep: Timestamp = 0
    var lastRetention: Timestamp = 0
    var lastEmptied: Timestamp = 0
    var secretInLog = false
    var lastIndexDay: DateOnly?
    let limit = 50
    repeat {
        if Clock.now() - lastSweep >= 60 {
            lastSweep = Clock.now()
            do {
                try sweep.run(now: lastSweep)
                // A browser retries a ticket form within minutes: its key is kept a day.
                try SubmissionStore(database).forget(before: lastSweep - 86400)
            } catch { Log.event("sweep_failed", [("error", "\(error)")]) }
            // A change of "Tempi di risposta" whose page was cut off before every deadline moved.
            do {
                let targets = ResponseTargetStore(database)
                if try targets.deadlinesPending(savedBefore: lastSweep - 300) {
                    Log.event("deadlines_recomputed", [("moved", String(try targets.recomputeDue()))])
                }
            } catch { Log.event("deadlines_recompute_failed", [("error", "\(error)")]) }
            if lastSweep - lastRetention >= 3600 {
                lastRetention = lastSweep
                do {
                    let report = try retention.run(now: lastSweep)
                    if report.total > 0 {
                        Log.event("retention_swept", report.rows.sorted { $0.key < $1.key }.map { ($0.key, String($0.value)) })
                    }
                } catch { Log.event("retention_failed", [("error", "\(error)")]) }
            }
            if SearchIndexMaintenance.isDue(now: lastSweep, lastDay: lastIndexDay) {
                lastIndexDay = RomeTime.local(lastSweep).day
                // Logged before and after: the two lines' times tell how long the merge took.
                Log.event("search_index_optimizing", [])
                // Between steps: the WAL the merge writes is checkpointed as it grows, and a
                // stop or the end of the window leaves the rest for the next night.
                do {
                    let finished = try SearchIndexMaintenance(database).compact {
                        checkpoint(database)
                        usleep(20_000)
                        return stopping == 0 && SearchIndexMaintenance.isWindow(now: Clock.now())
                    }
                    Log.event(finished ? "search_index_optimized" : "search_index_optimize_paused", [])
                } catch { Log.event("search_index_optimize_failed", [("error", "\(error)")]) }
            }
        }
        var delivered = 0
        // The folder is looked at on every pass, the mailbox every `interval` seconds.
        if let sources {
            let now = Clock.now()
            let fetching = once || now - lastFetch >= interval
            if fetching { lastFetch = now }
            sources.pass(now: now, mailbox: fetching)
        }
        do {
            let pass = try mailer.deliverDueReporting(limit: limit)
            delivered = pass.delivered
            if pass.secret { secretInLog = true }
        } catch {
            // A locked or briefly unavailable database is retried on the next pass. One opened
            // read-only (the file was not writable when the mailer started) stays so after the
            // file is mended: the mailer exits, for portal-up or systemd to start it again.
            Log.event("mailer_pass_failed", [("error", "\(error)")])
            if database.isReadOnly {
                Log.event("mailer_stopped", [("reason", "database opened read-only; restart to open it again")])
                exit(1)
            }
        }
        checkpoint(database)
        // A delivered secret's body is cleared in the database, but the write-ahead log still
        // held the row as it was written (a provisional password readable in the -wal file for
        // minutes): emptied after a secret's delivery, at most once a minute (the truncation
        // holds writers back while readers finish; ticket notifications never cause it).
        if secretInLog && Clock.now() - lastEmptied >= 60 {
            lastEmptied = Clock.now()
            secretInLog = false
            do { _ = try database.checkpoint(truncate: true) } catch { Log.event("checkpoint_failed", [("error", "\(error)")]) }
        }
        // A full pass means more is waiting: go on at once (checking for a stop between passes).
        if delivered == limit { continue }
        if once { break }
        // Half a second between passes, checkpointing every tenth of a second meanwhile: a
        // burst of new tickets writes 4,000 WAL pages in that time.
        for _ in 0..<5 where stopping == 0 {
            usleep(100_000)
            checkpoint(database)
        }
    } while stopping == 0
} catch {
    Log.event("mailer_start_failed", [("error", "\(error)")])
    exit(1)
}
