import PortalCore
import PortalCrypto
import PortalDomain
import PortalHTTP
import PortalStore

/// GET and POST /desk/ticket/{number}: the operator's ticket page and its actions, and the
/// files of any message (notes included).
enum DeskTicketHandlers {
    static let notices = [
        "risposta": Text.deskReplySaved, "nota": Text.deskNoteSaved, "presa": Text.deskTaken, "assegnato": Text.deskAssigned,
        "stato": Text.deskStatusSaved, "in-coda": Text.deskUnassigned, "priorita": Text.deskPrioritySaved, "invariato": Text.deskNothingChanged,
        "area": Text.deskAreaSaved, "tipologia": Text.deskTypeSaved,
        "creato": Text.deskTicketCreatedForCustomer,
        "risposta-modifiche": Text.deskReplySaved + " " + Text.deskControlsSavedToo,
        "nota-modifiche": Text.deskNoteSaved + " " + Text.deskControlsSavedToo,
        "risposta-chiuso": Text.deskReplySaved + " " + Text.deskReplyKeptClosed,
    ]

    /// The reply's notices where no e-mail went (nobody of the company gets them, or the
    /// company is deactivated): saved in the ticket, as the warning above it says, not
    /// "inviata al cliente".
    static let notMailedNotices = [
        "risposta": Text.deskReplySavedNotMailed,
        "risposta-modifiche": Text.deskReplySavedNotMailed + " " + Text.deskControlsSavedToo,
        "risposta-chiuso": Text.deskReplySavedNotMailed + " " + Text.deskReplyKeptClosed,
    ]

    /// The notices after which the message's draft is done.
    static let messageNotices: Set<String> = ["risposta", "nota", "risposta-modifiche", "nota-modifiche", "risposta-chiuso"]

    /// Each button's notice on the page it leads to (the key of `notices`).
    static let actionNotices = [
        "reply": "risposta", "note": "nota", "take": "presa", "assign": "assegnato", "status": "stato", "priority": "priorita",
        "area": "area", "type": "tipologia",
    ]

    /// The queue's page a ticket was opened from ("Coda ticket" page 3 with its filters), in
    /// its address and its form: "Torna alla coda" goes back there, not to the first page.
    static let queueField = "coda"

    /// The queue's filters and page as sent (`RememberedFilters.carried`).
    static func queue(_ sent: String?) -> String? { RememberedFilters<DeskQuery>.carried(sent) }

    /// `coda=…`, the queue's filters and page in a ticket's address.
    static func queueParameter(_ queue: String) -> String { queueField + "=" + urlEncode(queue) }

    static func show(_ request: Request, _ context: OperatorContext) throws -> Response {
        // A reply sent after the session ended, kept (`KeptForms`): back as typed after the login.
        if let kept = try KeptForms.take(request, context.services, userID: context.user.id) {
            var page = try refill(request, context, kept.form)
            try KeptForms.forget(&page, request, kept)
            return page
        }
        let ticket = try context.ticket(request)
        var page = try DeskTicketHandlers.page(ticket, context, queue: queue(request.query[queueField]))
        let notMailed = page.nobodyMailed || page.companyDeactivated
        page.notice = request.query["avviso"].flatMap { (notMailed ? notMailedNotices[$0] : nil) ?? notices[$0] }
        page.draftSent = messageNotices.contains(request.query["avviso"] ?? "")
        page.createdByDesk = request.query["avviso"] == "creato"
        if let changed = SignedParameter.value("cambiato", in: request, userID: context.user.id, context.services), !changed.isEmpty {
            page.warning = Text.deskChangedMeanwhile(changed.split(separator: "|").map(String.init))
        }
        return Response.html(bytes: page.render())
    }

