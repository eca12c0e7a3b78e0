import PortalCore
import PortalStore

/// "Aziende": a Responsabile deactivates or reactivates a company and removes its pending
/// invitations. A deactivated company keeps its data; its users cannot enter it, the
/// sessions working for it lose it at once, and its pending invitations are withdrawn until
/// "Riattiva", which gives them back. Each change is in the company's trail too.
public struct CompanyAdministration: DomainService {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    var tenants: TenantStore { TenantStore(database) }

    public func deactivate(_ company: CompanyRow, by actor: AuditActor, now: Timestamp) throws {
        try database.write { tx in
            guard company.deactivatedAt == nil else { return }
            try tenants.setDeactivated(tenantID: company.tenant.id, at: now)
            try SessionStore(database).leaveCompany(tenantID: company.tenant.id)
            // Nobody is invited into a company nobody can enter: an invitation accepted there
            // made a member of it, and one pending stopped its person at the company choice
            // at every login.
            for invitation in try InvitationStore(database).pending(tenantID: company.tenant.id, now: now) {
                try cancel(invitation, in: tx, by: actor, event: "invitation_suspended", now: now)
                try InvitationStore(database).markWithdrawnWithCompany(id: invitation.id)
            }
            try AuditStore.record(in: tx, "tenant_deactivated", tenantID: company.tenant.id, by: actor, detail: company.tenant.name, now: now)
        }
    }

    public func reactivate(_ company: CompanyRow, by actor: AuditActor, now: Timestamp) throws {
        try database.write { tx in
            guard company.deactivatedAt != nil else { return }
            try tenants.setDeactivated(tenantID: company.tenant.id, at: nil)
            try AuditStore.record(in: tx, "tenant_reactivated", tenantID: company.tenant.id, by: actor, detail: company.tenant.name, now: now)
            // "Riattiva" undoes "Disattiva azienda": the invitations it withdrew (marked) are
            // pending again while they have not expired, with the provisional passwords it ended
            // (at the deactivation's time). They stayed withdrawn, and the invitee was told to ask the
            // company's administrator, whom a company's first administrator does not have.
            guard let deactivatedAt = company.deactivatedAt else { return }
            let invitations = InvitationStore(database)
            for invitation in try invitations.restoreWithdrawn(tenantID: company.tenant.id, now: now) {
                if let email = EmailAddress(invitation.email), let user = try UserStore(database).find(email: email),
                    try UserStore(database).provisionalTenant(userID: user.id) == company.tenant.id
                {
                    try UserStore(database).restoreProvisional(userID: user.id, endedAt: deactivatedAt, until: invitation.expiresAt, now: now)
                }
                try AuditStore.record(in: tx, "invitation_restored", tenantID: company.tenant.id, by: actor, detail: invitation.email, now: now)
            }
        }
    }

    /// "Rimuovi" a pending invitation of this company (the vendor's page and the company's
    /// own "Rimuovi utente invitato"). The provisional password this company's e-mail gave
    /// ends with it when nothing else awaits the person: it let them create an account that
    /// led to a company choice with nothing to choose.
    public func cancelInvitation(_ invitation: InvitationRecord, by actor: AuditActor, now: Timestamp) throws {
        try database.write { tx in try cancel(invitation, in: tx, by: actor, now: now) }
    }

    /// `event`: "invitation_suspended" when the company's deactivation withdraws it ("Riattiva"
    /// gives it back): «Invito rimosso» in the trail said more than was done.
    private func cancel(
        _ invitation: InvitationRecord, in tx: WriteTransaction, by actor: AuditActor, event: String = "invitation_cancelled",
        now: Timestamp
    ) throws {
        let invitations = InvitationStore(database)
        try invitations.cancel(id: invitation.id, tenantID: invitation.tenantID, now: now)
        let users = UserStore(database)
        if let email = EmailAddress(invitation.email), let user = try users.find(email: email), user.passwordIsProvisional,
            try users.provisionalTenant(userID: user.id) == invitation.tenantID,
            try TenantStore(database).memberships(userID: user.id).isEmpty
        {
            if let next = try invitations.pending(email: email, now: now).last {
                // The password stays; the company still waiting for the person may now send it
                // again. It stayed this one's: the other's «Invia di nuovo» sent no password,
                // and whoever had lost the first e-mail was stuck until its invitation expired.
                try users.setProvisionalTenant(userID: user.id, tenantID: next.tenantID)
            } else {
                try users.expireProvisional(userID: user.id, now: now)
                // One already past the password step would still reach "Creazione Utente".
                try LoginChallengeStore(database).deleteAll(userID: user.id)
            }
        }
        try AuditStore.record(in: tx, event, tenantID: invitation.tenantID, by: actor, detail: invitation.email, now: now)
    }
}
