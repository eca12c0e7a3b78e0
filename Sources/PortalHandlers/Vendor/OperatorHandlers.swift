import PortalCore
import PortalDomain
import PortalHTTP
import PortalStore

/// "Operatori": the vendor's operators, "Invita operatore", "Cambia ruolo", "Disattiva" and
/// "Riattiva". Only a Responsabile reaches these routes (`ManagerGuard`).
enum OperatorHandlers {
    static let path = "/desk/operatori"
    static let notices = [
        "invitato": Text.operatorInvited, "ruolo": Text.operatorRoleChanged, "reinviato": Text.operatorWelcomeResent,
    ]

    static func list(_ request: Request, _ context: OperatorContext) throws -> Response {
        var notice = request.query["avviso"].flatMap { notices[$0] }
        // Said only when signed: "Operatore disattivato" from a link anyone can write claimed
        // something done that nobody did.
        if let tickets = SignedParameter.value("ticket", in: request, userID: context.user.id, context.services).flatMap({ Int($0) }) {
            if request.query["avviso"] == "disattivato" { notice = Text.operatorDeactivated(tickets: tickets) }
            if request.query["avviso"] == "riattivato" { notice = Text.operatorReactivated(tickets: tickets) }
        }
        return try render(context, OperatorsPage(notice: notice))
    }

    static func showForm(_ request: Request, _ context: OperatorContext) throws -> Response {
        try render(context, OperatorsPage(form: OperatorsPage.InviteForm()))
    }

    static func render(_ context: OperatorContext, _ page: OperatorsPage, status: Int = 200) throws -> Response {
        var page = page
        page.operators = try UserStore(context.services.database).operators()
        page.openTickets = try DeskStore(context.services.database).openTicketCounts()
        return Response.html(bytes: page.render(context.viewer, currentUserID: context.user.id), status: status)
    }

    static func create(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        let fields = request.form
        let typed = (fields["email"] ?? "").trimmingWhitespace()
        let key = Submission.pressKey(fields)
        try Submission.redirectIfSent(key, userID: context.user.id, services, notice: "invitato")
        // Only a made-up request names another role (the form offers two): refused, as the
        // customers' invitations refuse theirs, rather than saved as "Operatore" unsaid.
        if let value = fields["role"], DeskRole(rawValue: value) == nil { throw HTTPError.badRequest("role") }
        var form = OperatorsPage.InviteForm(
            // Past the 200 characters allowed, so that a longer name is refused, not cut.
            name: String((fields["name"] ?? "").prefix(300)), email: String(typed.prefix(254)),
            role: fields["role"].flatMap(DeskRole.init(rawValue:)) ?? .operator)
        if let raw = Submission.key(fields) { form.submission = raw }
        // Both fields' mistakes at once, not the name's only on the next try: left empty, said
        // as every empty required field is; otherwise the rules the store applies.
        if form.name.trimmingWhitespace().isEmpty {
            form.nameError = Text.fieldRequired
        } else if !Provisioning.isValidName(form.name) {
            form.nameError = Text.operatorNameInvalid
        }
        guard let email = EmailAddress.newAddress(typed) else {
            form.emailError = EmailAddress.refusal(typed)
            return try render(context, OperatorsPage(form: form), status: 422)
        }
        if form.nameError != nil { return try render(context, OperatorsPage(form: form), status: 422) }
        do {
            try Submission.once(key, userID: context.user.id, services, notice: "invitato") {
                try Provisioning(database: services.database, config: services.config).addOperator(
                    email: email, name: form.name, role: form.role, by: context.actor(request),
                    submission: key.map { ($0, path) }, now: services.now)
            }
        } catch let error as DomainError where error.code == .invalidInput {
            form.nameError = error.message
            return try render(context, OperatorsPage(form: form), status: 422)
        } catch let error as DomainError where error.code == .accountExists {
            form.emailError = error.message
            return try render(context, OperatorsPage(form: form), status: 422)
        }
        throw Redirect(to: path + "?avviso=invitato")
    }

    static func target(_ request: Request, _ context: OperatorContext) throws -> UserRecord {
        guard let id = request.pathID("id") else { throw HTTPError.notFound }
        do {
            return try administration(context).account(id: id)
        } catch let error as DomainError where error.code == .notFound {
            throw HTTPError.notFound
        }
    }

    static func administration(_ context: OperatorContext) -> OperatorAdministration {
        OperatorAdministration(database: context.services.database, config: context.services.config)
    }

    static func changeRole(_ request: Request, _ context: OperatorContext) throws -> Response {
        let target = try target(request, context)
        guard let role = request.form["role"].flatMap(DeskRole.init(rawValue:)) else { throw HTTPError.badRequest("role") }
        do {
            try administration(context).changeRole(of: target, to: role, by: context.actor(request), now: context.services.now)
        } catch let error as DomainError where error.code == .lastManager {
            return try render(context, OperatorsPage(rowError: .init(userID: target.id, field: .role, message: error.message)), status: 422)
        }
        // A Responsabile who made themself Operatore no longer reaches "Operatori": the list
        // answered «Pagina non trovata» to the change just saved.
        if target.id == context.user.id && role != .manager { throw Redirect(to: "/desk/?avviso=" + DeskQueueHandlers.ownRoleNotice) }
        throw Redirect(to: path + "?avviso=ruolo")
    }

    /// Deactivating oneself (while another Responsabile remains) ends one's own session too:
    /// the browser goes to the login page.
    static func deactivate(_ request: Request, _ context: OperatorContext) throws -> Response {
        let target = try target(request, context)
        let returned: Int
        do {
            returned = try administration(context).deactivate(
                target, by: context.user, clientIP: request.clientAddress, now: context.services.now)
        } catch let error as DomainError where error.code == .lastManager {
            return try render(
                context, OperatorsPage(rowError: .init(userID: target.id, field: .deactivation, message: error.message)), status: 422)
        }
        if target.id == context.user.id { throw Redirect(to: "/login?avviso=sessione") }
        throw Redirect(
            to: path + SignedParameter.query(
                path: path, notice: "disattivato", "ticket", String(returned), userID: context.user.id, context.services))
    }

    /// "Invia di nuovo": only for an operator still waiting for their first access.
    static func resend(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        let key = Submission.pressKey(request.form)
        try Submission.redirectIfSent(key, userID: context.user.id, services, notice: "reinviato")
        let target = try target(request, context)
        do {
            try Submission.once(key, userID: context.user.id, services, notice: "reinviato") {
                try Provisioning(database: services.database, config: services.config).resendOperatorWelcome(
                    target, by: context.actor(request), submission: key.map { ($0, path) }, now: services.now)
            }
        } catch let error as DomainError where error.code == .notFound {
            throw HTTPError.notFound
        }
        throw Redirect(to: path + "?avviso=reinviato")
    }

    static func reactivate(_ request: Request, _ context: OperatorContext) throws -> Response {
        let target = try target(request, context)
        let returned = try administration(context).reactivate(
            target, by: context.user, clientIP: request.clientAddress, now: context.services.now)
        throw Redirect(
            to: path + SignedParameter.query(
                path: path, notice: "riattivato", "ticket", String(returned), userID: context.user.id, context.services))
    }
}