    /// The reply and the note refused for their token: the operator's session was replaced in
    /// another tab ("Esci" and a new login, which also cleared the browser's drafts), and the
    /// typed text was lost to the bare "modulo scaduto" page. Also a form kept when sent
    /// without a session (taken back by `show`). The page again with both texts
    /// and the controls as chosen, a fresh token, what changed since it was drawn; nothing is
    /// written, the files are chosen again (`KeptForms.refilled`).
    static func refill(_ request: Request, _ context: OperatorContext, _ kept: FormData) throws -> Response {
        let ticket = try context.ticket(request)
        var page = try DeskTicketHandlers.page(ticket, context, queue: queue(kept[queueField]))
        page.replyText = String((kept["reply"] ?? "").prefix(TicketForm.keptTextLimit))
        page.noteText = String((kept["note"] ?? "").prefix(TicketForm.keptTextLimit))
        page.chosen = changedControls(kept)
        page.pending = pending(kept).intersection(page.chosen.keys)
        page.submission = Submission.key(kept) ?? page.submission
        let changed = try changes(since: kept["seen"], ticket, context)
        page.warning = KeptForms.noticeWithoutFiles(kept) + (changed.isEmpty ? "" : " " + Text.deskChangedMeanwhile(changed))
        return Response.html(bytes: page.render())
    }

    /// `queue`: the queue's page it was opened from (`queue(_:)`), for "Torna alla coda".
    static func page(_ ticket: TicketRecord, _ context: OperatorContext, queue: String? = nil) throws -> DeskTicketPage {
        let database = context.services.database
        let store = TicketStore(database)
        let attachments = try store.attachmentsWithNotes(ticketID: ticket.id)
        let messages = try store.messagesWithNotes(ticketID: ticket.id)
        let thread = TicketThread(ticket: ticket, messages: messages, attachments: attachments, onDesk: true, replyAnchor: "reply")
        guard let company = try TenantStore(database).find(id: ticket.tenantID) else { throw HTTPError.notFound }
        let nobodyMailed = try DeskService(database: database, config: context.services.config).replyRecipients(ticket).isEmpty
        var page = DeskTicketPage(
            viewer: context.viewer, ticket: ticket, thread: thread.render(), attachments: attachments,
            operators: try DeskStore(database).operators(), company: company,
            members: try TenantStore(database).memberRows(tenantID: ticket.tenantID),
            otherOpen: try DeskStore(database).openTickets(tenantID: ticket.tenantID, except: ticket.id),
            lastMessage: messages.filter { $0.kind == .reply || $0.kind == .note }.map(\.id).max() ?? 0, viewerID: context.user.id,
            companyDeactivated: try TenantStore(database).isDeactivated(tenantID: ticket.tenantID), queue: queue)
        page.nobodyMailed = nobodyMailed
        let notes = Set(messages.filter { $0.kind == .note }.map(\.id))
        page.noteFiles = Set(attachments.filter { $0.messageID.map(notes.contains) ?? false }.map(\.id))
        return page
    }

