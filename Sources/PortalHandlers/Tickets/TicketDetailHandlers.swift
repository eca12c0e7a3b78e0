import PortalCore
import PortalDomain
import PortalHTTP
import PortalStore

/// GET and POST /ticket/{number}: the thread, the reply, the panel; and the files.
enum TicketDetailHandlers {
    static let notices = [
        "creato": Text.ticketCreatedNotice, "risposta": Text.replySaved, "chiuso": Text.ticketClosed,
        "riaperto": Text.ticketReopened, "salvato": Text.panelSaved, "aggiunto": Text.messageAddedKeptClosed,
        "invariato": Text.panelUnchanged,
    ]

    /// Whether the customer may still write on the ticket: open, or closed within the reopen window.
    static func canReply(_ ticket: TicketRecord, now: Timestamp) -> Bool {
        !ticket.status.isClosed || TicketRules.canReopen(closedAt: ticket.closedAt, now: now)
    }

    /// The page of one ticket: its thread and panel, made on every request. They were kept
    /// per company while its content was unchanged, until the many-company benchmark showed
    /// that almost no request found them kept.
    static func page(
        _ context: MemberContext, _ ticket: TicketRecord, chosen: TicketService.PanelChanges = .init(),
        members: [(id: Int64, name: String)]? = nil
    ) throws -> TicketDetailPage {
        let database = context.services.database
        let store = TicketStore(database)
        let canReply = canReply(ticket, now: context.services.now)
        // Thread and panel both list the files: read once.
        let files = try store.attachments(ticketID: ticket.id)
        let messages = try store.messages(ticketID: ticket.id)
        let thread = TicketThread(ticket: ticket, messages: messages, attachments: files, replyAnchor: canReply ? "reply-form" : nil)
            .render()
        var panel = TicketPanel(
            ticket: ticket, attachments: files,
            members: try members ?? TenantStore(database).members(tenantID: context.tenant.id), editable: canReply,
            chosen: chosen)
        // The ticket's own activity time counts the operators' internal notes: the customer's
        // "last update" is the newest line they can read.
        panel.updatedAt = messages.map(\.createdAt).max()
        let panelNode = panel.render()
        var page = TicketDetailPage(viewer: context.current.viewer, ticket: ticket, thread: thread, panel: panelNode, canReply: canReply)
        page.newestMessageID = messages.last?.id
        page.now = context.services.now
        if !ticket.status.isClosed {
            let allowedFrom = closableFrom(ticket, context.services.config)
            if page.now < allowedFrom { page.closableFrom = allowedFrom }
        }
        return page
    }

    /// When "Chiudere il ticket all'invio del messaggio" is first allowed on a new ticket.
    static func closableFrom(_ ticket: TicketRecord, _ config: Config) -> Timestamp {
        TicketRules.closableFrom(createdAt: ticket.createdAt, delayMinutes: config.int("PORTAL_CLOSE_DELAY_MINUTES", default: 5))
    }

    enum LookUp {
        case found(TicketRecord)
        case answer(Response)
    }

    /// The ticket of the address in the session's company; when it is not there, the answer
    /// `otherCompany` gives for another company of the user, or the 404 everyone else gets.
    static func lookUp(
        _ request: Request, _ context: MemberContext, otherCompany: (Request, MemberContext) throws -> Response?
    ) throws -> LookUp {
        do {
            return .found(try context.ticket(request))
        } catch let missing as HTTPError where missing.status == 404 {
            guard let answer = try otherCompany(request, context) else { throw missing }
            return .answer(answer)
        }
    }

    /// `elenco=…`: the list's filters and page a ticket was opened from, in its address and
    /// its reply form, as the desk's `coda=` (`RememberedFilters.carried`).
    static let listField = "elenco"

    static func listQuery(_ sent: String?) -> String? { RememberedFilters<TicketQuery>.carried(sent) }

    /// `&elenco=…` for a redirect back to the ticket, when the form carried the list's address.
    static func listSuffix(_ form: FormData) -> String {
        listQuery(form[listField]).map { "&" + listField + "=" + urlEncode($0) } ?? ""
    }

