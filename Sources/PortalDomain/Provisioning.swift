import PortalCore
import PortalCrypto
import PortalStore

/// Creating companies, operators and invitations: shared by `portal-admin` and the company
/// administrator's pages. Each operation is one transaction with its e-mails.
public struct Provisioning: DomainService {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    /// Provisional credentials are valid for 14 days and lead only to the first-access page.
    public static let provisionalValidity: Int64 = 14 * 24 * 3600

    /// A company's or an operator's name as the store takes it: one line (it goes into e-mail
    /// subjects and one-line cells), 200 characters at most. The forms ask it too, to say
    /// its mistake with the other field's in one answer.
    public static func isValidName(_ name: String) -> Bool { name.collapsingSpaces().isOneLineName(limit: 200) }

    /// A new company ("Nuova azienda", `portal-admin tenant add`); `actor` is nil for a script.
    /// `submission`: the form's press key, recorded with the page it leads to (the new company's),
    /// so that a second press finds it.
    public func addTenant(
        name: String, vat: VATNumber, by actor: AuditActor? = nil,
        submission: (key: String, location: (TenantRecord) -> String)? = nil, now: Timestamp
    ) throws -> TenantRecord {
        let trimmed = name.collapsingSpaces()
        guard Provisioning.isValidName(name) else { throw DomainError(.invalidInput, Text.companyNameInvalid) }
        return try database.write { tx in
            let tenants = TenantStore(database)
            if try tenants.find(vat: vat) != nil {
                throw DomainError(.companyExists, Text.companyExists(vat.digits))
            }
            let tenant = try tenants.add(name: trimmed, vat: vat, now: now)
            try record(submission.map { ($0.key, $0.location(tenant)) }, by: actor, in: tx, now: now)
            try AuditStore.record(in: tx, "tenant_created", tenantID: tenant.id, by: actor, detail: "\(trimmed) (\(vat.digits))", now: now)
            return tenant
        }
    }

    public struct InvitationResult: Sendable {
        public let invitationID: Int64
        public let createdAccount: Bool
        /// False when the address already had a pending invitation here: it was sent again.
        public let isNew: Bool
        /// New provisional credentials for an account that had some: the earlier e-mail's
        /// password no longer works.
        public let renewedCredentials: Bool
        /// Sent again with another role than the pending invitation had: the page says so (it
        /// said «Invito inviato di nuovo» and the invitation had quietly become «Amministratore»).
        public var changedRole = false

        /// The notice's key on the pages that invite: "inviato" (or the caller's own for a first
        /// invitation), "reinviato", or "reinviato-credenziali" when the earlier password died.
        /// `concealing` (a company administrator's pages): never the last, which told that the
        /// address has no account of its own yet (issue 3: invitation answers never reveal it);
        /// their "reinviato" says what happens in either case.
        public func notice(first: String, concealing: Bool = false) -> String {
            if changedRole && concealing { return "reinviato-ruolo" }
            if renewedCredentials && !concealing { return "reinviato-credenziali" }
            return isNew ? first : "reinviato"
        }
    }

