import PortalCore
import PortalDomain
import PortalHTTP
import PortalStore

/// "Nuovo ticket per un cliente": GET /desk/nuovo finds the company, GET and POST
/// /desk/nuovo/{azienda} write the request. A customer who phoned (or wrote outside the
/// portal) had to be told to open the request themselves: the operator chooses the company's
/// person and writes it in their name with the customers' own form; the customer hears of it
/// as of a request they opened.
enum DeskNewTicketHandlers {
    static let choicePath = "/desk/nuovo"
    static let searchLimit = 100

    /// The form's address for a company: one per company, so that the browser's draft of one
    /// customer's request (kept per address, `assets/drafts.js`) never appears for another's.
    static func path(_ tenantID: Int64) -> String { choicePath + "/" + String(tenantID) }

    static func choose(_ request: Request, _ context: OperatorContext) throws -> Response {
        Response.html(try choicePage(request, context).render())
    }

    static func choicePage(_ request: Request, _ context: OperatorContext, problem: String? = nil) throws -> DeskCompanyChoicePage {
        let search = String((request.query["cerca"] ?? "").collapsingSpaces().prefix(searchLimit))
        var page = DeskCompanyChoicePage(viewer: context.viewer, search: search, problem: problem)
        if request.query["cerca"] != nil {
            let found = try TenantStore(context.services.database).companies(matching: search, page: 1)
            page.found = found.rows
            page.total = found.total
        }
        return page
    }

    static func show(_ request: Request, _ context: OperatorContext) throws -> Response {
        let company = try company(request, context)
        // A form sent after the session ended, kept (`KeptForms`): back as typed after the login.
        if let kept = try KeptForms.take(request, context.services, userID: context.user.id) {
            var page = try refill(request, context, kept.form)
            try KeptForms.forget(&page, request, kept)
            return page
        }
        if let problem = problem(company) {
            return Response.html(try choicePage(request, context, problem: problem).render(), status: 409)
        }
        let page = NewTicketPage(
            viewer: context.viewer, tenant: company.tenant, requester: "", form: TicketForm(),
            desk: .init(members: try members(company, context)))
        return Response.html(page.render())
    }

    /// The company of the address: any company (404 for none).
    static func company(_ request: Request, _ context: OperatorContext) throws -> CompanyRow {
        guard let id = request.pathID("azienda"),
            let company = try TenantStore(context.services.database).company(id: id)
        else { throw HTTPError.notFound }
        return company
    }

    /// Why no request can be written in the name of the company's people: deactivated (they
    /// cannot enter), or nobody there yet.
    static func problem(_ company: CompanyRow) -> String? {
        if company.deactivatedAt != nil { return Text.deskCompanyInactive }
        if company.users == 0 { return Text.deskCompanyNoUsers }
        return nil
    }

    static func members(_ company: CompanyRow, _ context: OperatorContext) throws -> [TenantStore.MemberRow] {
        try TenantStore(context.services.database).memberRows(tenantID: company.tenant.id)
    }

    static func create(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        let form = request.form
        let user = context.user
        let key = Submission.pressKey(form, sameText: (request.path, ["description", "title", "requester"]))
        try Submission.redirectIfSent(key, userID: user.id, services, notice: "creato")
        let company = try company(request, context)
        let tenant = company.tenant
        var ticketForm = TicketForm(form)
        var desk = NewTicketPage.DeskChoice(
            members: try members(company, context), requesterID: form[NewTicketPage.DeskChoice.requesterField] ?? "")
        let member = desk.members.first { String($0.userID) == desk.requesterID }
        if desk.requesterID.isEmpty {
            desk.error = Text.deskRequesterRequired
        } else if member == nil {
            desk.error = Text.deskRequesterNotMember
        }
        let requester = try member.flatMap { try UserStore(services.database).find(id: $0.userID) }
        // "Email" left empty is the requester's own: shown empty again, sent with theirs.
        if ticketForm.email.isEmpty { ticketForm.errors["email"] = nil }
        var sending = ticketForm
        if sending.email.isEmpty, let requester { sending.email = requester.email }
        let uploads = Uploads(services: services, owner: user.id)
        var files = Uploads.Result()
        let previewing = form["action"] == "preview"
        func again(failure: String? = nil, status: Int? = nil) -> Response {
            NewTicketPage(viewer: context.viewer, tenant: tenant, requester: "", form: ticketForm, desk: desk)
                .again(files: files, uploads: uploads, previewing: previewing, failure: failure, status: status)
        }
        let number: Int64
        do {
            // The vendor's request is never refused for what the company's files use.
            files = try uploads.collect(form, field: "files", for: .company(tenant.id, enforcingQuota: false))
            if request.isTruncated { files.markCut() }
            // Deactivated or emptied since the page was drawn: the text stays, with why.
            if let problem = problem(company) { return again(failure: problem, status: 409) }
            guard !previewing, files.error == nil, desk.error == nil, let requester,
                let ticket = sending.ticket(tenantID: tenant.id, requester: requester)
            else { return again() }
            number = try Submission.once(key, userID: user.id, services, notice: "creato") {
                try TicketService(database: services.database, config: services.config, clientIP: request.clientAddress)
                    .create(ticket, files: files.files, submission: key, openedBy: user, now: services.now)
            }
        } catch let refused as DomainError where refused.code == .invalidInput {
            // The person left the company, or it was deactivated, while the operator wrote.
            return again(failure: refused.message, status: 409)
        } catch let error where SaveFault.matches(error) {
            return again(failure: SaveFault.failure(error, request, received: files.files.count))
        }
        throw Redirect(to: "/desk/ticket/\(number)?avviso=creato")
    }

    /// The form as sent, shown again with a fresh token and nothing saved: refused for its
    /// token (the operator's session replaced in another tab), or kept when sent after the
    /// session ended and taken back by `show` after the login. Its files come back when they
    /// were kept; a company that can no longer take the request says why beside the text.
    static func refill(_ request: Request, _ context: OperatorContext, _ kept: FormData) throws -> Response {
        let company = try company(request, context)
        let uploads = Uploads(services: context.services, owner: context.user.id)
        let files = try uploads.collect(kept, field: "files", for: .company(company.tenant.id, enforcingQuota: false))
        var page = NewTicketPage(
            viewer: context.viewer, tenant: company.tenant, requester: "", form: TicketForm(kept).withoutErrors,
            keptFiles: files.files.map { (uploads.reference(for: $0), $0) },
            desk: .init(members: try members(company, context), requesterID: kept[NewTicketPage.DeskChoice.requesterField] ?? ""))
        page.notice = KeptForms.notice(kept)
        page.failure = problem(company)
        return Response.html(page.render(), status: page.failure == nil ? 200 : 409)
    }
}
