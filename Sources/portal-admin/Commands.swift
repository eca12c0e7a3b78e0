import Foundation
import PortalCore
import PortalDomain
import PortalMail
import PortalSite
import PortalStore

struct MigrateCommand: AdminCommand {
    static let words = ["migrate"]
    static let options: [CommandOption] = []
    static let abstract = "Creates the database if needed and applies the pending migrations."
    init(options: OptionValues) throws {}

    func run(config: Config) throws {
        // A first installation: the state folder may not exist yet.
        let folder = (config.databasePath as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let database = try Database(path: config.databasePath)
        let applied = try Migrator.migrate(database, now: Clock.now())
        print(applied.isEmpty ? "database \(config.databasePath) is up to date" : "applied: \(applied.joined(separator: ", "))")
    }
}

/// The configuration's database, or a failure that says where it was looked for: run from
/// another folder, SQLite's "unable to open database file" named neither path nor setting.
func openDatabase(_ config: Config) throws -> Database {
    do {
        return try Database(path: config.databasePath)
    } catch let error as DatabaseError where error.isCannotOpen {
        throw CommandFailure(
            "cannot open the database \(config.databasePath): run portal-admin in the portal's folder, or set PORTAL_VAR "
                + "(the portal's state folder) or PORTAL_DB; portal-admin migrate creates a new one")
    }
}

/// Opens the database of the configuration and refuses an unmigrated one.
func openMigrated(_ config: Config) throws -> Database {
    let database = try openDatabase(config)
    try Migrator.refuseNewer(database)
    let pending = try Migrator.pending(database)
    guard pending.isEmpty else {
        throw CommandFailure("database not migrated (run portal-admin migrate first)")
    }
    return database
}

struct TenantAddCommand: AdminCommand {
    static let words = ["tenant", "add"]
    static let options: [CommandOption] = [
        .required("name", "NAME", help: "the company's name"),
        .required("vat", "PIVA", help: "its P.IVA, with or without the IT prefix"),
    ]
    static let abstract = "Adds a company (tenant); the P.IVA's check digit is validated."
    let name: String
    let vat: VATNumber

    init(options: OptionValues) throws {
        name = options.required("name")
        let text = options.required("vat")
        guard let vat = VATNumber(text) else { throw UsageError(message: "'\(text)' is not a valid P.IVA") }
        self.vat = vat
    }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        let tenant = try Provisioning(database: database, config: config).addTenant(name: name, vat: vat, now: Clock.now())
        print("tenant \(tenant.id): \(tenant.name) (P.IVA \(tenant.vat))")
    }
}

struct InviteCommand: AdminCommand {
    static let words = ["invite"]
    static let options: [CommandOption] = [
        .required("vat", "PIVA", help: "the P.IVA of the company"),
        .required("email", "EMAIL", help: "the person's e-mail address"),
        .required("role", Role.allCases.map(\.label).joined(separator: "|"), help: "the person's role in that company"),
    ]
    static let abstract = "Invites a person into a company; a new address also gets provisional credentials."
    let vat: VATNumber
    let email: EmailAddress
    let role: Role

    init(options: OptionValues) throws {
        let vatText = options.required("vat")
        let emailText = options.required("email")
        let roleText = options.required("role")
        guard let vat = VATNumber(vatText) else { throw UsageError(message: "'\(vatText)' is not a valid P.IVA") }
        guard let email = EmailAddress(emailText) else { throw UsageError(message: "'\(emailText)' is not a valid e-mail address") }
        guard let role = Role(labelOrCode: roleText) else {
            throw UsageError(message: "--role takes \(Role.allCases.map(\.label).joined(separator: " or "))")
        }
        self.vat = vat
        self.email = email
        self.role = role
    }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        guard let tenant = try TenantStore(database).find(vat: vat) else {
            throw CommandFailure("no company with P.IVA \(vat)")
        }
        let result = try Provisioning(database: database, config: config).invite(
            tenant: tenant, email: email, role: role, invitedBy: nil, now: Clock.now())
        print("invited \(email) into \(tenant.name) as \(role.label)"
            + (result.createdAccount ? " (new account: welcome e-mail with provisional credentials queued)" : ""))
    }
}

