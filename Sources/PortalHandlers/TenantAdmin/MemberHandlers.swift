import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// The "Utenti" tab: the company's enabled users, their role, their removal.
enum MemberHandlers {
    /// The columns of "Utenti abilitati" and of "Rimossi di recente".
    static let columns = [Text.firstName, Text.lastName, Text.email, Text.roleColumn, Text.activeSince, Text.actionsColumn]

    static let notices = [
        "ruolo": Text.roleChanged, "ruolo-invariato": Text.roleUnchanged, "rimosso": Text.userRemoved,
        "ripristinato": Text.userRestored, "non-piu-utente": Text.memberGone,
    ]

    static func list(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        return try render(context, notice: request.query["avviso"].flatMap { notices[$0] }, error: nil, services)
    }

    /// A refusal of one row's button, said beside it as a field's error: the last
    /// administrator kept (it was a notice at the page's top, nothing marked on the row).
    struct RowError {
        enum Control { case role, removal }
        let userID: Int64
        let control: Control
        let message: String
    }

    static func render(
        _ context: MemberContext, notice: String?, error: String?, rowError: RowError? = nil, _ services: Services, status: Int = 200
    ) throws -> Response {
        let members = try TenantStore(services.database).memberRows(tenantID: context.tenant.id)
        let removed = try TenantStore(services.database).restorableMembers(tenantID: context.tenant.id, now: services.now).count
        let csrf = context.current.csrfToken
        let page = TenantTabs.page(context.current.viewer, current: "/tenant/utenti", notice: notice, error: error) {
            el("section", ["class": "card"]) {
                el("h2", ["id": "members"]) { Text.enabledUsers }
                DataTable.render(headings: columns) {
                    for member in members {
                        let roleError = rowError?.userID == member.userID && rowError?.control == .role ? rowError?.message : nil
                        let removalError = rowError?.userID == member.userID && rowError?.control == .removal ? rowError?.message : nil
                        el("tr") {
                            el("td", ["class": "cell-name"]) { member.firstName }
                            el("td", ["class": "cell-name"]) { member.lastName }
                            el("td", ["class": "cell-address", "id": "member-\(member.userID)"]) {
                                member.email
                                if member.userID == context.current.user.id { " " + Text.you }
                            }
                            el("td") {
                                el("form", ["class": "inline-form", "method": "post", "action": "/tenant/utenti/\(member.userID)/ruolo"]) {
                                    FormField.csrf(csrf)
                                    // Labelled «Ruolo» as its column, by a `<label>` (an `aria-label` was no label
                                    // to a lookup by `<label for>`), without a second copy of the address in the
                                    // page's text (a hidden label with it made the address two texts for a
                                    // lookup by text); the row's address describes it.
                                    el("label", ["class": "visually-hidden", "for": "role-\(member.userID)"]) { Text.roleColumn }
                                    el("select", [
                                        "id": "role-\(member.userID)", "name": "role",
                                        "aria-describedby": "member-\(member.userID)" + (roleError == nil ? "" : " role-\(member.userID)-error"),
                                        "aria-invalid": roleError == nil ? nil : "true", "autofocus": FormField.focus(roleError != nil),
                                    ]) {
                                        for role in Role.allCases {
                                            el("option", ["value": role.rawValue, "selected": role == member.role ? "selected" : nil]) { role.label }
                                        }
                                    }
                                    el("button", ["class": "button", "type": "submit", "aria-describedby": "member-\(member.userID)"]) { Text.changeRole }
                                }
                                if let roleError {
                                    el("p", ["class": "field-error", "id": "role-\(member.userID)-error", "role": "alert"]) { roleError }
                                }
                            }
                            el("td") { Clock.displayDate(member.activeSince) }
                            el("td") {
                                el("form", ["method": "post", "action": "/tenant/utenti/\(member.userID)/rimuovi"]) {
                                    FormField.csrf(csrf)
                                    el("button", [
                                        "class": "button button--ghost", "type": "submit",
                                        "aria-describedby": "member-\(member.userID)" + (removalError == nil ? "" : " remove-\(member.userID)-error"),
                                        "autofocus": FormField.focus(removalError != nil),
                                    ]) { Text.removeUser }
                                }
                                if let removalError {
                                    el("p", ["class": "field-error", "id": "remove-\(member.userID)-error", "role": "alert"]) { removalError }
                                }
                            }
                        }
                    }
                }
            }
            // Only a link: the removed were a second table of the same columns on this tab, so a
            // removed address was still on «Utenti» and «Email», «Ruolo»… were two headings each.
            if removed > 0 {
                el("p") { el("a", ["href": "/tenant/utenti/rimossi"]) { Text.recentlyRemovedLink(removed) } }
            }
        }
        return Response.html(page.render(), status: status)
    }

