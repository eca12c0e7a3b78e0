import PortalCore
import PortalCrypto
import PortalHTTP
import PortalStore

/// GET and POST /accesso/azienda, POST /accesso/invito/{id}/accetta.
enum CompanyChoiceHandlers {
    static let path = "/accesso/azienda"

    /// The user's pending invitations with their companies: listed here with «Accetta», and
    /// told on the dashboard of someone already in another company.
    static func pendingInvitations(of user: UserRecord, _ services: Services) throws -> [(InvitationRecord, TenantRecord)] {
        guard let email = EmailAddress(user.email) else { return [] }
        let tenants = TenantStore(services.database)
        return try InvitationStore(services.database).pending(email: email, now: services.now)
            .compactMap { invitation in try tenants.find(id: invitation.tenantID).map { (invitation, $0) } }
    }

    static func show(_ request: Request, _ context: CompanyChoiceContext) throws -> Response {
        let services = context.services
        let user = context.user
        if user.isOperator { throw Redirect(to: "/desk/") }
        let now = services.now
        let invitations = try pendingInvitations(of: user, services)
        let tenants = TenantStore(services.database)
        let memberships = try tenants.memberships(userID: user.id)
        let deactivated = try tenants.deactivatedCompanies(userID: user.id)
        let next = request.query["next"].map { SafeRedirect.path($0, fallback: SafeRedirect.home(for: user)) }
        var current: Int64?
        var signedIn = false
        if case .session(let session) = context {
            current = session.tenantID
            signedIn = true
            // A session that lost its company (deactivated, now active again) of a person of that
            // one company, with nothing else to choose: entered again, rather than a choice of
            // one. Someone of several companies chooses: the one the session lost may still be
            // deactivated (the page says so), and another is not entered behind their back.
            if current == nil, invitations.isEmpty, memberships.count == 1, let only = memberships.first,
                !deactivated.contains(only.tenant.id)
            {
                return try AccessFlow.startSession(
                    user: user, tenantID: only.tenant.id, challenge: nil, request, services, event: "company_switched", returnTo: next)
            }
        }
        var page = CompanyChoicePage(
            csrfToken: context.csrfToken, invitations: invitations, memberships: memberships, currentTenantID: current,
            notice: request.query["avviso"] == "accettato" ? Text.invitationAccepted : nil,
            deactivated: deactivated,
            error: [
                "disattivata": Text.companyDeactivatedForUsers, "ritirato": Text.invitationNoLongerValid,
                "invito-disattivata": Text.invitationOfDeactivatedCompany, "ruolo-cambiato": Text.invitationRoleChangedMeanwhile,
                "modulo": Text.formKeptForCompany, "modulo-senza-allegati": Text.formKeptForCompanyWithoutFiles,
            ][request.query["avviso"] ?? ""])
        page.signedIn = signedIn
        page.next = next
        return Response.html(page.render())
    }

    static func accept(_ request: Request, _ context: CompanyChoiceContext) throws -> Response {
        let services = context.services
        guard let id = request.pathID("id") else { throw HTTPError.notFound }
        let user = context.user
        // A company's administrator may have invited an operator's address (answered as any
        // other): the support's staff are never a company's users.
        if user.isOperator { throw Redirect(to: "/desk/") }
        let now = services.now
        try services.database.write { tx in
            let invitations = InvitationStore(services.database)
            let email = EmailAddress(user.email)!
            // An invitation of a company deactivated meanwhile is withdrawn as the deactivation
            // withdraws the others (one raced it), and said so: "withdrawn by its administrator
            // or expired" was neither.
            if let tenant = try invitations.tenant(ofInvitation: id, email: email),
                try TenantStore(services.database).isDeactivated(tenantID: tenant)
            {
                throw Redirect(to: "/accesso/azienda?avviso=invito-disattivata")
            }
            // The role the page showed, changed since by the company's administrator: accepted,
            // it made the person an «Amministratore» (or a «Tecnico») without a word. The page
            // again, with the role as it is now.
            let invitation: InvitationRecord
            switch try invitations.accept(id: id, email: email, shownRole: request.form["role"].flatMap(Role.init(rawValue:)), now: now) {
            case .accepted(let accepted):
                invitation = accepted
            case .roleChanged:
                throw Redirect(to: "/accesso/azienda?avviso=ruolo-cambiato")
            case .notPending:
                // Accepted already (the button pressed again after Back): done, as the first time.
                if let tenantID = try invitations.acceptedTenant(id: id, email: email),
                    try TenantStore(services.database).membership(userID: user.id, tenantID: tenantID) != nil
                {
                    throw Redirect(to: "/accesso/azienda?avviso=accettato")
                }
                // Withdrawn or expired while its page was open: said on the company choice, not a 404.
                throw Redirect(to: "/accesso/azienda?avviso=ritirato")
            }
            try TenantStore(services.database).addMember(userID: user.id, tenantID: invitation.tenantID, role: invitation.role, now: now)
            try AuditStore.record(in: tx, "invitation_accepted", tenantID: invitation.tenantID, userID: user.id, actorEmail: user.email,
                detail: invitation.role.label, clientIP: request.clientAddress, now: now)
        }
        throw Redirect(to: "/accesso/azienda?avviso=accettato")
    }

    static func choose(_ request: Request, _ context: CompanyChoiceContext) throws -> Response {
        let services = context.services
        let form = request.form
        let user = context.user
        guard let tenantID = form["tenant"].flatMap({ Int64($0) }),
            try TenantStore(services.database).membership(userID: user.id, tenantID: tenantID) != nil
        else { throw HTTPError.notFound }
        if try TenantStore(services.database).isDeactivated(tenantID: tenantID) {
            throw Redirect(to: "/accesso/azienda?avviso=disattivata")
        }
        switch context {
        case .login(let login):
            return try AccessFlow.startSession(
                user: user, tenantID: tenantID, challenge: login.challenge, request, services)
        case .session:
            // "Passa a …" from a ticket of the other company comes back to that ticket.
            return try AccessFlow.startSession(
                user: user, tenantID: tenantID, challenge: nil, request, services, event: "company_switched",
                returnTo: form["next"].map { SafeRedirect.path($0, fallback: SafeRedirect.home(for: user)) })
        }
    }
}
