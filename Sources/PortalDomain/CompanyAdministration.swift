import PortalCore
import PortalStore

/// "Aziende": a Responsabile deactivates or reactivates a company and removes its pending
/// invitations. A deactivated company keeps its data; its users cannot enter it, and the
/// sessions working for it lose it at once. Each change is in the company's trail too.
public struct CompanyAdministration: DomainService {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    var tenants: TenantStore { TenantStore(database) }

    public func deactivate(_ company: CompanyRow, by actor: AuditActor, now: Timestamp) throws {
        try database.write { tx in
            guard company.deactivatedAt == nil else { return }
            try tenants.setDeactivated(tenantID: company.tenant.id, at: now)
            try SessionStore(database).leaveCompany(tenantID: company.tenant.id)
            try AuditStore.record(in: tx, "tenant_deactivated", tenantID: company.tenant.id, by: actor, detail: company.tenant.name, now: now)
        }
    }

    public func reactivate(_ company: CompanyRow, by actor: AuditActor, now: Timestamp) throws {
        try database.write { tx in
            guard company.deactivatedAt != nil else { return }
            try tenants.setDeactivated(tenantID: company.tenant.id, at: nil)
            try AuditStore.record(in: tx, "tenant_reactivated", tenantID: company.tenant.id, by: actor, detail: company.tenant.name, now: now)
        }
    }

    /// "Rimuovi" a pending invitation of this company.
    public func cancelInvitation(_ invitation: InvitationRecord, by actor: AuditActor, now: Timestamp) throws {
        try database.write { tx in
            try InvitationStore(database).cancel(id: invitation.id, tenantID: invitation.tenantID, now: now)
            try AuditStore.record(in: tx, "invitation_cancelled", tenantID: invitation.tenantID, by: actor, detail: invitation.email, now: now)
        }
    }
}
