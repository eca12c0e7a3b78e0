import Glibc
import PortalCore
import PortalMail

/// Where `portal-mailer` finds received messages besides a Postfix pipe: an IMAP mailbox
/// (`PORTAL_IMAP_URL`) and, under `make run`, a folder of dropped `.eml` files.
public struct MailSources {
    let gate: MailGate
    let config: Config

    public init(gate: MailGate, config: Config) {
        self.gate = gate
        self.config = config
    }

    /// One pass over both; returns how many messages were handed to the gate.
    @discardableResult
    public func pass(now: Timestamp, mailbox fetching: Bool = true) -> Int {
        var count = 0
        if fetching && !config.imapURL.isEmpty { count += fetchMailbox(now: now) }
        if !config.mailInDirectory.isEmpty { count += readFolder(config.mailInDirectory, now: now) }
        return count
    }

    var mailbox: IMAPMailbox {
        IMAPMailbox(
            url: config.imapURL, user: config.string("PORTAL_IMAP_USER", default: ""),
            password: config.string("PORTAL_IMAP_PASSWORD", default: ""),
            caFile: config.string("PORTAL_IMAP_CA_FILE", default: ""))
    }

    /// Each unread message once: read (the server marks it), handed to the gate, and made
    /// unread again when the gate could not decide (a busy database) so the next pass retries.
    func fetchMailbox(now: Timestamp) -> Int {
        let mailbox = self.mailbox
        var count = 0
        do {
            for uid in try mailbox.unseen() {
                let bytes = try mailbox.fetch(uid: uid)
                do {
                    try deliver(bytes, now: now)
                    count += 1
                } catch where MailGate.mayPassLater(error) {
                    Log.event("mail_fetch_retry", [("uid", String(uid)), ("error", "\(error)")])
                    try mailbox.markUnseen(uid: uid)
                } catch {
                    // Left read in the mailbox, where an administrator finds it by the log.
                    Log.event("mail_fetch_failed_message", [("uid", String(uid)), ("error", "\(error)")])
                }
            }
        } catch {
            Log.event("mail_fetch_failed", [("error", "\(error)")])
        }
        return count
    }

    /// Every `*.eml` in the folder, then moved into its `done/` subfolder (kept, to look at),
    /// or into `failed/` when the gate fails on it in a way that retrying would repeat.
    /// Seconds a dropped file must have stayed unchanged before it is read.
    static let settling: Double = 2

    func readFolder(_ directory: String, now: Timestamp) -> Int {
        guard let folder = opendir(directory) else { return 0 }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".eml") && !name.hasPrefix(".") { names.append(name) }
        }
        closedir(folder)
        guard !names.isEmpty else { return 0 }
        mkdir(directory + "/done", 0o755)
        var count = 0
        for name in names.sorted() {
            let path = directory + "/" + name
            // A file written in place (an editor, a mail program saving a message) is read only
            // once it has been still for `settling` seconds: read while it was written, its first
            // lines were refused as "not a reply" and the whole file then moved to done/.
            // To the nanosecond: whole seconds left as little as one second of stillness.
            var info = stat()
            var clock = timespec()
            clock_gettime(CLOCK_REALTIME, &clock)
            guard stat(path, &info) == 0 else { continue }
            let still = Double(clock.tv_sec - info.st_mtim.tv_sec) + Double(clock.tv_nsec - info.st_mtim.tv_nsec) / 1e9
            guard still >= MailSources.settling else { continue }
            guard let bytes = readFileBytes(path) else { continue }
            do {
                try deliver(bytes, now: now)
                rename(path, directory + "/done/" + name)
                count += 1
            } catch where MailGate.mayPassLater(error) {
                Log.event("mail_in_retry", [("file", name), ("error", "\(error)")])
            } catch {
                mkdir(directory + "/failed", 0o755)
                rename(path, directory + "/failed/" + name)
                Log.event("mail_in_failed", [("file", name), ("error", "\(error)")])
            }
        }
        return count
    }

    func deliver(_ bytes: [UInt8], now: Timestamp) throws {
        let limit = config.mailGateMaxBytes
        try gate.deliver(Array(bytes.prefix(limit)), truncated: bytes.count > limit, now: now)
    }
}
