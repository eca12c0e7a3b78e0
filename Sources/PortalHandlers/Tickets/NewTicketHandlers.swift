import PortalCore
import PortalDomain
import PortalHTTP
import PortalStore

/// GET and POST /ticket/nuovo.
enum NewTicketHandlers {
    static func show(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        if let kept = try KeptForms.take(request, services, userID: context.current.user.id) {
            var page = try refill(request, context, kept.form)
            try KeptForms.forget(&page, request, kept)
            return page
        }
        return try fresh(request, context)
    }

    /// The empty form (the ERP's link and "riferimento" may fill parts of it).
    static func fresh(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        var form = TicketForm()
        form.email = context.current.user.email
        form.technicalDetails = ERPLink.technicalDetails(from: request.query)
        form.technicalDetailsFromERP = !form.technicalDetails.isEmpty
        if let number = request.query["riferimento"].flatMap({ Int64($0) }),
            try TicketStore(services.database).find(number: number, tenantID: context.tenant.id) != nil
        {
            form.description = Text.referenceToOldTicket(number) + "\n\n"
        }
        let page = NewTicketPage(
            viewer: context.current.viewer, tenant: context.tenant, requester: context.current.user.displayName, form: form)
        return Response.html(page.render())
    }

    /// The page was made for another company (the person switched in another tab): a form
    /// of it is never created in this one unseen. Sent, it is kept for that company with the
    /// offer to switch to it, or, when that company is no longer the person's, shown again
    /// for this one without its files, saying so. Restored (a kept form) in this company, it
    /// says it was written for another of theirs; one of a company they cannot enter is not
    /// shown at all.
    static func otherCompany(_ request: Request, _ context: MemberContext, _ form: FormData) throws -> Response? {
        guard let shown = form[NewTicketPage.companyField].flatMap({ Int64($0) }), shown != context.tenant.id else { return nil }
        if request.method == "POST", let kept = try CompanySwitchOffer.keptNewTicket(request, context, tenantID: shown) {
            return kept
        }
        let tenants = TenantStore(context.services.database)
        let stillTheirs = try tenants.membership(userID: context.user.id, tenantID: shown) != nil
            && !tenants.isDeactivated(tenantID: shown)
        // A kept form of a company this person cannot enter is not theirs to see (a browser
        // shared with someone else): the page starts empty.
        if request.method != "POST" && !stillTheirs { return try fresh(request, context) }
        let uploads = Uploads(services: context.services, owner: context.current.user.id)
        // Another company's files never move to this one unseen: they are chosen again.
        var files = Uploads.Result()
        if stillTheirs { files = try uploads.collect(form, field: "files", for: .company(context.tenant.id)) }
        var page = NewTicketPage(
            viewer: context.current.viewer, tenant: context.tenant, requester: context.current.user.displayName,
            form: TicketForm(form).withoutErrors, keptFiles: files.files.map { (uploads.reference(for: $0), $0) })
        page.notice = stillTheirs ? Text.formForAnotherCompany : Text.formForCompanyNoLongerYours
        return Response.html(page.render(), status: request.method == "POST" ? 409 : 200)
    }

    /// The "Email" of a ticket receives the portal's e-mails, unconfirmed: an address that is
    /// nobody's of the company may be given a few times a day, so that an account cannot make
    /// the portal write to any address it likes, with a subject it chooses.
    static let externalContactsPerDay: Int64 = 5

    static func limitExternalContacts(_ form: inout TicketForm, _ context: MemberContext) throws {
        // One's own address (the form's default, almost every ticket) needs no query.
        guard form.errors["email"] == nil, let address = EmailAddress(form.email), address != EmailAddress(context.user.email)
        else { return }
        let database = context.services.database
        let members = try TenantStore(database).memberRows(tenantID: context.tenant.id).compactMap { EmailAddress($0.email) }
        guard !members.contains(address) else { return }
        let given = try TicketStore(database).externalContacts(
            tenantID: context.tenant.id, requesterID: context.user.id, since: context.services.now - 86_400)
        if given >= externalContactsPerDay { form.errors["email"] = Text.externalContactLimit(externalContactsPerDay) }
    }