// Same shape as `TenantAddCommand` on purpose: each subcommand declares its words, options,
// abstract and values, then validates in `init` before `run` (swift-argument-parser's shape).
struct OperatorAddCommand: AdminCommand {
    static let words = ["operator", "add"]
    static let options: [CommandOption] = [
        .required("email", "EMAIL", help: "the operator's e-mail address, where the welcome e-mail goes"),
        .required("name", "NAME", help: "the operator's full name"),
        .optional("role", "ROLE", help: "Operatore (works tickets, the default) or Responsabile (also runs the vendor administration)"),
    ]
    static let abstract = "Adds an operator of the support team; the welcome e-mail carries provisional credentials."
    let email: EmailAddress
    let name: String
    let role: DeskRole

    init(options: OptionValues) throws {
        let text = options.required("email")
        guard let email = EmailAddress(text) else { throw UsageError(message: "'\(text)' is not a valid e-mail address") }
        self.email = email
        name = options.required("name")
        let roleText = options.optional("role") ?? DeskRole.operator.label
        guard let role = DeskRole(labelOrCode: roleText) else {
            throw UsageError(message: "'\(roleText)' is not a role: Operatore or Responsabile")
        }
        self.role = role
    }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        try Provisioning(database: database, config: config).addOperator(email: email, name: name, role: role, now: Clock.now())
        print("operator \(email) added as \(role.label)")
    }
}

struct MailListCommand: AdminCommand {
    static let words = ["mail", "list"]
    static let options: [CommandOption] = []
    static let abstract = "Lists the newest e-mails of the outbox with their delivery state."
    init(options: OptionValues) throws {}

    func run(config: Config) throws {
        let database = try openMigrated(config)
        for message in try OutboxStore(database).all() {
            let state = message.sentAt.map { "sent \(Clock.display($0))" }
                ?? message.discardedAt.map { "not sent: dropped by a restore \(Clock.display($0))" }
                ?? "queued (attempts \(message.attempts)\(message.lastError.map { ", last error: \($0)" } ?? ""))"
            print("#\(message.id)  \(Clock.display(message.createdAt))  \(message.recipients.joined(separator: ","))  \(message.subject)  [\(state)]")
        }
    }
}

struct SiteBuildCommand: AdminCommand {
    static let words = ["site", "build"]
    static let options = SiteFolders.options
    static let abstract = "Renders the Markdown pages and assets under site/ into the folder nginx serves."
    let folders: SiteFolders

    init(options: OptionValues) throws { folders = SiteFolders(options) }

    func run(config: Config) throws {
        let builder = try folders.builder(config)
        let report = try builder.build()
        print("\(report.summary) → \(builder.output)")
    }
}

struct DemoCommand: AdminCommand {
    static let words = ["demo"]
    static let options: [CommandOption] = []
    static let abstract = "Seeds the demo companies, users and tickets (once) and prints the demo logins."
    init(options: OptionValues) throws {}

    func run(config: Config) throws {
        let database = try openMigrated(config)
        let seeded = try DemoData.seed(database: database, now: Clock.now())
        print(seeded ? "demo data created; logins (e-mail, then password):" : "demo data already present; logins (e-mail, then password):")
        for login in DemoData.logins { print("  \(login.email)  \(login.password)    \(login.description)") }
    }
}

/// `--source` and `--out` of the site commands, defaulting to the configuration's folders.
struct SiteFolders {
    // The placeholders show the defaults of a development checkout, as the README does.
    static let options: [CommandOption] = [
        .optional("source", "site", help: "the folder of the Markdown pages and assets (default: PORTAL_SITE_SOURCE)"),
        .optional("out", "var/www", help: "the folder nginx serves (default: PORTAL_SITE_OUT)"),
    ]
    let source: String?
    let output: String?

    init(_ options: OptionValues) {
        source = options.optional("source")
        output = options.optional("out")
    }

    /// What every portal's site has: a build from any other folder (the relative default run
    /// from elsewhere, a mistyped --source) replaced the served manual, privacy notice and
    /// stylesheet with nothing, "site built".
    static let required = ["manuale/index.md", "privacy.md", "assets/portal.css"]

    func builder(_ config: Config) throws -> SiteBuilder {
        let builder = SiteBuilder(source: source ?? config.siteSource, output: output ?? config.siteOutput)
        let missing = Self.required.filter { !FileManager.default.fileExists(atPath: builder.source + "/" + $0) }
        guard missing.isEmpty else {
            throw CommandFailure(
                "\(builder.source) is not the portal's site folder (no \(missing.joined(separator: ", "))): "
                    + "give --source or PORTAL_SITE_SOURCE; the served site was left as it was")
        }
        return builder
    }
}
