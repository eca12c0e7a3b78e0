import Foundation
import PortalCore
import PortalDomain
import PortalStore

struct BackupCommand: AdminCommand {
    static let words = ["backup"]
    static let options: [CommandOption] = [
        .required("to", "FILE", help: "the new file the copy is written to (an existing one is refused), in a folder that exists")
    ]
    static let abstract = "Writes a consistent copy of the live database (VACUUM INTO), then checks its integrity."
    let destination: String

    init(options: OptionValues) throws { destination = options.required("to") }

    func run(config: Config) throws {
        let database = try openDatabase(config)
        // Said before SQLite's "output file already exists [VACUUM INTO ?]".
        if FileManager.default.fileExists(atPath: destination) {
            throw CommandFailure("\(destination) already exists: a backup is written to a new file (another name, or remove it)")
        }
        let folder = (destination as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard folder.isEmpty || FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue else {
            throw CommandFailure("the folder \(folder) does not exist: create it, or write the backup elsewhere")
        }
        try Backup.copy(database, to: destination)
        print("backup written to \(destination) (integrity ok)")
        // The files are not in the copy: said each time, since a restore without them shows
        // every attachment as "Pagina non trovata".
        print("the attachments (\(config.attachmentsDirectory)) are files, not in this copy: back that folder up too, "
            + "after the database (rsync -a \(config.attachmentsDirectory)/ DEST/; its files never change)")
    }
}

struct RestoreCommand: AdminCommand {
    static let words = ["restore"]
    static let options: [CommandOption] = [
        .required("from", "FILE", help: "a copy made by portal-admin backup; it is read, never changed"),
        .flag("resend-mail", help: "also send the e-mails the backup had queued (by default they are dropped unsent)"),
    ]
    static let abstract = "Replaces the database's content with a backup's; the mail it had queued is not sent again."
    let source: String
    let resendMail: Bool

    init(options: OptionValues) throws {
        source = options.required("from")
        resendMail = options.flag("resend-mail")
    }

    func run(config: Config) throws {
        guard FileManager.default.fileExists(atPath: source) else {
            throw CommandFailure("\(source) does not exist: restore takes a file written by portal-admin backup")
        }
        let database = try openDatabase(config)
        let restored: Backup.Restored
        do {
            restored = try Backup.restore(from: source, into: database, resendMail: resendMail, now: Clock.now())
        } catch let error as DatabaseError where error.isNotADatabase {
            // What the file is, without SQLite's code: restore takes what backup wrote.
            throw CommandFailure(error.message + " (restore takes a file written by portal-admin backup)")
        }
        let mail = restored.queuedMail == 0
            ? "no e-mail was queued in it"
            : restored.resentMail
                ? "\(restored.queuedMail) queued e-mails will be sent"
                : "\(restored.queuedMail) queued e-mails dropped unsent (--resend-mail sends them)"
        print("restored \(config.databasePath) from \(source); \(mail)")
        let missing = try ContentStore(directory: config.attachmentsDirectory).missing(in: database)
        if !missing.isEmpty {
            AdminCLI.printError(
                "warning: \(missing.count) files the restored tickets and profiles use are not in \(config.attachmentsDirectory): "
                    + "copy them back from the backup of that folder (rsync -a BACKUP/ \(config.attachmentsDirectory)/)")
        }
    }
}
