import PortalCore
import PortalDomain
import PortalHTTP
import PortalStore

/// One company in the administration: its page, "Invita amministratore", its pending
/// invitations ("Invia di nuovo", "Rimuovi"), "Disattiva azienda" and "Riattiva".
enum CompanyHandlers {
    static let notices = [
        "creata": Text.companyCreated, "invitato": Text.administratorInvited, "disattivata": Text.companyDeactivatedNotice,
        "riattivata": Text.companyReactivatedNotice,
    ]
    /// Said in "Inviti in attesa", where its button was and the answer leads (`invitationsAnchor`):
    /// at the page's top the notice was out of sight of the list, below the company's users.
    static let invitationNotices = [
        "reinviato": Text.invitationResent, "reinviato-credenziali": Text.invitationResentNewPassword,
        "rimosso": Text.invitationRemoved, "non-in-attesa": Text.invitationNotPending,
    ]

    static func company(_ request: Request, _ context: OperatorContext) throws -> CompanyRow {
        guard let id = request.pathID("id"),
            let company = try TenantStore(context.services.database).company(id: id)
        else { throw HTTPError.notFound }
        return company
    }

    static func path(_ company: CompanyRow) -> String { "\(CompanyListHandlers.path)/\(company.tenant.id)" }

    static func show(_ request: Request, _ context: OperatorContext) throws -> Response {
        let company = try company(request, context)
        let database = context.services.database
        let invitationPage = PageLinks.number(request.query["pagina"])
        let invitations = try InvitationStore(database).pending(
            tenantID: company.tenant.id, now: context.services.now, page: invitationPage)
        let page = CompanyPage(
            company: company, members: try TenantStore(database).memberRows(tenantID: company.tenant.id),
            invitations: invitations.invitations, invitationTotal: invitations.total, invitationPage: invitationPage,
            suspended: company.deactivatedAt == nil
                ? [] : try InvitationStore(database).withdrawnWithCompany(tenantID: company.tenant.id, now: context.services.now),
            tickets: try DeskStore(database).tickets(tenantID: company.tenant.id),
            notice: request.query["avviso"].flatMap { notices[$0] },
            invitationNotice: request.query["avviso"].flatMap { invitationNotices[$0] })
        return Response.html(bytes: page.render(context.viewer))
    }

    static func showInvite(_ request: Request, _ context: OperatorContext) throws -> Response {
        let company = try company(request, context)
        return Response.html(bytes: InviteAdministratorPage(company: company).render(context.viewer))
    }

    static func invite(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        let company = try company(request, context)
        let typed = (request.form["email"] ?? "").trimmingWhitespace()
        let key = Submission.pressKey(request.form)
        try Submission.redirectIfSent(key, userID: context.user.id, services, notice: "invitato")
        var page = InviteAdministratorPage(company: company, email: String(typed.prefix(254)))
        if let raw = Submission.key(request.form) { page.submission = raw }
        guard let email = EmailAddress.newAddress(typed) else {
            page.error = EmailAddress.refusal(typed)
            return Response.html(bytes: page.render(context.viewer), status: 422)
        }
        let result: Provisioning.InvitationResult
        do {
            result = try Submission.once(key, userID: context.user.id, services, notice: "invitato") {
                try Provisioning(database: services.database, config: services.config).invite(
                    tenant: company.tenant, email: email, role: .administrator, invitedBy: context.actor(request), limited: true,
                    submission: key.map { ($0, path(company)) }, now: services.now)
            }
        } catch let error as DomainError
            where [.alreadyMember, .accountExists, .companyDeactivated, .invitationLimit].contains(error.code)
        {
            page.error = error.message
            return Response.html(bytes: page.render(context.viewer), status: error.code == .invitationLimit ? 429 : 422)
        }
        // An address already invited: its invitation was sent again, said with the invitations.
        let notice = result.notice(first: "invitato")
        throw Redirect(to: path(company) + "?avviso=" + notice + (invitationNotices[notice] == nil ? "" : CompanyPage.invitationsAnchor))
    }