    static func removedList(_ request: Request, _ context: MemberContext) throws -> Response {
        try renderRemoved(context, error: nil, context.services)
    }

    /// «Rimossi di recente»: members removed in the last minutes, each with "Ripristina utente".
    static func renderRemoved(_ context: MemberContext, error: String?, _ services: Services, status: Int = 200) throws -> Response {
        let removed = try TenantStore(services.database).restorableMembers(tenantID: context.tenant.id, now: services.now)
        let csrf = context.current.csrfToken
        let page = TenantTabs.page(context.current.viewer, current: "/tenant/utenti", form: Text.recentlyRemoved, error: error) {
            el("section", ["class": "card"]) {
                el("h2", ["id": "recently-removed"]) { Text.recentlyRemoved }
                el("p", ["class": "muted"]) { Text.recentlyRemovedHint }
                if removed.isEmpty {
                    el("p") { Text.nobodyRecentlyRemoved }
                } else {
                    recentlyRemovedTable(removed, csrf: csrf)
                }
                el("p") { el("a", ["href": "/tenant/utenti"]) { Text.backToMembers } }
            }
        }
        return Response.html(page.render(), status: status)
    }

    static func recentlyRemovedTable(_ removed: [TenantStore.MemberRow], csrf: String) -> Node {
        DataTable.render(headings: columns) {
            for member in removed {
                el("tr") {
                    el("td", ["class": "cell-name"]) { member.firstName }
                    el("td", ["class": "cell-name"]) { member.lastName }
                    el("td", ["class": "cell-address", "id": "removed-\(member.userID)"]) { member.email }
                    el("td") { member.role.label }
                    el("td") { Clock.displayDate(member.activeSince) }
                    el("td") {
                        el("form", ["method": "post", "action": "/tenant/utenti/\(member.userID)/ripristina"]) {
                            FormField.csrf(csrf)
                            el("button", ["class": "button", "type": "submit", "aria-describedby": "removed-\(member.userID)"]) {
                                Text.restoreUser
                            }
                        }
                    }
                }
            }
        }
    }

    /// "Ripristina utente": back with the role and "attivo dal" they had; their sessions and
    /// trusted devices stay ended.
    static func restore(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        guard let id = request.pathID("id") else { throw HTTPError.notFound }
        let tenants = TenantStore(services.database)
        let restored: Bool = try services.database.write { tx in
            guard let member = try tenants.restoreMember(userID: id, tenantID: context.tenant.id, now: services.now) else {
                // Nobody this company ever removed (another company's person): as for "Rimuovi".
                if try !tenants.wasRemoved(userID: id, tenantID: context.tenant.id) { throw HTTPError.notFound }
                // Restored already (the button pressed again, or in another tab): done, not
                // "too late, invite them again".
                if try tenants.membership(userID: id, tenantID: context.tenant.id) != nil { return true }
                return false
            }
            // An invitation sent after the removal would give another role on "Accetta".
            let invitations = InvitationStore(services.database)
            if let email = EmailAddress(member.email), let pending = try invitations.pending(tenantID: context.tenant.id, email: email) {
                try invitations.cancel(id: pending.id, tenantID: context.tenant.id, now: services.now)
            }
            try context.audit(in: tx, "member_restored", detail: member.email, request)
            return true
        }
        if !restored { return try renderRemoved(context, error: Text.restoreTooLate, services, status: 409) }
        throw Redirect(to: "/tenant/utenti?avviso=ripristinato")
    }

    static func member(_ request: Request, _ context: MemberContext, _ services: Services) throws -> TenantStore.MemberRow {
        guard let id = request.pathID("id") else { throw HTTPError.notFound }
        let tenants = TenantStore(services.database)
        guard let member = try tenants.memberRows(tenantID: context.tenant.id).first(where: { $0.userID == id }) else {
            // Removed since the page was read (in another tab, by a colleague): the list says
            // so, as the invitations' does (and shows them under «Rimossi di recente» while
            // they can be restored); it was a bare 404 without the menu. Someone never of this
            // company stays a 404 (issue 4).
            if try tenants.wasRemoved(userID: id, tenantID: context.tenant.id) { throw Redirect(to: "/tenant/utenti?avviso=non-piu-utente") }
            throw HTTPError.notFound
        }
        return member
    }