    static func show(_ request: Request, _ context: MemberContext) throws -> Response {
        let ticket: TicketRecord
        // A ticket of another company of this user (a link from an e-mail): offer the switch.
        switch try lookUp(request, context, otherCompany: CompanySwitchOffer.page) {
        case .found(let found): ticket = found
        case .answer(let offer): return offer
        }
        if let kept = try KeptForms.take(request, context.services, userID: context.current.user.id) {
            var answer = try refill(request, context, kept.form)
            try KeptForms.forget(&answer, request, kept)
            return answer
        }
        var detail = try page(context, ticket)
        detail.listQuery = listQuery(request.query[listField])
        let notice = request.query["avviso"]
        detail.notice = notice.flatMap { notices[$0] }
        switch notice {
        case "creato": detail.draftsSent = ["/ticket/nuovo", "/ticket/\(ticket.number)"]
        case "risposta", "chiuso", "riaperto", "aggiunto": detail.draftsSent = ["/ticket/\(ticket.number)"]
        default: break
        }
        return Response.html(bytes: detail.render())
    }

    /// The reply as it was sent when its session had ended (`KeptForms`): text, files and
    /// "Chiudere il ticket", with a line saying why it is back.
    static func refill(_ request: Request, _ context: MemberContext, _ kept: FormData) throws -> Response {
        let ticket: TicketRecord
        // Refused for its token after a company switch in another tab: kept for that company.
        switch try lookUp(request, context, otherCompany: request.method == "POST" ? CompanySwitchOffer.keptReply : { _, _ in nil }) {
        case .found(let found): ticket = found
        case .answer(let offer): return offer
        }
        let members = try TenantStore(context.services.database).members(tenantID: context.tenant.id)
        var detail = try page(context, ticket, chosen: panelChanges(kept, ticket, members: members).changes, members: members)
        let uploads = Uploads(services: context.services, owner: context.current.user.id)
        let files = try uploads.collect(kept, field: "files", for: .company(context.tenant.id))
        detail.replyText = String((kept["message"] ?? "").prefix(TicketForm.keptTextLimit))
        detail.closeChecked = kept.isChecked("close")
        detail.submission = Submission.key(kept) ?? detail.submission
        detail.keptFiles = files.files.map { (uploads.reference(for: $0), $0) }
        detail.keptNotice = KeptForms.notice(kept)
        return Response.html(bytes: detail.render())
    }