    /// The form as it was sent when its session had ended (`KeptForms`), with its files and
    /// a line saying why it is back; no errors yet, as it has not been sent again.
    static func refill(_ request: Request, _ context: MemberContext, _ kept: FormData) throws -> Response {
        if let other = try otherCompany(request, context, kept) { return other }
        let uploads = Uploads(services: context.services, owner: context.current.user.id)
        let files = try uploads.collect(kept, field: "files", for: .company(context.tenant.id))
        var page = NewTicketPage(
            viewer: context.current.viewer, tenant: context.tenant, requester: context.current.user.displayName,
            form: TicketForm(kept).withoutErrors, keptFiles: files.files.map { (uploads.reference(for: $0), $0) })
        page.notice = KeptForms.notice(kept)
        return Response.html(page.render())
    }

    static func create(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let form = request.form
        let user = context.current.user
        // The browser's Back after «Invia Ticket», and the button again with what it filled in:
        // the same ticket, not a second one (`Submission.pressKey`).
        let key = Submission.pressKey(form, sameText: ("/ticket/nuovo", ["description", "title"]))
        try Submission.redirectIfSent(key, userID: user.id, services, notice: "creato")
        if let other = try otherCompany(request, context, form) { return other }
        var ticketForm = TicketForm(form)
        try limitExternalContacts(&ticketForm, context)
        let uploads = Uploads(services: services, owner: context.current.user.id)
        var files = Uploads.Result()
        let previewing = form["action"] == "preview"
        func again(failure: String? = nil, status: Int? = nil) -> Response {
            NewTicketPage(viewer: context.current.viewer, tenant: context.tenant, requester: context.current.user.displayName,
                          form: ticketForm)
                .again(files: files, uploads: uploads, previewing: previewing, failure: failure, status: status)
        }
        let number: Int64
        do {
            files = try uploads.collect(form, field: "files", for: .company(context.tenant.id))
            if request.isTruncated { files.markCut() }
            guard !previewing, files.error == nil, let ticket = ticketForm.ticket(tenantID: context.tenant.id, requester: context.current.user)
            else { return again() }
            number = try Submission.once(key, userID: user.id, services, notice: "creato") {
                try TicketService(database: services.database, config: services.config, clientIP: request.clientAddress)
                    .create(ticket, files: files.files, submission: key, now: services.now)
            }
        } catch let error as DomainError where error.code == .ticketLimit {
            return again(failure: error.message, status: 429)
        } catch let error where SaveFault.matches(error) {
            return again(failure: SaveFault.failure(error, request, received: files.files.count))
        }
        throw Redirect(to: "/ticket/\(number)?avviso=creato")
    }
}

extension NewTicketPage {
    /// The form sent and not created, shown again (the customers' and the desk's): its kept
    /// files, the preview when "Anteprima" was pressed (without scolding for fields not filled
    /// in yet), or the server's failure.
    func again(files: Uploads.Result, uploads: Uploads, previewing: Bool, failure: String?, status: Int?) -> Response {
        var page = self
        if previewing || failure != nil {
            page.form = form.withoutErrors
            page.desk?.error = nil
        }
        page.keptFiles = files.files.map { (uploads.reference(for: $0), $0) }
        page.fileError = files.error
        if previewing { page.preview = MessageBody.html(MessageBody.stored(form.description, isMarkdown: form.descriptionIsMarkdown)) }
        page.failure = failure
        return Response.html(page.render(), status: status ?? (failure != nil ? SaveFault.status : previewing ? 200 : 422))
    }
}

extension TicketForm {
    /// The preview shows the form as typed, without scolding for fields not filled in yet.
    var withoutErrors: TicketForm {
        var copy = self
        copy.errors = [:]
        return copy
    }
}