    /// Every action of the page. A refusal shows the page again with what was typed; a
    /// success goes back to the page (or, when text typed in the other box would be lost,
    /// shows it again with that text). When the ticket changed since the page was drawn
    /// (another's reply, or a status, operator or priority), a reply or a note still lands
    /// (the desk issue: "no lost text, and the page says what changed") but the controls
    /// chosen with it on the old page are not applied: they come back as chosen, to confirm.
    /// The buttons that only change a control ("Prendi in carico", "Assegna", "Cambia stato",
    /// "Cambia priorità") are not done: the page comes back naming the changes, and pressing
    /// again does it, so nobody takes a ticket from a colleague or undoes their status unseen.
    /// Both are checked again inside the action's transaction, for two pressing at once.
    static func post(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        let form = request.form
        let ticket = try context.ticket(request)
        var desk = DeskService(database: services.database, config: services.config, clientIP: request.clientAddress)
        let now = services.now
        let action = form["action"] ?? ""
        let queue = DeskTicketHandlers.queue(form[queueField])
        var reply = String((form["reply"] ?? "").prefix(TicketForm.keptTextLimit))
        var note = String((form["note"] ?? "").prefix(TicketForm.keptTextLimit))
        // The form's key with what this press sends: the same press again (a double click, a
        // retry) finds the first; another text from the same page (a correction after the
        // browser's Back) is a press of its own.
        // A reply or a note sent again after the browser's Back (the form drawn anew, the text
        // filled in by the browser) is found as the first too.
        let text = action == "reply" || action == "note" ? action : nil
        let sent = Submission.pressKey(form, sameText: text.map { ("/desk/ticket/\(ticket.number)", [$0, "action"]) })
        /// The notice of a press already done (a double click, a retry), as the first one had it.
        func retriedNotice(_ notice: String) -> String {
            let edits = messageNotices.contains(notice) ? try? DeskTicketHandlers.edits(form, seen: form["seen"], desk) : nil
            // A reply from a page that showed the ticket open, which is closed now without
            // this press choosing it: the first press found it closed and left it so, and
            // the retry says so as the first answer did (it said only "Risposta inviata").
            if action == "reply", ticket.status == .closed, let edits, edits.error == nil, edits.controls.status == nil,
                DeskTicketPage.seenParts(form["seen"])?.first != TicketStatus.closed.rawValue
            {
                return "risposta-chiuso"
            }
            // A message's controls are said saved too when the ticket shows them: the first
            // press saved them ("Nota salvata." alone hid an "Area" it had changed).
            guard let edits, edits.error == nil, !edits.controls.isEmpty, edits.controls.areShown(by: ticket)
            else { return notice }
            return notice + "-modifiche"
        }
        if let notice = actionNotices[action], let location = try Submission.sentBefore(sent, userID: context.user.id, services) {
            let answered = retriedNotice(notice)
            // The same press again with the other box still typed (F5 on the page that kept
            // it, the browser sending the form again): that text comes back as the first
            // answer showed it; the redirect's page had the box empty and its draft done.
            if messageNotices.contains(notice) && !(action == "reply" ? note : reply).trimmingWhitespace().isEmpty {
                var again = try DeskTicketHandlers.page(try desk.ticket(number: ticket.number), context, queue: queue)
                if action == "reply" { again.noteText = note } else { again.replyText = reply }
                let notMailed = again.nobodyMailed || again.companyDeactivated
                again.notice = (notMailed ? notMailedNotices[answered] : nil) ?? notices[answered]
                again.warning = Text.deskTypedNotSent(reply: action != "reply", note: action == "reply")
                again.draftSent = true
                return Response.html(bytes: again.render())
            }
            throw Submission.redirect(to: location, notice: answered)
        }
        var changed = try DeskTicketHandlers.changes(since: form["seen"], ticket, context)
        var warning: String? { changed.isEmpty ? nil : Text.deskChangedMeanwhile(changed) }
        let uploads = Uploads(services: services, owner: context.current.user.id)
        /// The files sent, once read: a refusal keeps the good ones under «File già scelti», as
        /// the customers' forms do (the desk asked for all of them again).
        var collected: Uploads.Result?
        func files() throws -> Uploads.Result {
            if let collected { return collected }
            let files = try uploads.collect(form, field: "files", for: .company(ticket.tenantID, enforcingQuota: false))
            collected = files
            return files
        }
        /// The page again with everything typed and what went wrong; made only when needed.
        func refuse(status: Int = 422, _ mark: (inout DeskTicketPage) -> Void) throws -> Response {
            var page = try DeskTicketHandlers.page(try desk.ticket(number: ticket.number), context, queue: queue)
            page.replyText = reply
            page.noteText = note
            page.warning = warning
            page.chosen = DeskTicketHandlers.changedControls(form)
            // Still only for their own buttons, when the page had them so.
            page.pending = DeskTicketHandlers.pending(form).intersection(page.chosen.keys)
            page.submission = Submission.key(form) ?? page.submission
            mark(&page)
            // The files chosen come back chosen: not from a body cut past its limit (none is
            // whole), nor when saving failed (the storage may be what failed; the page says
            // the files are to be chosen again), and never at the cost of the page and its text.
            if status != 413, status < 500, let kept = try? files() {
                page.keptFiles = kept.files.map { (uploads.reference(for: $0), $0) }
                if page.fileError == nil { page.fileError = kept.error }
            }
            // "Correct the fields" only where a field was refused: not beside a server's fault,
            // a limit or a change saved with files left out.
            page.fieldsRefused = status == 422 || status == 413
            return Response.html(bytes: page.render(), status: status)
        }
        // Files past the 40 MB: the body was cut after the reply's text (the button, the note
        // and the controls come after the files and are lost with them): nothing is done,
        // the text comes back with why.
        if request.isTruncated { return try refuse(status: 413) { $0.fileError = Text.filesNotReceived(kept: 0) } }
        func stopped(_ changes: [String]) throws -> Response {
            try refuse(status: 409) {
                $0.warning = Text.deskChangedNotSaved(changes)
                // Chosen on a page the ticket had left behind: confirmed by their buttons only.
                $0.pending = Set($0.chosen.keys)
            }
        }
        let isMessage = action == "reply" || action == "note"
        if !changed.isEmpty && !isMessage { return try stopped(changed) }
        let seen = form["seen"], database = services.database
        let unchangedSincePage: (WriteTransaction) throws -> Void = { _ in
            guard let current = try TicketStore(database).find(number: ticket.number) else { return }
            let changes = try DeskTicketHandlers.changes(since: seen, current, context)
            if !changes.isEmpty { throw StaleTicket(changes: changes) }
        }
        // A message and the controls changed with it are one transaction: a worker killed
        // between the two acknowledged the message on the form's retry and lost the controls.
        // A reply is checked against the page as a whole (it takes and changes the ticket); a
        // note changes nothing the page showed and is saved whatever happened meanwhile, its
        // controls only when the page is still the ticket as it is (a colleague's change was
        // undone unseen otherwise). A message on a page already known to be stale goes without
        // its controls, unchecked.
        if action != "note" && changed.isEmpty { desk.precondition = unchangedSincePage }
        desk.submission = sent
        var notice: String
        do {
            switch action {
            case "reply", "note":
                let text = action == "reply" ? reply : note
                if let error = TicketForm.messageError(text, limit: TicketForm.descriptionLimit) {
                    return try refuse { if action == "reply" { $0.replyError = error } else { $0.noteError = error } }
                }
                // The vendor's answer is never refused for what the customer's company used.
                let files = try files()
                if let error = files.error { return try refuse { $0.fileError = error } }
                // The controls the operator changed go with the message, as on the customers' page.
                let edits = try DeskTicketHandlers.edits(form, seen: form["seen"], desk)
                if let error = edits.error { return try refuse { $0.controlError = error } }
                // The controls changed with it are named too: the operator sees they were saved.
                notice = actionNotices[action]! + (edits.controls.isEmpty || !changed.isEmpty ? "" : "-modifiche")
                let seenClosed = DeskTicketPage.seenParts(form["seen"])?.first == TicketStatus.closed.rawValue
                /// What the reply did to a ticket closed when it was saved.
                var closedTicket = DeskService.ClosedTicketReply.wasOpen
                /// The message, with its controls only when the page showed the ticket as it is.
                /// Returns what changed meanwhile when the note's controls were left out.
                func save(withControls: Bool) throws -> [String] {
                    try Submission.once(sent, userID: context.user.id, services, notice: notice) {
                        let controls = withControls ? edits.controls : DeskService.Controls()
                        if action == "reply" {
                            // "Nessun operatore" with a reply is "Non assegnato", told in its e-mail;
                            // a status chosen with it wins over the reply's own "taken, In attesa".
                            var others = controls
                            let status = others.status ?? (others.unassign ? .unassigned : nil)
                            // "Stato" left at "Chiuso" on a closed ticket's page: the reply goes
                            // and the ticket stays closed if it still is, as the page said. On a
                            // page that showed it open, no "Stato" applied: one closed since then
                            // stays closed too (the customer's «Chiudo io» is not undone by a
                            // page that never saw it), and the operator is told.
                            let keepsClosed = status == nil
                                && (!seenClosed || form["status"] == TicketStatus.closed.rawValue)
                            others.status = nil
                            others.unassign = false
                            closedTicket = try desk.reply(
                                ticket, by: context.user, body: text, files: files.files, status: status, keepsClosed: keepsClosed,
                                controls: others, now: now)
                            return []
                        }
                        var meanwhile: [String] = []
                        let stillAsSeen: (WriteTransaction) throws -> Bool = { tx in
                            do {
                                try unchangedSincePage(tx)
                                return true
                            } catch let race as StaleTicket {
                                meanwhile = race.changes
                                return false
                            }
                        }
                        try desk.note(ticket, by: context.user, body: text, files: files.files, controls: controls,
                                      stillAsSeen: stillAsSeen, now: now)
                        return meanwhile
                    }
                }
                var controlsLeft: [String]
                do {
                    controlsLeft = try save(withControls: changed.isEmpty)
                } catch let race as StaleTicket {
                    // A colleague's change landed between the first look and the transaction.
                    changed = race.changes
                    desk.precondition = nil
                    controlsLeft = try save(withControls: false)
                } catch let refused as DomainError where refused.code == .invalidInput {
                    // "Assegna a" named an operator deactivated meanwhile: nothing was saved,
                    // and the page keeps what was typed.
                    return try refuse { $0.controlError = ("assignee", refused.message) }
                } catch let refused as DomainError where refused.code == .replyLimit {
                    return try refuse(status: 429) { $0.replyError = refused.message }
                }
                if action == "reply" { reply = "" } else { note = "" }
                // Closed since the page was drawn (its `seen` status was another): said, as the
                // closing is named among the changes.
                let closedMeanwhile = closedTicket == .keptClosed && !seenClosed
                if closedMeanwhile { notice = "risposta-chiuso" }
                // Saved whatever changed meanwhile, but the controls chosen with it on the old
                // page are not applied: they come back as chosen, with what changed.
                if !changed.isEmpty { controlsLeft = changed }
                let current = controlsLeft.isEmpty ? nil : try desk.ticket(number: ticket.number)
                let chosen = current.map { DeskTicketHandlers.stillToChoose(form, current: $0) } ?? [:]
                if let current, !chosen.isEmpty {
                    var again = try DeskTicketHandlers.page(current, context, queue: queue)
                    again.replyText = reply
                    again.noteText = note
                    again.chosen = chosen
                    again.pending = Set(chosen.keys)
                    // The other box's text, still typed, is said unsent here too.
                    let replyLeft = !reply.trimmingWhitespace().isEmpty, noteLeft = !note.trimmingWhitespace().isEmpty
                    again.warning = Text.deskMessageSavedControlsNot(
                        isReply: action == "reply", controlsLeft, controls: DeskTicketHandlers.controlLabels(again.chosen))
                        + (closedMeanwhile ? " " + Text.deskReplyKeptClosed : "")
                        + (replyLeft || noteLeft ? " " + Text.deskTypedNotSent(reply: replyLeft, note: noteLeft) : "")
                    again.draftSent = true
                    return Response.html(bytes: again.render())
                }
            case "take":
                notice = actionNotices[action]!
                try Submission.once(sent, userID: context.user.id, services, notice: notice) {
                    try desk.take(ticket, by: context.user, now: now)
                }
            case "assign", "status", "priority", "area", "type":
                // The one control of the button, compared with the ticket as it is now.
                let field = controlField(action)
                var edits = try DeskTicketHandlers.edits(form, seen: DeskTicketPage.seen(ticket, lastMessage: 0), desk, only: field)
                if field == "assignee" && edits.controls.assignee == nil && !edits.controls.unassign && edits.error == nil {
                    // Pressed with the select as it came (the ticket's own operator) or an unknown one.
                    let holder = try ticket.operatorID.flatMap { try UserStore(services.database).find(id: $0) }
                    let message: String
                    if ticket.operatorID == nil {
                        message = Text.deskAlreadyUnassigned
                    } else if let holder, form["assignee"] == String(holder.id) {
                        message = Text.deskAlreadyAssigned(holder.displayName)
                    } else {
                        message = Text.deskUnknownOperator
                    }
                    edits.error = ("assignee", message)
                }
                if edits.controls.unassign && ticket.status.isClosed { edits.error = ("assignee", Text.deskUnassignClosed) }
                if let error = edits.error { return try refuse { $0.controlError = error } }
                // Back in the queue is said as such ("Stato cambiato." answered "Nessun
                // operatore"); the value the ticket already had is no change ("Priorità
                // cambiata." was said, nothing changed).
                notice = edits.controls.isEmpty ? "invariato" : edits.controls.unassign ? "in-coda" : actionNotices[action]!
                try Submission.once(sent, userID: context.user.id, services, notice: notice) {
                    try desk.apply(edits.controls, to: ticket, by: context.user, now: now)
                }
            default:
                throw HTTPError.badRequest("unknown desk action")
            }
        } catch let stale as StaleTicket {
            return try stopped(stale.changes)
        } catch let error where SaveFault.matches(error) {
            // The desk keeps no files across a refusal: any sent are chosen again.
            let failure = SaveFault.failure(error, request, received: 0)
            return try refuse(status: SaveFault.status) { $0.failure = failure }
        }
        // Text still typed in a box this action did not send is shown again, not dropped; after
        // a control's button ("Cambia stato"…) it is said unsent, and files chosen with it lost
        // (they went without a word, the page looking as if the reply was on its way).
        let replyLeft = !reply.trimmingWhitespace().isEmpty, noteLeft = !note.trimmingWhitespace().isEmpty
        let byControl = !messageNotices.contains(notice)
        let filesLeft = byControl && form.files.contains { !$0.bytes.isEmpty }
        // The other selects changed with a control's button: only its own was saved; they come
        // back as chosen, said so (they were reset without a word).
        // "Prendi in carico" applies none of the selects (it takes the ticket as "In attesa").
        let saved: Set<String> = action == "take" ? [] : [controlField(action)]
        // After a message, the controls a stale page left for their own buttons (not sent with
        // it) come back still to confirm: the redirect's page showed them reset without a word.
        let pending = DeskTicketHandlers.pending(form)
        let pendingLeft = byControl || pending.isEmpty
            ? [:]
            : DeskTicketHandlers.stillToChoose(form, current: try desk.ticket(number: ticket.number)).filter { pending.contains($0.key) }
        let controlsLeft = byControl ? DeskTicketHandlers.changedControls(form).filter { !saved.contains($0.key) } : pendingLeft
        if replyLeft || noteLeft || filesLeft || !controlsLeft.isEmpty {
            var again = try DeskTicketHandlers.page(try desk.ticket(number: ticket.number), context, queue: queue)
            again.replyText = reply
            again.noteText = note
            again.notice = notices[notice]
            // After a message, the other box's text is said unsent too: "Nota interna salvata."
            // alone read as if the reply typed beside it had gone to the customer.
            let unsent = replyLeft || noteLeft ? Text.deskTypedNotSent(reply: replyLeft, note: noteLeft) : nil
            let left = DeskTicketHandlers.controlLabels(controlsLeft)
            again.chosen = controlsLeft
            // Those a stale page had left for their own buttons stay so.
            again.pending = pending.intersection(controlsLeft.keys)
            let others = left.isEmpty ? nil : byControl ? Text.deskOtherControlsNotSaved(left) : Text.deskPendingControls(left)
            // Files chosen with a control's button wait, kept, for the reply or the note: said
            // with the other warnings, not as the file field's error (nothing is wrong with it).
            var filesWaiting: String?
            if filesLeft, let kept = try? files() {
                again.keptFiles = kept.files.map { (uploads.reference(for: $0), $0) }
                again.fileError = kept.error
                if !kept.files.isEmpty { filesWaiting = Text.deskFilesNotSent }
            }
            let warnings = [warning, unsent, others, filesWaiting].compactMap { $0 }
            again.warning = warnings.isEmpty ? nil : warnings.joined(separator: " ")
            // The sent message's draft is done; the browser keeps what is still typed anew.
            again.draftSent = messageNotices.contains(notice)
            return Response.html(bytes: again.render())
        }
        let page = "/desk/ticket/\(ticket.number)"
        var query = changed.isEmpty
            ? "?avviso=\(notice)"
            : SignedParameter.query(
                path: page, notice: notice, "cambiato", changed.joined(separator: "|"), userID: context.user.id, context.services)
        if let queue { query += "&" + queueParameter(queue) }
        throw Redirect(to: page + query)
    }