    static func changeRole(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let form = request.form
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else { throw HTTPError.badRequest("role") }
        enum Outcome { case changed(TenantStore.MemberRow), unchanged, lastAdministrator }
        let outcome: Outcome = try services.database.write { tx in
            let tenants = TenantStore(services.database)
            // As it is now, inside the transaction, as "Rimuovi utente" reads it: the role the
            // page showed may have changed since.
            let member = try MemberHandlers.member(request, context, services)
            // The role it has already: no line "Amministratore → Amministratore" in "Attività",
            // and no "Ruolo aggiornato." for nothing.
            guard member.role != role else { return .unchanged }
            let administrators = try tenants.administratorCount(tenantID: context.tenant.id)
            if member.role == .administrator && administrators <= 1 { return .lastAdministrator }
            try tenants.setRole(userID: member.userID, tenantID: context.tenant.id, role: role)
            try context.audit(in: tx, "role_changed", detail: "\(member.email): \(member.role.label) → \(role.label)", request)
            let actor = context.current.user
            if member.userID != actor.id, let address = EmailAddress(member.email) {
                try OutboxStore.enqueue(in: tx, to: [address], subject: Text.roleChangedMailSubject(company: context.tenant.name),
                    body: Text.roleChangedMailBody(
                        company: context.tenant.name, by: actor.nameAndAddress, from: member.role.label,
                        to: role.label, allows: role.allowsYou, portalURL: services.config.publicURL),
                    now: services.now, kind: .urgent)
            }
            return .changed(member)
        }
        let member: TenantStore.MemberRow
        switch outcome {
        case .lastAdministrator:
            return try render(
                context, notice: nil, error: nil, rowError: request.pathID("id").map { RowError(userID: $0, control: .role, message: Text.lastAdministrator) },
                services,
                status: 422)
        case .unchanged: throw Redirect(to: "/tenant/utenti?avviso=ruolo-invariato")
        case .changed(let changed): member = changed
        }
        // Their own role given up: "Utenti" is no longer theirs, and its page answered that the
        // change "non è stata eseguita" when it was.
        if member.userID == context.current.user.id && !role.mayAdministerTenant {
            throw Redirect(to: "/dashboard?avviso=ruolo-proprio")
        }
        throw Redirect(to: "/tenant/utenti?avviso=ruolo")
    }

    /// Removes the user from this company only: their sessions here end at once, their trusted
    /// devices go, their tickets stay and still show who wrote them.
    static func remove(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        // The removed member's id; nil when they are the company's last administrator.
        let removed: Int64? = try services.database.write { tx in
            let tenants = TenantStore(services.database)
            // As it is now, inside the transaction: a colleague may have changed the role since
            // the page (the copy kept for "Ripristina utente" would bring back the old one).
            let member = try member(request, context, services)
            let administrators = try tenants.administratorCount(tenantID: context.tenant.id)
            if member.role == .administrator && administrators <= 1 { return nil }
            try tenants.removeMember(member, tenantID: context.tenant.id, now: services.now)
            // Themselves: their other tabs are told nothing of "un amministratore" (this one is told it was done).
            try SessionStore(services.database).deleteAll(
                userID: member.userID, tenantID: context.tenant.id,
                reason: member.userID == context.current.user.id ? nil : .removedFromCompany, now: services.now)
            // A person's trusted browsers are theirs, not this company's: one who stays in
            // another company keeps them (one administrator's removal asked for codes at every
            // login elsewhere).
            if try tenants.memberships(userID: member.userID).isEmpty {
                let devices = try TrustedDeviceStore(services.database).deleteAll(userID: member.userID)
                if devices > 0 {
                    try context.audit(in: tx, "device_removed", detail: Text.devicesRemovedDetail(
                        member.email, count: devices, because: Text.devicesRemovedWithRemoval), request)
                }
            }
            // A login under way would still end in a trusted browser (it skipped the code after
            // "Ripristina utente"): it starts again.
            try LoginChallengeStore(services.database).deleteAll(userID: member.userID)
            try context.audit(in: tx, "member_removed", detail: member.email, request)
            return member.userID
        }
        guard let removed else {
            return try render(
                context, notice: nil, error: nil,
                rowError: request.pathID("id").map { RowError(userID: $0, control: .removal, message: Text.lastAdministrator) }, services,
                status: 422)
        }
        // Themselves: the login said "La sessione è scaduta", not what they did.
        if removed == context.current.user.id { throw Redirect(to: "/login?avviso=rimosso-da-te") }
        throw Redirect(to: "/tenant/utenti?avviso=rimosso")
    }
}
