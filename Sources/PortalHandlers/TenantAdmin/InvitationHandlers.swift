import PortalCore
import PortalDomain
import PortalHTML
import PortalHTTP
import PortalStore

/// The "Utenti invitati" tab: pending invitations, "Invita utente", sending again, removing.
enum InvitationHandlers {
    static let notices = [
        "inviato": Text.invitationSentNotice, "reinviato": Text.invitationResentEitherWay,
        // Not said by this page any more (it told an address without an account); an address
        // of an earlier page's notice still reads.
        "reinviato-credenziali": Text.invitationResentEitherWay, "reinviato-ruolo": Text.invitationResentWithNewRole,
        "rimosso": Text.invitationRemoved,
        "ruolo": Text.invitationRoleChanged, "non-in-attesa": Text.invitationNotPending,
    ]

    static func list(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        return try render(
            context, notice: request.query["avviso"].flatMap { notices[$0] }, form: nil, services,
            page: PageLinks.number(request.query["pagina"]))
    }

    static func showForm(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        return try render(context, notice: nil, form: InviteForm(), services)
    }

    struct InviteForm {
        var email = ""
        var role = Role.technician
        var error: String?
        var submission = Submission.newKey()
    }

    static func render(
        _ context: MemberContext, notice: String?, form: InviteForm?, _ services: Services, status: Int = 200, page number: Int = 1,
        error: String? = nil
    ) throws -> Response {
        // The form's page is the form alone: the list's row buttons («Rimuovi utente invitato»)
        // and its «Ruoli assegnati» column made «Invita» and the roles' legend two things each
        // for a lookup by name; «Annulla» goes back to the list.
        let (invitations, total) = form != nil ? ([], 0) : try InvitationStore(services.database).pending(
            tenantID: context.tenant.id, now: services.now, page: number)
        let pageSize = InvitationStore.pageSize
        let csrf = context.current.csrfToken
        let page = TenantTabs.page(context.current.viewer, current: "/tenant/inviti", form: form == nil ? nil : Text.inviteUser, notice: notice, error: error) {
            if let form {
                el("section", ["class": "card"]) {
                    el("h2", ["id": "invite"]) { Text.inviteUser }
                    FormField.cancelForm("/tenant/inviti")
                    el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": "/tenant/inviti"]) {
                        FormField.csrf(csrf)
                        Submission.hidden(form.submission)
                        FormField.input(id: "email", label: Text.email, type: "email", value: form.email, error: form.error,
                                        required: true, maxLength: 254, autofocus: true, marked: false)
                        FormField.radioGroup(name: "role", legend: Text.assignedRoles,
                                             options: Role.allCases.map { ($0.rawValue, $0.label) }, selected: form.role.rawValue,
                                             hint: Text.adminRoleWarning)
                        el("div", ["class": "form-actions"]) {
                            FormField.cancelButton(Text.cancel)
                            el("button", ["class": "button button--primary", "type": "submit"]) { Text.invite }
                        }
                    }
                }
            } else {
                el("section", ["class": "card"]) {
                    el("div", ["class": "toolbar"]) {
                        el("h2", ["id": "invited", "class": "toolbar-title"]) { Text.invitedUsers }
                        // A button, as the manual's «premere "Invita utente"» and its toolbar have it:
                        // a form that asks for the invitation's form, with or without JavaScript.
                        el("form", ["class": "inline-form", "method": "get", "action": "/tenant/inviti/nuovo"]) {
                            el("button", ["class": "button button--primary", "type": "submit"]) { Icon.plus; Text.inviteUser }
                        }
                    }
                    if PageLinks.isBeyondLast(page: number, total: total, pageSize: pageSize) {
                        PageLinks.beyondLast(
                            page: number, total: total, pageSize: pageSize, href: PageLinks.address(path: "/tenant/inviti", filter: ""))
                    } else if invitations.isEmpty {
                        // The columns still named, as the manual's empty list shows them.
                        DataTable.render(headings: [Text.email, Text.invitedOn, Text.expiresOn, Text.assignedRoles, Text.actionsColumn]) {}
                        el("p") { Text.noInvitations }
                    } else {
                        DataTable.render(headings: [Text.email, Text.invitedOn, Text.expiresOn, Text.assignedRoles, Text.actionsColumn]) {
                            for invitation in invitations {
                                el("tr") {
                                    el("td", ["class": "cell-address", "id": "invitation-\(invitation.id)"]) { invitation.email }
                                    el("td") { Clock.displayDate(invitation.createdAt) }
                                    el("td") { Clock.displayDate(invitation.expiresAt) }
                                    // The manual assigns the role after the invitation, in "Ruoli assegnati".
                                    el("td") {
                                        el("form", ["class": "inline-form", "method": "post", "action": "/tenant/inviti/\(invitation.id)/ruolo"]) {
                                            FormField.csrf(csrf)
                                            PageLinks.hiddenPage(number)
                                            // As "Utenti"'s: the address is the row's, not a second text.
                                            el("select", [
                                                "id": "invitation-role-\(invitation.id)", "name": "role", "aria-label": Text.assignedRoles,
                                                "aria-describedby": "invitation-\(invitation.id)",
                                            ]) {
                                                for role in Role.allCases {
                                                    el("option", ["value": role.rawValue, "selected": role == invitation.role ? "selected" : nil]) { role.label }
                                                }
                                            }
                                            el("button", ["class": "button", "type": "submit", "aria-describedby": "invitation-\(invitation.id)"]) {
                                                Text.changeRole
                                            }
                                        }
                                    }
                                    el("td", ["class": "row-actions"]) {
                                        el("form", ["method": "post", "action": "/tenant/inviti/\(invitation.id)/reinvia"]) {
                                            FormField.csrf(csrf)
                                            PageLinks.hiddenPage(number)
                                            Submission.hidden(Submission.newKey())
                                            el("button", ["class": "button", "type": "submit", "aria-describedby": "invitation-\(invitation.id)"]) { Text.resendInvitation }
                                        }
                                        el("form", ["method": "post", "action": "/tenant/inviti/\(invitation.id)/rimuovi"]) {
                                            FormField.csrf(csrf)
                                            PageLinks.hiddenPage(number)
                                            el("button", ["class": "button button--ghost", "type": "submit", "aria-describedby": "invitation-\(invitation.id)"]) { Text.removeInvitedUser }
                                        }
                                    }
                                }
                            }
                        }
                        PageLinks.nav(path: "/tenant/inviti", page: number, total: total, pageSize: pageSize, filter: "")
                    }
                }
            }
        }
        return Response.html(page.render(), status: status)
    }

    static func create(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let form = request.form
        let typed = (form["email"] ?? "").trimmingWhitespace()
        let key = Submission.pressKey(form)
        try Submission.redirectIfSent(key, userID: context.user.id, services, notice: "inviato")
        // The form always sends one of its radios: another value is no choice of the page's (it
        // became "Tecnico" without a word), refused as "Cambia ruolo" refuses it.
        if let value = form["role"], Role(rawValue: value) == nil { throw HTTPError.badRequest("role") }
        var inviteForm = InviteForm(email: String(typed.prefix(254)), role: form["role"].flatMap(Role.init(rawValue:)) ?? .technician)
        if let raw = Submission.key(form) { inviteForm.submission = raw }
        guard let email = EmailAddress.newAddress(typed) else {
            inviteForm.error = EmailAddress.refusal(typed)
            return try render(context, notice: nil, form: inviteForm, services, status: 422)
        }
        let result: Provisioning.InvitationResult
        do {
            result = try Submission.once(key, userID: context.user.id, services, notice: "inviato") {
                try Provisioning(database: services.database, config: services.config).invite(
                    tenant: context.tenant, email: email, role: inviteForm.role, invitedBy: context.actor(request), limited: true, concealingOperators: true,
                    submission: key.map { ($0, "/tenant/inviti") }, now: services.now)
            }
        } catch let error as DomainError where [.alreadyMember, .accountExists, .invitationLimit].contains(error.code) {
            inviteForm.error = error.message
            return try render(context, notice: nil, form: inviteForm, services, status: error.code == .invitationLimit ? 429 : 422)
        }
        // An address already invited here: its invitation was sent again (with the role chosen now).
        throw Redirect(to: "/tenant/inviti?avviso=" + result.notice(first: "inviato", concealing: true))
    }

    /// Back to the list's page the row's form was on (the last one, when the action emptied it).
    static func back(_ request: Request, _ context: MemberContext, notice: String) throws -> Redirect {
        let services = context.services
        return Redirect(to: try PageLinks.returnAddress(
            "/tenant/inviti", page: request.form["pagina"], notice: notice,
            total: { try InvitationStore(services.database).pendingCount(tenantID: context.tenant.id, now: services.now) },
            pageSize: InvitationStore.pageSize))
    }

    /// The pending invitation the button names; one gone since the page was read (removed by a
    /// colleague, accepted, expired) leads back to the list, which says so: it was a bare 404.
    static func invitation(_ request: Request, _ context: MemberContext, _ services: Services) throws -> InvitationRecord {
        guard let id = request.pathID("id") else { throw HTTPError.notFound }
        let invitations = InvitationStore(services.database)
        guard let invitation = try invitations.pending(id: id, tenantID: context.tenant.id, now: services.now) else {
            // One of this company's, accepted, removed or expired since the page (a stale button):
            // the list says so. Another company's, or none, is 404 as issue #4 asks: nothing there
            // is this administrator's to know of.
            guard try invitations.belongs(id: id, tenantID: context.tenant.id) else { throw HTTPError.notFound }
            throw try back(request, context, notice: "non-in-attesa")
        }
        return invitation
    }

    static func resend(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let key = Submission.pressKey(request.form)
        try Submission.redirectIfSent(key, userID: context.user.id, services, notice: "reinviato")
        let invitation = try invitation(request, context, services)
        let result: Provisioning.InvitationResult
        do {
            result = try Submission.once(key, userID: context.user.id, services, notice: "reinviato") {
                try Provisioning(database: services.database, config: services.config).invite(
                    tenant: context.tenant, email: EmailAddress(invitation.email)!, role: invitation.role,
                    invitedBy: context.actor(request), limited: true, concealingOperators: true,
                    submission: key.map { ($0, PageLinks.pageAddress("/tenant/inviti", page: request.form["pagina"])) },
                    now: services.now)
            }
        } catch let error as DomainError where error.code == .invitationLimit {
            // Said on the list the button was pressed in: the invitation form it opened (its
            // address filled in, «Invita» to press) offered nothing but the same refusal again.
            return try render(
                context, notice: nil, form: nil, services, status: 429, page: PageLinks.number(request.form["pagina"]), error: error.message)
        }
        throw try back(request, context, notice: result.notice(first: "reinviato", concealing: true))
    }

    static func changeRole(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let invitation = try invitation(request, context, services)
        guard let role = request.form["role"].flatMap(Role.init(rawValue:)) else { throw HTTPError.badRequest("role") }
        if role != invitation.role {
            try services.database.write { tx in
                try InvitationStore(services.database).setRole(id: invitation.id, tenantID: context.tenant.id, role: role)
                try context.audit(
                    in: tx, "invitation_role_changed", detail: "\(invitation.email): \(invitation.role.label) → \(role.label)", request)
                // The invitation's e-mail named the role: the person hears the new one. Not an
                // operator's address, whose invitation cannot be accepted (nor is it said why here).
                // Counted with the invitations' e-mails to the address (3 an hour): switching the
                // role back and forth is no way to flood a mailbox.
                let invitations = InvitationStore(services.database)
                if let address = EmailAddress(invitation.email), try UserStore(services.database).find(email: address)?.isOperator != true,
                    try invitations.sends(email: address, since: services.now - 3600) < Provisioning.invitesPerAddressHour(services.config)
                {
                    try invitations.recordSend(email: address, tenantID: context.tenant.id, now: services.now)
                    let actor = context.current.user
                    try OutboxStore.enqueue(in: tx, to: [address], subject: Text.invitationRoleMailSubject(company: context.tenant.name),
                        body: Text.invitationRoleMailBody(
                            company: context.tenant.name, by: actor.nameAndAddress,
                            role: role.label, portalURL: services.config.publicURL + "/login"),
                        now: services.now, kind: .urgent)
                }
            }
        }
        throw try back(request, context, notice: "ruolo")
    }

    static func cancel(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        // Pressed twice (or by a colleague first): removed, as the first press said.
        if let id = request.pathID("id"),
            try InvitationStore(services.database).isCancelled(id: id, tenantID: context.tenant.id)
        {
            throw try back(request, context, notice: "rimosso")
        }
        let invitation = try invitation(request, context, services)
        try CompanyAdministration(database: services.database, config: services.config).cancelInvitation(
            invitation, by: context.actor(request), now: services.now)
        throw try back(request, context, notice: "rimosso")
    }
}