    /// What changed since the page that sent `seen` was drawn, in words: its controls, and the
    /// replies and notes written since by anyone but the operator pressing (their own earlier
    /// message is no news to them).
    static func changes(since seen: String?, _ ticket: TicketRecord, _ context: OperatorContext) throws -> [String] {
        let newMessages = try DeskTicketPage.seenMessage(seen).map {
            try TicketStore(context.services.database).messageAuthors(ticketID: ticket.id, after: $0, except: context.user.id)
        } ?? []
        return DeskTicketPage.changes(seen: seen, now: ticket, newMessages: newMessages)
    }

    /// The ticket changed between the page and the action's transaction.
    struct StaleTicket: Error {
        let changes: [String]
    }

    /// What the operator changed in "Assegna a", "Stato", "Priorità", "Area" and "Tipologia"
    /// compared with what the page showed (`seen`): only those are applied with a message, so a change made by
    /// someone else meanwhile is never undone by a stale select.
    struct Edits {
        var controls = DeskService.Controls()
        var error: (field: String, message: String)?
    }

    /// The labels of the controls among `chosen` (by field name), in the page's order.
    static func controlLabels(_ chosen: [String: String]) -> [String] {
        [("assignee", Text.deskAssign), ("status", Text.deskState), ("priority", Text.priority), ("area", Text.deskArea),
         ("type", Text.deskType)].filter { chosen[$0.0] != nil }.map(\.1)
    }

