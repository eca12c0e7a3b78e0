import PortalCore
import PortalDomain
import PortalHTTP
import PortalStore

/// "Aziende": the companies with the search by name or P.IVA, and "Nuova azienda".
enum CompanyListHandlers {
    static let path = "/desk/aziende"

    static func list(_ request: Request, _ context: OperatorContext) throws -> Response {
        try render(context, CompaniesPage(search: request.query["cerca"] ?? "", page: PageLinks.number(request.query["pagina"])))
    }

    static func showForm(_ request: Request, _ context: OperatorContext) throws -> Response {
        try render(context, CompaniesPage(form: CompaniesPage.NewCompanyForm()))
    }

    static func render(_ context: OperatorContext, _ page: CompaniesPage, status: Int = 200) throws -> Response {
        var page = page
        let search = String(page.search.trimmingWhitespace().prefix(100))
        page.search = search
        // The form's page is the form alone: no list to read.
        if page.form == nil {
            (page.rows, page.total) = try TenantStore(context.services.database).companies(matching: search, page: page.page)
        }
        return Response.html(bytes: page.render(context.viewer), status: status)
    }

    static func create(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        let key = Submission.pressKey(request.form)
        try Submission.redirectIfSent(key, userID: context.user.id, services, notice: "creata")
        var form = CompaniesPage.NewCompanyForm(
            // Past the 200 characters allowed, so that a longer name is refused, not cut.
            name: String((request.form["name"] ?? "").prefix(300)), vat: String((request.form["vat"] ?? "").prefix(20)))
        if let raw = Submission.key(request.form) { form.submission = raw }
        let input = VATInput(form.vat)
        form.vatError = input.refusal
        // Left empty, said as every empty required field is (not the name's format rules); a
        // name the store would refuse is said with the P.IVA's mistake, in one answer (it came
        // only once the P.IVA was right).
        if form.name.trimmingWhitespace().isEmpty {
            form.nameError = Text.fieldRequired
        } else if !Provisioning.isValidName(form.name) {
            form.nameError = Text.companyNameInvalid
        }
        guard case .valid(let vat) = input, form.nameError == nil else {
            return try render(context, CompaniesPage(form: form), status: 422)
        }
        let tenant: TenantRecord
        do {
            tenant = try Provisioning(database: services.database, config: services.config).addTenant(
                name: form.name, vat: vat, by: context.actor(request),
                submission: key.map { key in (key, { "\(path)/\($0.id)" }) }, now: services.now)
        } catch let error as DomainError where error.code == .invalidInput {
            form.nameError = error.message
            return try render(context, CompaniesPage(form: form), status: 422)
        } catch let error as DomainError where error.code == .companyExists {
            // The same press, second of a double click: the first made it.
            try Submission.redirectIfSent(key, userID: context.user.id, services, notice: "creata")
            form.vatError = error.message
            return try render(context, CompaniesPage(form: form), status: 422)
        }
        throw Redirect(to: "\(path)/\(tenant.id)?avviso=creata")
    }
}
