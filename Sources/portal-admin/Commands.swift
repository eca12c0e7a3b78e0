import Foundation
import PortalCore
import PortalDomain
import PortalMail
import PortalSite
import PortalStore

struct MigrateCommand: AdminCommand {
    static let words = ["migrate"]
    static let options: [CommandOption] = []
    static let abstract = Text.Console.migrateAbstract
    init(options: OptionValues) throws {}

    func run(config: Config) throws {
        // A first installation: the state folder may not exist yet.
        let folder = (config.databasePath as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let database = try Database(path: config.databasePath)
        let applied = try Migrator.migrate(database, now: Clock.now())
        try ListPreviews.passOverGreetings(database)
        print(applied.isEmpty ? Text.Console.upToDate(config.databasePath) : Text.Console.applied(applied))
    }
}

/// The configuration's database, or a failure that says where it was looked for: run from
/// another folder, SQLite's "unable to open database file" named neither path nor setting.
func openDatabase(_ config: Config) throws -> Database {
    do {
        return try Database(path: config.databasePath)
    } catch let error as DatabaseError where error.isCannotOpen {
        throw CommandFailure(Text.Console.cannotOpen(config.databasePath))
    }
}

/// Opens the database of the configuration and refuses an unmigrated one.
func openMigrated(_ config: Config) throws -> Database {
    let database = try openDatabase(config)
    try Migrator.refuseNewer(database)
    let pending = try Migrator.pending(database)
    guard pending.isEmpty else {
        throw CommandFailure(Text.Console.notMigrated(config.databasePath, pending: pending))
    }
    return database
}

struct TenantAddCommand: AdminCommand {
    static let words = ["tenant", "add"]
    static let options: [CommandOption] = [
        .required("name", "NOME", help: Text.Console.tenantNameHelp),
        .required("vat", "PIVA", help: Text.Console.tenantVATHelp),
    ]
    static let abstract = Text.Console.tenantAddAbstract
    let name: String
    let vat: VATNumber

    init(options: OptionValues) throws {
        name = options.required("name")
        let text = options.required("vat")
        guard let vat = VATNumber(text) else { throw UsageError(message: Text.Console.invalidVAT(text)) }
        self.vat = vat
    }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        let tenant = try Provisioning(database: database, config: config).addTenant(name: name, vat: vat, now: Clock.now())
        print(Text.Console.tenantAdded(id: tenant.id, name: tenant.name, vat: tenant.vat))
    }
}

struct InviteCommand: AdminCommand {
    static let words = ["invite"]
    static let options: [CommandOption] = [
        .required("vat", "PIVA", help: Text.Console.inviteVATHelp),
        .required("email", "EMAIL", help: Text.Console.inviteEmailHelp),
        .required("role", Role.allCases.map(\.label).joined(separator: "|"), help: Text.Console.inviteRoleHelp),
    ]
    static let abstract = Text.Console.inviteAbstract
    let vat: VATNumber
    let email: EmailAddress
    let role: Role

    init(options: OptionValues) throws {
        let vatText = options.required("vat")
        let emailText = options.required("email")
        let roleText = options.required("role")
        guard let vat = VATNumber(vatText) else { throw UsageError(message: Text.Console.invalidVAT(vatText)) }
        guard let email = EmailAddress.newAddress(emailText) else { throw UsageError(message: Text.Console.invalidEmail(emailText)) }
        guard let role = Role(labelOrCode: roleText) else {
            throw UsageError(message: Text.Console.roleTakes(Role.allCases.map(\.label)))
        }
        self.vat = vat
        self.email = email
        self.role = role
    }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        guard let tenant = try TenantStore(database).find(vat: vat) else {
            throw CommandFailure(Text.Console.noCompany(vat.description))
        }
        let result = try Provisioning(database: database, config: config).invite(
            tenant: tenant, email: email, role: role, invitedBy: nil, now: Clock.now())
        print(Text.Console.invited(email.value, company: tenant.name, role: role.label, newAccount: result.createdAccount))
    }
}