    /// The select a control's button saves ("assign" saves "assignee").
    static func controlField(_ action: String) -> String { action == "assign" ? "assignee" : action }

    /// The controls whose value differs from what the page showed (`seen`), by field name.
    static func changedControls(_ form: FormData) -> [String: String] {
        guard let parts = DeskTicketPage.seenParts(form["seen"]) else { return [:] }
        var changed: [String: String] = [:]
        for (index, field) in seenFields {
            if let value = form[field], value != parts[index] { changed[field] = value }
        }
        return changed
    }

    /// `seen`'s parts by field (the fourth is the newest reply). A page drawn before area and
    /// type were part of `seen` has no such selects either.
    static let seenFields = [(0, "status"), (1, "assignee"), (2, "priority"), (4, "area"), (5, "type")]

    /// The controls changed on the page that the ticket does not have now: «Chiuso» chosen
    /// with a reply while the customer closed it was said "not saved, press its button",
    /// about a ticket already as chosen.
    static func stillToChoose(_ form: FormData, current: TicketRecord) -> [String: String] {
        guard let parts = DeskTicketPage.seenParts(DeskTicketPage.seen(current, lastMessage: 0)) else { return [:] }
        var chosen = changedControls(form)
        for (index, field) in seenFields where chosen[field] == parts[index] { chosen[field] = nil }
        return chosen
    }