    /// Back to the company's page at the invitations' page the row's form was on (the last
    /// one, when the action emptied it).
    static func backToInvitations(_ request: Request, _ company: CompanyRow, _ context: OperatorContext, notice: String) throws
        -> Redirect
    {
        let services = context.services
        return Redirect(to: try PageLinks.returnAddress(
            path(company), page: request.form["pagina"], notice: notice,
            total: { try InvitationStore(services.database).pendingCount(tenantID: company.tenant.id, now: services.now) },
            pageSize: InvitationStore.pageSize, anchor: CompanyPage.invitationsAnchor))
    }

    /// The pending invitation the button names; one gone since the page was read (a colleague
    /// removed it, it was accepted or expired) leads back to the company's page, which says so.
    static func invitation(_ request: Request, _ company: CompanyRow, _ context: OperatorContext) throws -> InvitationRecord {
        guard let id = request.pathID("invitation") else { throw HTTPError.notFound }
        guard let invitation = try InvitationStore(context.services.database).pending(
                id: id, tenantID: company.tenant.id, now: context.services.now)
        else { throw try backToInvitations(request, company, context, notice: "non-in-attesa") }
        return invitation
    }

    static func resend(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        let company = try company(request, context)
        let invitation = try invitation(request, company, context)
        // A refusal (the company was deactivated meanwhile) is the error page's, in Italian;
        // the sends' limits (the same as the companies' own) beside the address.
        let key = Submission.pressKey(request.form)
        try Submission.redirectIfSent(key, userID: context.user.id, services, notice: "reinviato")
        let result: Provisioning.InvitationResult
        do {
            result = try Submission.once(key, userID: context.user.id, services, notice: "reinviato") {
                try Provisioning(database: services.database, config: services.config).invite(
                    tenant: company.tenant, email: EmailAddress(invitation.email)!, role: invitation.role,
                    invitedBy: context.actor(request), limited: true,
                    submission: key.map {
                        ($0, PageLinks.pageAddress(path(company), page: request.form["pagina"], anchor: CompanyPage.invitationsAnchor))
                    },
                    now: services.now)
            }
        } catch let error as DomainError where error.code == .invitationLimit {
            var page = InviteAdministratorPage(company: company, email: invitation.email)
            page.error = error.message
            return Response.html(bytes: page.render(context.viewer), status: 429)
        }
        throw try backToInvitations(request, company, context, notice: result.notice(first: "reinviato"))
    }

    static func cancel(_ request: Request, _ context: OperatorContext) throws -> Response {
        let company = try company(request, context)
        // Pressed twice (or by a colleague first): removed, as the first press said.
        if let id = request.pathID("invitation"),
            try InvitationStore(context.services.database).isCancelled(id: id, tenantID: company.tenant.id)
        {
            throw try backToInvitations(request, company, context, notice: "rimosso")
        }
        let invitation = try invitation(request, company, context)
        try administration(context).cancelInvitation(invitation, by: context.actor(request), now: context.services.now)
        throw try backToInvitations(request, company, context, notice: "rimosso")
    }

    static func deactivate(_ request: Request, _ context: OperatorContext) throws -> Response {
        let company = try company(request, context)
        try administration(context).deactivate(company, by: context.actor(request), now: context.services.now)
        throw Redirect(to: path(company) + "?avviso=disattivata")
    }

    static func reactivate(_ request: Request, _ context: OperatorContext) throws -> Response {
        let company = try company(request, context)
        try administration(context).reactivate(company, by: context.actor(request), now: context.services.now)
        throw Redirect(to: path(company) + "?avviso=riattivata")
    }

    static func administration(_ context: OperatorContext) -> CompanyAdministration {
        CompanyAdministration(database: context.services.database, config: context.services.config)
    }
}