// Same shape as `TenantAddCommand` on purpose: each subcommand declares its words, options,
// abstract and values, then validates in `init` before `run` (swift-argument-parser's shape).
struct OperatorAddCommand: AdminCommand {
    static let words = ["operator", "add"]
    static let options: [CommandOption] = [
        .required("email", "EMAIL", help: Text.Console.operatorEmailHelp),
        .required("name", "NOME", help: Text.Console.operatorNameHelp),
        .optional("role", "RUOLO", help: Text.Console.operatorRoleHelp),
    ]
    static let abstract = Text.Console.operatorAddAbstract
    let email: EmailAddress
    let name: String
    let role: DeskRole

    init(options: OptionValues) throws {
        let text = options.required("email")
        guard let email = EmailAddress.newAddress(text) else { throw UsageError(message: Text.Console.invalidEmail(text)) }
        self.email = email
        name = options.required("name")
        let roleText = options.optional("role") ?? DeskRole.operator.label
        guard let role = DeskRole(labelOrCode: roleText) else {
            throw UsageError(message: Text.Console.notADeskRole(roleText))
        }
        self.role = role
    }

    func run(config: Config) throws {
        let database = try openMigrated(config)
        try Provisioning(database: database, config: config).addOperator(email: email, name: name, role: role, now: Clock.now())
        print(Text.Console.operatorAdded(email.value, role: role.label))
    }
}

struct MailListCommand: AdminCommand {
    static let words = ["mail", "list"]
    static let options: [CommandOption] = []
    static let abstract = Text.Console.mailListAbstract
    init(options: OptionValues) throws {}

    func run(config: Config) throws {
        let database = try openMigrated(config)
        for message in try OutboxStore(database).all() {
            let state = message.sentAt.map { Text.Console.mailSent(Clock.display($0)) }
                ?? message.discardedAt.map { Text.Console.mailDropped(Clock.display($0)) }
                ?? Text.Console.mailQueued(attempts: Int(message.attempts), lastError: message.lastError)
            print("#\(message.id)  \(Clock.display(message.createdAt))  \(message.recipients.joined(separator: ","))  \(message.subject)  [\(state)]")
        }
    }
}

struct SiteBuildCommand: AdminCommand {
    static let words = ["site", "build"]
    static let options = SiteFolders.options
    static let abstract = Text.Console.siteBuildAbstract
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
    static let abstract = Text.Console.demoAbstract
    init(options: OptionValues) throws {}

    func run(config: Config) throws {
        let database = try openMigrated(config)
        let seeded = try DemoData.seed(database: database, now: Clock.now())
        print(seeded ? Text.Console.demoCreated : Text.Console.demoPresent)
        for login in DemoData.logins { print("  \(login.email)  \(login.password)    \(login.description)") }
    }
}

/// `--source` and `--out` of the site commands, defaulting to the configuration's folders.
struct SiteFolders {
    // The placeholders show the defaults of a development checkout, as the README does.
    static let options: [CommandOption] = [
        .optional("source", "site", help: Text.Console.siteSourceHelp),
        .optional("out", "var/www", help: Text.Console.siteOutHelp),
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
        // A manual of the classic portal configured elsewhere is not the site's to keep.
        let legacyManual = config.string("PORTAL_LEGACY_MANUAL_URL", default: SiteLinks.path(SiteLinks.classicPortalManual))
        let links = SiteLinks.all.filter { $0 != SiteLinks.classicPortalManual }
            + (legacyManual.hasPrefix("/") && !legacyManual.hasPrefix("//") ? [String(legacyManual.dropFirst())] : [])
        let builder = SiteBuilder(
            source: source ?? config.siteSource, output: output ?? config.siteOutput, portalLinks: links)
        let missing = Self.required.filter { !FileManager.default.fileExists(atPath: builder.source + "/" + $0) }
        guard missing.isEmpty else {
            throw CommandFailure(Text.Console.notSiteFolder(builder.source, missing: missing))
        }
        return builder
    }
}
