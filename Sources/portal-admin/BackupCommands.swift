import Foundation
import PortalCore
import PortalDomain
import PortalStore

struct BackupCommand: AdminCommand {
    static let words = ["backup"]
    static let options: [CommandOption] = [
        .required("to", "FILE", help: Text.Console.backupToHelp)
    ]
    static let abstract = Text.Console.backupAbstract
    let destination: String

    init(options: OptionValues) throws { destination = options.required("to") }

    func run(config: Config) throws {
        let database = try openDatabase(config)
        // Said before SQLite's "output file already exists [VACUUM INTO ?]".
        if FileManager.default.fileExists(atPath: destination) {
            throw CommandFailure(Text.Console.backupExists(destination))
        }
        let folder = (destination as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard folder.isEmpty || FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue else {
            throw CommandFailure(Text.Console.noFolder(folder))
        }
        try Backup.copy(database, to: destination)
        print(Text.Console.backupWritten(destination))
        // The files are not in the copy: said each time, since a restore without them shows
        // every attachment as "Pagina non trovata".
        print(Text.Console.attachmentsNotInCopy(config.attachmentsDirectory))
    }
}

struct RestoreCommand: AdminCommand {
    static let words = ["restore"]
    static let options: [CommandOption] = [
        .required("from", "FILE", help: Text.Console.restoreFromHelp),
        .flag("resend-mail", help: Text.Console.resendMailHelp),
    ]
    static let abstract = Text.Console.restoreAbstract
    let source: String
    let resendMail: Bool

    init(options: OptionValues) throws {
        source = options.required("from")
        resendMail = options.flag("resend-mail")
    }

    func run(config: Config) throws {
        guard FileManager.default.fileExists(atPath: source) else {
            throw CommandFailure(Text.Console.restoreMissing(source))
        }
        let database = try openDatabase(config)
        let restored: Backup.Restored
        do {
            restored = try Backup.restore(from: source, into: database, resendMail: resendMail, now: Clock.now())
        } catch let error as DatabaseError where error.isNotADatabase {
            // What the file is, without SQLite's code: restore takes what backup wrote.
            throw CommandFailure(error.message + Text.Console.restoreTakesBackup)
        }
        let mail = restored.queuedMail == 0
            ? Text.Console.noQueuedMail
            : restored.resentMail ? Text.Console.queuedMailResent(restored.queuedMail) : Text.Console.queuedMailDropped(restored.queuedMail)
        print(Text.Console.restored(config.databasePath, from: source, mail: mail))
        let missing = try ContentStore(directory: config.attachmentsDirectory).missing(in: database)
        if !missing.isEmpty {
            AdminCLI.printError(Text.Console.filesMissing(missing.count, folder: config.attachmentsDirectory))
        }
    }
}