    /// Invites `email` into the company with `role`. A new address also gets an account with
    /// a provisional password and the welcome e-mail; inviting twice refreshes the invitation.
    /// `invitedBy` is nil for a script. An operator's address and a deactivated company are refused;
    /// `concealingOperators` (a company administrator's pages) answers an operator's address as
    /// any other: the invitation is listed and cannot be accepted, and the operator is told so.
    ///
    /// `limited` (a company administrator's pages and the desk's): at most `PORTAL_INVITES_PER_ADDRESS_HOUR`
    /// (3) invitation e-mails to one address in an hour, from any company, and
    /// `PORTAL_INVITES_PER_COMPANY_DAY` (50) from one company in 24 hours; past them the
    /// invitation is refused with `.invitationLimit` and nothing is sent. `portal-admin`'s
    /// invitations (scripts on the server) are counted but never refused.
    /// `submission`: the form's key and the page it leads to, recorded with the invitation so
    /// that the same POST sent again (a double click, a retry after a 502) finds it instead of
    /// sending new credentials that void the ones just e-mailed.
    public func invite(
        tenant: TenantRecord, email: EmailAddress, role: Role, invitedBy: AuditActor?, limited: Bool = false,
        concealingOperators: Bool = false, submission: (key: String, location: String)? = nil, now: Timestamp
    ) throws -> InvitationResult {
        // Made for every invitation, used or not: the slow hash only for an address without an
        // account answered a company administrator 70 ms later than one with an account, which
        // told the two apart (issue 3). Made before the write lock is taken, too.
        let credentials = Credentials(now: now)
        return try database.write { tx in
            try record(submission, by: invitedBy, in: tx, now: now)
            let users = UserStore(database)
            var createdAccount = false
            var renewedCredentials = false
            let existing = try users.find(email: email)
            let ofOperator = existing?.isOperator == true
            if ofOperator && !concealingOperators { throw DomainError(.accountExists, Text.emailOfOperator) }
            if try TenantStore(database).isDeactivated(tenantID: tenant.id) {
                throw DomainError(.companyDeactivated, Text.companyDeactivatedNoInvitation)
            }
            if let existing, try TenantStore(database).membership(userID: existing.id, tenantID: tenant.id) != nil {
                throw DomainError(.alreadyMember, Text.alreadyMember)
            }
            let invitations = InvitationStore(database)
            if limited { try checkLimits(invitations, email: email, tenantID: tenant.id, now: now) }
            // A new address gets an account. One that never completed its first access gets
            // fresh provisional credentials when this company's own e-mail gave them (it may be
            // lost) or they expired; never when another company's e-mail gave them, which the
            // person may be about to use.
            if ofOperator {
                // An operator's account is never made a customer's: no credentials, and the
                // e-mail says why the invitation cannot be used (acceptance refuses operators).
            } else if try existing == nil || mayRenewCredentials(existing!, tenantID: tenant.id, now: now) {
                if let existing {
                    try users.resetProvisionalPassword(
                        userID: existing.id, passwordHash: credentials.hash, until: credentials.expires, now: now)
                    try users.setProvisionalTenant(userID: existing.id, tenantID: tenant.id)
                } else {
                    let id = try users.create(
                        email: email, passwordHash: credentials.hash, provisionalUntil: credentials.expires, now: now)
                    try users.setProvisionalTenant(userID: id, tenantID: tenant.id)
                }
                try welcome(in: tx, email, credentials, replacing: existing != nil, now: now)
                createdAccount = existing == nil
                renewedCredentials = existing != nil
            }
            try invitations.recordSend(email: email, tenantID: tenant.id, now: now)
            let previousRole = try invitations.pending(tenantID: tenant.id, email: email)?.role
            let (invitation, isNew) = try invitations.invite(
                tenantID: tenant.id, email: email, role: role, invitedBy: invitedBy?.userID, now: now)
            if ofOperator {
                try OutboxStore.enqueue(in: tx, to: [email], subject: Text.invitationToOperatorSubject(company: tenant.name),
                    body: Text.invitationToOperatorBody(company: tenant.name), now: now, kind: .urgent)
            } else {
                // An operator is named as the support's, without their own address: operators'
                // addresses are not shown to customers anywhere else.
                let inviter = try invitedBy?.userID.flatMap { try users.find(id: $0) }.map {
                    $0.isOperator ? Text.supportInviter($0.displayName == $0.email ? nil : $0.displayName) : $0.nameAndAddress
                }
                try OutboxStore.enqueue(in: tx, to: [email], subject: Text.invitationSubject(company: tenant.name),
                    body: Text.invitationBody(
                        company: tenant.name, role: role.label, inviter: inviter,
                        expiresOn: Clock.displayDate(invitation.expiresAt), portalURL: config.publicURL + "/login",
                        firstAccess: existing?.passwordIsProvisional ?? true),
                    now: now, kind: .urgent)
            }
            try AuditStore.record(
                in: tx, isNew ? "invitation_sent" : "invitation_resent", tenantID: tenant.id, by: invitedBy,
                detail: "\(email.value) (\(role.label))", now: now)
            var result = InvitationResult(
                invitationID: invitation.id, createdAccount: createdAccount, isNew: isNew, renewedCredentials: renewedCredentials)
            result.changedRole = previousRole.map { $0 != role } ?? false
            return result
        }
    }

    /// A form's press, in the transaction of what it does: the same press again finds it.
    func record(_ submission: (key: String, location: String)?, by actor: AuditActor?, in tx: WriteTransaction, now: Timestamp)
        throws
    {
        guard let submission, let userID = actor?.userID else { return }
        try SubmissionStore.record(in: tx, userID: userID, key: submission.key, location: submission.location, now: now)
    }

    func mayRenewCredentials(_ user: UserRecord, tenantID: Int64, now: Timestamp) throws -> Bool {
        guard user.passwordIsProvisional else { return false }
        if let expires = user.provisionalExpiresAt, expires <= now { return true }
        return try UserStore(database).provisionalTenant(userID: user.id) == tenantID
    }

    /// `PORTAL_INVITES_PER_ADDRESS_HOUR`: invitation e-mails to one address in an hour.
    public static func invitesPerAddressHour(_ config: Config) -> Int { config.int("PORTAL_INVITES_PER_ADDRESS_HOUR", default: 3) }