    static func post(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let ticket: TicketRecord
        // A reply to a ticket of the company left in another tab: kept, not lost to a 404.
        switch try lookUp(request, context, otherCompany: CompanySwitchOffer.keptReply) {
        case .found(let found): ticket = found
        case .answer(let kept): return kept
        }
        let form = request.form
        let members = try TenantStore(services.database).members(tenantID: context.tenant.id)
        let (changes, panelError) = panelChanges(form, ticket, members: members)
        // The page (the whole thread, rendered) only when one is answered: built before every
        // reply, a line on a ticket of thousands of messages took seconds to save.
        func detail(_ adjust: (inout TicketDetailPage) -> Void = { _ in }) throws -> TicketDetailPage {
            var built = try page(context, ticket, chosen: changes, members: members)
            built.listQuery = listQuery(form[listField])
            adjust(&built)
            return built
        }
        guard canReply(ticket, now: services.now) else {
            let typed = String((form["message"] ?? "").prefix(TicketForm.keptTextLimit))
            let text = typed.trimmingWhitespace().isEmpty ? "" : typed
            let withFiles = !form.files(named: "files").isEmpty
            return Response.html(
                bytes: try detail { if !text.isEmpty || withFiles { $0.unsentReply = (text, withFiles) } }.render(), status: 403)
        }
        let user = context.current.user
        // The browser's Back after the reply, and «Invia» again with the text it filled in: the
        // same reply, not a second one (`Submission.pressKey`).
        let key = Submission.pressKey(form, sameText: ("/ticket/\(ticket.number)", ["message", "close"]))
        // A retry (a double click, an answer lost) is told what the first press was told: the
        // press recorded where it led with its outcome ("Risposta inviata." alone read as if a
        // closed ticket had stayed open, a reopened one as if nothing had changed).
        if form["action"] != "confirm" { try Submission.redirectIfSent(key, userID: user.id, services, notice: "risposta") }
        // What was typed and chosen comes back with every page below but the redirects.
        let message = String((form["message"] ?? "").prefix(TicketForm.keptTextLimit))
        let close = form.isChecked("close")
        let isMarkdown = MessageBody.isMarkdown(form, field: "message")
        let uploads = Uploads(services: services, owner: context.current.user.id)
        var files = Uploads.Result()
        func keepTyped(_ page: inout TicketDetailPage) {
            page.submission = Submission.key(form) ?? page.submission
            page.replyText = message
            page.closeChecked = close
            page.keptFiles = files.files.map { (uploads.reference(for: $0), $0) }
            page.fileError = files.error
        }
        /// The page again with all that was typed, when the server could not save it.
        func failed(_ error: any Error) throws -> Response {
            let page = try detail {
                keepTyped(&$0)
                $0.failure = SaveFault.failure(error, request, received: files.files.count)
            }
            return Response.html(bytes: page.render(), status: SaveFault.status)
        }
        do {
            files = try uploads.collect(form, field: "files", for: .company(context.tenant.id))
        } catch let error where SaveFault.matches(error) {
            return try failed(error)
        }
        if request.isTruncated { files.markCut() }
        if let panelError {
            return Response.html(bytes: try detail { keepTyped(&$0); $0.panelError = panelError }.render(), status: 422)
        }
        let now = services.now
        let service = TicketService(database: services.database, config: services.config, clientIP: request.clientAddress)
        if form["action"] == "confirm" {
            let changed: Bool
            do {
                changed = try service.updatePanel(ticket, changes: changes, by: user, now: now)
            } catch let error as DomainError where error.code == .ticketClosed {
                return Response.html(bytes: try detail { keepTyped(&$0); $0.panelError = error.message }.render(), status: 422)
            } catch let error where SaveFault.matches(error) {
                return try failed(error)
            }
            // The close asked with it is no panel's: said, and kept ticked for «Invia» (the
            // page answered «Nessuna modifica da salvare» and dropped the tick).
            if close, !ticket.status.isClosed, message.trimmingWhitespace().isEmpty, files.files.isEmpty {
                var saved = try page(context, try context.ticket(request), members: members)
                saved.listQuery = listQuery(form[listField])
                keepTyped(&saved)
                saved.keptNotice = Text.panelConfirmedNotClosed(changed: changed)
                return Response.html(bytes: saved.render())
            }
            guard !message.trimmingWhitespace().isEmpty || !files.files.isEmpty else {
                throw Redirect(to: "/ticket/\(ticket.number)?avviso=" + (changed ? "salvato" : "invariato") + listSuffix(form))
            }
            // "Conferma" saves the panel only: a reply typed meanwhile stays on the page, unsent.
            var saved = try page(context, try context.ticket(request), members: members)
            saved.listQuery = listQuery(form[listField])
            keepTyped(&saved)
            // Files alone were no "risposta che hai scritto" (the notice spoke of text never typed).
            saved.notice = message.trimmingWhitespace().isEmpty ? Text.panelSavedFilesKept : Text.panelSavedReplyKept
            return Response.html(bytes: saved.render())
        }
        if form["action"] == "preview" {
            let preview = MessageBody.html(MessageBody.stored(message, isMarkdown: isMarkdown))
            return Response.html(bytes: try detail { keepTyped(&$0); $0.preview = preview }.render())
        }
        // A message added to a closed ticket that stays closed changes nothing else of it.
        if close, ticket.status.isClosed, changes.priority != nil || changes.referentID != nil {
            return Response.html(bytes: try detail { keepTyped(&$0); $0.panelError = Text.panelClosed }.render(), status: 422)
        }
        var replyError = TicketForm.messageError(message, limit: TicketForm.descriptionLimit)
        // Closed since the page was drawn (by the desk, or a colleague): the reply would reopen
        // it, which the page never said. Held, with the text, on the page as it is now, which
        // says so: «Invia» again reopens it (it was reopened, and told only afterwards).
        let closedSinceSeen = replyError == nil && !close && ticket.status.isClosed && form["seen_closed"] == "0"
        if closedSinceSeen { replyError = Text.replyWouldReopen }
        var closeError: String?
        if close, !ticket.status.isClosed {
            let allowedFrom = closableFrom(ticket, services.config)
            if now < allowedFrom { closeError = Text.closeTooEarly(at: Clock.displayFrom(allowedFrom)) }
            // Someone wrote after the page was drawn (support asking to try something first):
            // the close waits until it is read (it closed the ticket past an unseen answer).
            if closeError == nil, let seen = form["seen_message"].flatMap({ Int64($0) }),
                let news = try TicketStore(services.database).messageAuthors(ticketID: ticket.id, after: seen, except: user.id)
                    .last(where: { !$0.isNote })
            {
                closeError = Text.closeAfterUnseenMessage(news.name)
            }
        }
        guard replyError == nil, closeError == nil, files.error == nil else {
            return Response.html(
                bytes: try detail { keepTyped(&$0); $0.replyError = replyError; $0.closeError = closeError }.render(),
                status: closedSinceSeen ? 409 : 422)
        }
        let outcome: TicketService.ReplyOutcome
        do {
            outcome = try Submission.once(key, userID: user.id, services, notice: "risposta") {
                try service.customerReply(
                    ticket, author: user, body: MessageBody.stored(message, isMarkdown: isMarkdown),
                    files: files.files, close: close, changes: changes, submission: key,
                    location: { "/ticket/\(ticket.number)?avviso=" + replyNotice($0) + listSuffix(form) }, now: now)
            }
        } catch let error as DomainError where error.code == .replyLimit {
            return Response.html(bytes: try detail { keepTyped(&$0); $0.replyError = error.message }.render(), status: 429)
        } catch let error where SaveFault.matches(error) {
            return try failed(error)
        }
        throw Redirect(to: "/ticket/\(ticket.number)?avviso=\(replyNotice(outcome))" + listSuffix(form))
    }

