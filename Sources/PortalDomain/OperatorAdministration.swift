import PortalCore
import PortalStore

/// "Operatori": a Responsabile changes an operator's role, deactivates or reactivates them.
/// Each change is one transaction with its line in the audit trail, and none leaves the desk
/// without an active Responsabile. Inviting one is `Provisioning.addOperator`.
public struct OperatorAdministration: DomainService {
    public let context: ServiceContext
    public init(_ context: ServiceContext) { self.context = context }

    var users: UserStore { UserStore(database) }

    /// One of the vendor's operators by id; a customer's id is as unknown as a missing one.
    public func account(id: Int64) throws -> UserRecord {
        guard let user = try users.find(id: id), user.isOperator else {
            throw DomainError(.notFound, Text.deskUnknownOperator)
        }
        return user
    }

    public func changeRole(of target: UserRecord, to role: DeskRole, by actor: AuditActor, now: Timestamp) throws {
        try database.write { tx in
            guard target.deskRole != role else { return }
            try keepsAManager(removing: target, refusal: Text.lastManagerDemote)
            try users.setDeskRole(userID: target.id, role: role, now: now)
            try AuditStore.record(
                in: tx, "operator_role_changed", by: actor, detail: "\(target.email): \(role.label)", now: now)
            // Told, by whom: "Amministrazione" appearing or gone from the menu said nothing of why.
            if target.id != actor.userID, let address = EmailAddress(target.email) {
                let name = try actor.userID.flatMap { try users.find(id: $0) }?.displayName ?? actor.email
                try OutboxStore.enqueue(in: tx, to: [address], subject: Text.operatorRoleMailSubject(),
                    body: Text.operatorRoleMailBody(
                        by: name, from: target.deskRole?.label ?? "", to: role.label, portalURL: context.config.publicURL),
                    now: now, kind: .urgent)
            }
        }
    }

    /// No more sign-in, sessions and trusted devices ended at once, and the open tickets the
    /// operator had go back to the queue unassigned ("Nessun operatore"), each with its line
    /// in the thread, signed by the Responsabile, and noted with the status it had
    /// (`ReturnedTicketStore`, for "Riattiva"). Returns how many tickets went back.
    @discardableResult
    public func deactivate(_ target: UserRecord, by manager: UserRecord, clientIP: String, now: Timestamp) throws -> Int {
        try database.write { tx in
            guard target.deactivatedAt == nil else { return 0 }
            try keepsAManager(removing: target, refusal: Text.lastManagerDeactivate)
            try users.setDeactivated(userID: target.id, at: now, now: now)
            try SessionStore(database).deleteAll(userID: target.id)
            let devices = try TrustedDeviceStore(database).deleteAll(userID: target.id)
            if devices > 0 {
                try AuditStore.record(
                    in: tx, "device_removed", by: AuditActor(userID: manager.id, email: manager.email, clientIP: clientIP),
                    detail: Text.devicesRemovedDetail(target.email, count: devices, because: Text.devicesRemovedWithDeactivation), now: now)
            }
            // A login waiting for its code would still trust a browser that skips it after "Riattiva".
            try LoginChallengeStore(database).deleteAll(userID: target.id)
            let tickets = try DeskStore(database).openTickets(operatorID: target.id)
            let desk = DeskService(context)
            let returned = ReturnedTicketStore(database)
            for ticket in tickets {
                try desk.setStatus(in: tx, ticket, .unassigned, by: manager, now: now)
                try returned.record(ticketID: ticket.id, operatorID: target.id, status: ticket.status)
            }
            try AuditStore.record(
                in: tx, "operator_deactivated", by: AuditActor(userID: manager.id, email: manager.email, clientIP: clientIP),
                detail: Text.operatorDeactivatedDetail(target.email, tickets: tickets.count), now: now)
            return tickets.count
        }
    }

    /// Sign-in again, and the tickets the deactivation sent back that nobody took or changed
    /// since are theirs again with the status they had ("In sviluppo", "Rinviato"), each with
    /// its lines in the thread: a deactivation by mistake is undone whole. Returns how many.
    /// Signed and recorded as the deactivation: by the Responsabile, a line per ticket.
    @discardableResult
    public func reactivate(_ target: UserRecord, by manager: UserRecord, clientIP: String, now: Timestamp) throws -> Int {
        try database.write { tx in
            guard target.deactivatedAt != nil else { return 0 }
            try users.setDeactivated(userID: target.id, at: nil, now: now)
            let back = try ReturnedTicketStore(database).takeUntouched(operatorID: target.id)
            let store = TicketStore(database)
            let desk = DeskService(context)
            for (number, status) in back {
                guard let ticket = try store.find(number: number) else { continue }
                try store.setOperator(ticketID: ticket.id, operatorID: target.id, now: now)
                try desk.customer.event(
                    in: tx, ticket, by: manager, Text.eventAssigned(manager.displayName, to: target.displayName), now: now)
                try desk.audit(in: tx, "ticket_assigned", ticket, by: manager, detail: target.displayName, now: now)
                // The status as any change of it: its line in the thread and in the audit trail.
                try desk.setStatus(in: tx, ticket, status, by: manager, now: now)
            }
            try AuditStore.record(
                in: tx, "operator_reactivated", by: AuditActor(userID: manager.id, email: manager.email, clientIP: clientIP),
                detail: Text.operatorReactivatedDetail(target.email, tickets: back.count), now: now)
            return back.count
        }
    }

    /// The rule of the last Responsabile: whoever the change takes away from the active
    /// Responsabili, at least one stays. Read inside the change's transaction.
    func keepsAManager(removing target: UserRecord, refusal: String) throws {
        guard target.deskRole == .manager, target.deactivatedAt == nil, !target.passwordIsProvisional else { return }
        if try users.activeManagerCount() <= 1 { throw DomainError(.lastManager, refusal) }
    }
}
