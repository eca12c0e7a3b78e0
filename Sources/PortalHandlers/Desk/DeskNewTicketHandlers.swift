import PortalCore
import PortalDomain
import PortalHTTP
import PortalStore

/// GET and POST /desk/nuovo: "Nuovo ticket per un cliente". A customer who phones (or writes
/// outside the portal) had to be told to open the request themselves: the operator finds the
/// company, chooses its person and writes the request in their name, with the customers' own
/// form; the customer hears of it as of a request they opened.
enum DeskNewTicketHandlers {
    static let searchLimit = 100

    static func show(_ request: Request, _ context: OperatorContext) throws -> Response {
        if let kept = try KeptForms.take(request, context.services, userID: context.user.id) {
            var page = try refill(request, context, kept.form)
            try KeptForms.forget(&page, request, kept)
            return page
        }
        if let chosen = request.query[NewTicketPage.companyField] {
            switch try company(chosen, context) {
            case .usable(let tenant, let members):
                let page = NewTicketPage(viewer: context.viewer, tenant: tenant, requester: "", form: TicketForm(),
                                         desk: .init(members: members))
                return Response.html(page.render())
            case .refused(let problem):
                return Response.html(try choicePage(request, context, problem: problem).render(), status: 404)
            }
        }
        return Response.html(try choicePage(request, context).render())
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

    enum Choice {
        case usable(TenantRecord, [TenantStore.MemberRow])
        case refused(String)
    }

    /// A company that can take a request in a person's name: active, with people.
    static func company(_ value: String?, _ context: OperatorContext) throws -> Choice {
        let database = context.services.database
        guard let id = value.flatMap({ Int64($0) }), let tenant = try TenantStore(database).find(id: id) else {
            return .refused(Text.deskCompanyNotFound)
        }
        if try TenantStore(database).isDeactivated(tenantID: id) { return .refused(Text.deskCompanyInactive) }
        let members = try TenantStore(database).memberRows(tenantID: id)
        if members.isEmpty { return .refused(Text.deskCompanyNoUsers) }
        return .usable(tenant, members)
    }

    static func create(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        let form = request.form
        let user = context.user
        let key = Submission.pressKey(form)
        try Submission.redirectIfSent(key, userID: user.id, services, notice: "creato")
        // The company as the page showed it; one deactivated or emptied meanwhile keeps the
        // text on the page with why (members: those left).
        guard let tenantID = form[NewTicketPage.companyField].flatMap({ Int64($0) }),
            let tenant = try TenantStore(services.database).find(id: tenantID)
        else {
            return Response.html(try choicePage(request, context, problem: Text.deskCompanyNotFound).render(), status: 404)
        }
        var problem: String?
        if case .refused(let why) = try company(String(tenantID), context) { problem = why }
        let members = try TenantStore(services.database).memberRows(tenantID: tenantID)
        var ticketForm = TicketForm(form)
        var desk = NewTicketPage.DeskChoice(members: members, requesterID: form[NewTicketPage.DeskChoice.requesterField] ?? "")
        let member = members.first { String($0.userID) == desk.requesterID }
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
            var page = NewTicketPage(
                viewer: context.viewer, tenant: tenant, requester: "",
                form: previewing || failure != nil ? ticketForm.withoutErrors : ticketForm,
                keptFiles: files.files.map { (uploads.reference(for: $0), $0) }, fileError: files.error,
                preview: previewing
                    ? MessageBody.html(MessageBody.stored(ticketForm.description, isMarkdown: ticketForm.descriptionIsMarkdown)) : nil,
                desk: desk)
            if previewing { page.desk?.error = nil }
            page.failure = failure
            return Response.html(page.render(), status: status ?? (failure != nil ? SaveFault.status : previewing ? 200 : 422))
        }
        let number: Int64
        do {
            // The vendor's request is never refused for what the company's files use.
            files = try uploads.collect(form, field: "files", for: .company(tenant.id, enforcingQuota: false))
            if request.isTruncated { files.markCut() }
            if let problem { return again(failure: problem, status: 409) }
            guard !previewing, files.error == nil, desk.error == nil, let requester,
                let ticket = sending.ticket(tenantID: tenant.id, requester: requester)
            else { return again() }
            number = try Submission.once(key, userID: user.id, services, notice: "creato") {
                try TicketService(database: services.database, config: services.config, clientIP: request.clientAddress)
                    .create(ticket, files: files.files, submission: key, openedBy: user, now: services.now)
            }
        } catch let error where SaveFault.matches(error) {
            return again(failure: SaveFault.failure(error, request, received: files.files.count))
        }
        throw Redirect(to: "/desk/ticket/\(number)?avviso=creato")
    }

    /// The form refused for its token (the operator's session replaced in another tab): back
    /// as typed, with a fresh token, its files to be chosen again; nothing saved.
    static func refill(_ request: Request, _ context: OperatorContext, _ kept: FormData) throws -> Response {
        guard case .usable(let tenant, let members) = try company(kept[NewTicketPage.companyField], context) else {
            return Response.html(try choicePage(request, context, problem: Text.deskCompanyNotFound).render(), status: 404)
        }
        var page = NewTicketPage(
            viewer: context.viewer, tenant: tenant, requester: "", form: TicketForm(kept).withoutErrors,
            desk: .init(members: members, requesterID: kept[NewTicketPage.DeskChoice.requesterField] ?? ""))
        page.notice = KeptForms.noticeWithoutFiles(kept)
        return Response.html(page.render())
    }
}