    static func replyNotice(_ outcome: TicketService.ReplyOutcome) -> String {
        switch outcome {
        case .replied: "risposta"
        case .closed: "chiuso"
        case .reopened: "riaperto"
        case .keptClosed: "aggiunto"
        }
    }

    /// "Priorità" and "Referente ticket" as the form sent them: the valid choices, and the
    /// reason for refusing one that is not (a "Bloccante" the customer may not choose, someone
    /// not of the company). A select left as the page showed it (`seen_…`) is no choice: an
    /// operator's "Bloccante" or a colleague's referent set meanwhile stays.
    /// A select changed on a page drawn before someone else changed it too is refused with
    /// what it became: saved, it silently undid an operator's "Bloccante" or a colleague's
    /// referent.
    static func panelChanges(_ form: FormData, _ ticket: TicketRecord, members: [(id: Int64, name: String)])
        -> (changes: TicketService.PanelChanges, error: String?)
    {
        var changes = TicketService.PanelChanges()
        var error: String?
        if let value = form["priority"], value != form["seen_priority"] {
            if let seen = form["seen_priority"], seen != ticket.priority.rawValue, value != ticket.priority.rawValue {
                error = Text.priorityChangedMeanwhile(ticket.priority.label)
            } else if let priority = Priority(rawValue: value), TicketRules.mayChangePriority(from: ticket.priority, to: priority) {
                changes.priority = priority
            } else {
                error = Priority(rawValue: value) == nil ? Text.priorityInvalid : Text.blockingNotAllowed
            }
        }
        // Empty: the ticket's referent is no longer one of the company's users (the page offers
        // them as "no longer in the company"), and nobody else was chosen.
        let referent = ticket.referentID.map(String.init) ?? ""
        if let value = form["referent"], !value.isEmpty, value != form["seen_referent"] {
            if let seen = form["seen_referent"], seen != referent, value != referent {
                let name = ticket.referentID.flatMap { id in members.first { $0.id == id }?.name } ?? Text.referentNobody
                error = error ?? Text.referentChangedMeanwhile(name)
            } else if let id = Int64(value), members.contains(where: { $0.id == id }) {
                changes.referentID = id
            } else {
                error = error ?? Text.referentInvalid
            }
        }
        return (changes, error)
    }

    /// Files go out through nginx (`X-Accel-Redirect`) only after this tenant check, always
    /// as downloads: never rendered inline, whatever they contain.
    static func download(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let ticket = try context.ticket(request)
        guard let id = request.pathID("id"),
            let file = try TicketStore(services.database).attachment(id: id, ticketID: ticket.id)
        else { throw HTTPError.notFound }
        return try TicketFileResponse.make(file)
    }

    /// POST /ticket/anteprima: the editor's Markdown as HTML, rendered as the thread will (the
    /// editor script loads a kept text with it).
    static func preview(_ request: Request, _ context: MemberContext) throws -> Response { preview(request) }

    /// POST /desk/anteprima: the same for the desk's "Nuovo ticket per un cliente", whose
    /// editor met the customers' 404 and showed a kept description's Markdown as typed marks.
    static func deskPreview(_ request: Request, _ context: OperatorContext) throws -> Response { preview(request) }

    static func preview(_ request: Request) -> Response {
        let form = request.form
        let text = String((form["text"] ?? "").prefix(TicketForm.descriptionLimit))
        let html = text.trimmingWhitespace().isEmpty ? "<p>" + Text.previewEmpty + "</p>" : MessageBody.html(text).html
        return Response.html(html)
    }
}