    /// The controls a page shows as chosen but not saved (a stale page's, `pendingField`): they
    /// go only with their own buttons. Sent with a message, they reopened a ticket the customer
    /// had closed meanwhile, after the page had said the choice was not saved.
    static func pending(_ form: FormData) -> Set<String> {
        Set((form[pendingField] ?? "").split(separator: " ").map(String.init))
    }

    static let pendingField = "pending"

    /// `only`: the one control of a control's button; otherwise a message's, without those
    /// still `pending`.
    static func edits(_ form: FormData, seen: String?, _ desk: DeskService, only: String? = nil) throws -> Edits {
        var edits = Edits()
        guard let parts = DeskTicketPage.seenParts(seen) else { return edits }
        let skipped = only == nil ? pending(form) : []
        func wanted(_ field: String) -> String? { (only == nil || only == field) && !skipped.contains(field) ? form[field] : nil }
        /// A select of a list, when changed from what the page showed (`seen`'s part `index`);
        /// a value not of the list is the edit's error, and the first error stops the rest.
        func pick<T>(_ field: String, seenAt index: Int, _ parse: (String) -> T?, _ message: String) -> T? {
            guard edits.error == nil, let value = wanted(field), value != parts[index] else { return nil }
            guard let parsed = parse(value) else {
                edits.error = (field, message)
                return nil
            }
            return parsed
        }
        edits.controls.status = pick("status", seenAt: 0, TicketStatus.init(rawValue:), Text.deskUnknownStatus)
        if edits.error != nil { return edits }
        if let value = wanted("assignee"), value != parts[1], value.isEmpty, !parts[1].isEmpty {
            edits.controls.unassign = true
        } else if let value = wanted("assignee"), value != parts[1], !value.isEmpty || only != nil {
            guard let id = Int64(value), let assignee = try? desk.agent(id: id) else {
                edits.error = ("assignee", Text.deskUnknownOperator)
                return edits
            }
            edits.controls.assignee = assignee
        }
        edits.controls.priority = pick("priority", seenAt: 2, Priority.init(rawValue:), Text.deskUnknownPriority)
        edits.controls.area = pick("area", seenAt: 4, RequestArea.init(rawValue:), Text.deskUnknownArea)
        edits.controls.requestType = pick("type", seenAt: 5, RequestType.init(rawValue:), Text.deskUnknownType)
        if edits.error != nil { return edits }
        // Back in the queue is "Non assegnato": another status with it says two things at once.
        if edits.controls.unassign, let status = edits.controls.status, status != .unassigned {
            edits.error = ("assignee", Text.deskUnassignWithStatus)
        }
        // And the mirror: an operator named with "Non assegnato" was taken off the ticket and
        // given it again in one press, four lines in the thread and an e-mail about nothing.
        if edits.controls.assignee != nil, edits.controls.status == .unassigned {
            edits.error = ("status", Text.deskUnassignedWithAssignee)
        }
        return edits
    }

    /// Any file of the ticket, through nginx after this check, always as a download.
    static func download(_ request: Request, _ context: OperatorContext) throws -> Response {
        let ticket = try context.ticket(request)
        guard let id = request.pathID("id"),
            let file = try TicketStore(context.services.database).attachmentsWithNotes(ticketID: ticket.id).first(where: { $0.id == id })
        else { throw HTTPError.notFound }
        return try TicketFileResponse.make(file)
    }
}

extension OperatorContext {
    /// Any company's ticket with the number in the path.
    func ticket(_ request: Request) throws -> TicketRecord {
        guard let number = request.pathID("number"),
            let ticket = try TicketStore(services.database).find(number: number)
        else { throw HTTPError.notFound }
        return ticket
    }
}