    func checkLimits(_ invitations: InvitationStore, email: EmailAddress, tenantID: Int64, now: Timestamp) throws {
        let perAddress = Provisioning.invitesPerAddressHour(config)
        let perCompany = config.int("PORTAL_INVITES_PER_COMPANY_DAY", default: 50)
        if try invitations.sends(email: email, since: now - 3600) >= perAddress {
            throw DomainError(.invitationLimit, Text.invitationLimitForAddress(email.value, perHour: perAddress))
        }
        if try invitations.sends(tenantID: tenantID, since: now - 24 * 3600) >= perCompany {
            throw DomainError(.invitationLimit, Text.invitationLimitForCompany(perDay: perCompany))
        }
    }

    /// An operator of the vendor's support: a user flagged as operator, with the same
    /// first-access path as customers. An address that any account uses (an operator's or a
    /// customer's) is refused; `actor` is nil for a script.
    /// `submission`: the form's press, recorded with the account (`invite` says why).
    public func addOperator(
        email: EmailAddress, name: String, role: DeskRole, by actor: AuditActor? = nil,
        submission: (key: String, location: String)? = nil, now: Timestamp
    ) throws {
        let trimmed = name.collapsingSpaces()
        guard Provisioning.isValidName(name) else { throw DomainError(.invalidInput, Text.operatorNameInvalid) }
        let parts = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
        try database.write { tx in
            try record(submission, by: actor, in: tx, now: now)
            let users = UserStore(database)
            guard try users.find(email: email) == nil else {
                throw DomainError(.accountExists, Text.accountExists(email.value))
            }
            let credentials = Credentials(now: now)
            try users.create(
                email: email, passwordHash: credentials.hash, provisionalUntil: credentials.expires,
                firstName: parts.first ?? "", lastName: parts.count > 1 ? parts[1] : "", deskRole: role, now: now)
            let adder = try actor?.userID.flatMap { try users.find(id: $0) }.map(\.displayName)
            try welcome(in: tx, email, credentials, intro: Text.operatorWelcomeIntro(role: role.label, by: adder), now: now)
            try AuditStore.record(in: tx, "operator_created", by: actor, detail: "\(email.value) (\(role.label))", now: now)
        }
    }

    /// "Invia di nuovo" for an operator who has not completed the first access: new provisional
    /// credentials (the first e-mail may be lost, or its 14 days over) and the welcome again.
    public func resendOperatorWelcome(
        _ target: UserRecord, by actor: AuditActor?, submission: (key: String, location: String)? = nil, now: Timestamp
    ) throws {
        guard let email = EmailAddress(target.email) else { throw DomainError(.notFound, Text.errorNotFound) }
        let credentials = Credentials(now: now)  // the slow hash before the write lock is taken
        try database.write { tx in
            try record(submission, by: actor, in: tx, now: now)
            // As it is now: the first access may have been completed since the page was drawn.
            guard let current = try UserStore(database).find(id: target.id), current.isOperator,
                current.passwordIsProvisional, current.deactivatedAt == nil
            else { throw DomainError(.notFound, Text.errorNotFound) }
            try UserStore(database).resetProvisionalPassword(
                userID: target.id, passwordHash: credentials.hash, until: credentials.expires, now: now)
            let sender = try actor?.userID.flatMap { try UserStore(database).find(id: $0) }.map(\.displayName)
            let intro = current.deskRole.map { Text.operatorWelcomeIntro(role: $0.label, by: sender) }
            try welcome(in: tx, email, credentials, replacing: true, intro: intro, now: now)
            try AuditStore.record(in: tx, "operator_welcome_resent", by: actor, detail: email.value, now: now)
        }
    }

    /// Fresh provisional credentials: the password the welcome e-mail carries, its hash, and
    /// the end of its 14 days.
    struct Credentials {
        let password = Provisioning.provisionalPassword()
        let hash: String
        let expires: Timestamp

        init(now: Timestamp) {
            hash = PasswordHasher.hash(password)
            expires = RomeTime.endOfDay(containing: now + Provisioning.provisionalValidity)
        }
    }

    /// The welcome e-mail: the portal's address, the user name and the provisional password.
    /// `replacing`: sent again, the earlier e-mail's password no longer works (it says so).
    func welcome(
        in tx: WriteTransaction, _ email: EmailAddress, _ credentials: Credentials, replacing: Bool = false, intro: String? = nil,
        now: Timestamp
    ) throws {
        try OutboxStore.enqueue(in: tx, to: [email], subject: Text.welcomeSubject(),
            body: Text.welcomeBody(
                portalURL: config.publicURL + "/login?email=" + PercentEncoding.encode(email.value), email: email.value,
                password: credentials.password, expiresOn: Clock.displayDate(credentials.expires), replacesEarlier: replacing,
                intro: intro),
            now: now, kind: .secret)
    }

    /// 16 characters from the unambiguous alphabet plus a few symbols: about 92 bits.
    static func provisionalPassword() -> String {
        Random.code(length: 16, alphabet: Random.unambiguousAlphabet + Array("!$%*+-"))
    }
}
