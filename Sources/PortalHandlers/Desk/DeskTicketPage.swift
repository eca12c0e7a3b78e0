import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// The operator's ticket page: the whole conversation with the internal notes, "Rispondi al
/// cliente" and "Nota interna", and beside it the ticket's controls ("Prendi in carico",
/// "Assegna a", "Stato", "Priorità", "Area", "Tipologia") and the company at a glance. One form (`desk-form`)
/// carries everything, so whatever was typed survives any refusal.
struct DeskTicketPage {
    var viewer: Viewer
    var ticket: TicketRecord
    var thread: Node
    var attachments: [TicketAttachment]
    /// The ids of the files sent with internal notes, which the customer never sees.
    var noteFiles: Set<Int64> = []
    var operators: [(id: Int64, name: String)]
    var company: TenantRecord
    var members: [TenantStore.MemberRow]
    var otherOpen: [TicketSummary]
    /// The newest reply of the thread (either side's), part of what the operator saw.
    /// The newest reply or note the page shows.
    var lastMessage: Int64 = 0
    /// The operator looking: "Prendi in carico" is not offered on a ticket already theirs.
    var viewerID: Int64 = 0
    /// The vendor deactivated the company: its people can neither enter nor be e-mailed, and
    /// a reply said "inviata al cliente" all the same.
    var companyDeactivated = false
    /// Nobody of the company hears of a reply by e-mail (`DeskService.replyRecipients`): its
    /// people left or chose none, and no colleague follows it. The desk said "Risposta inviata
    /// al cliente" and nothing went.
    var nobodyMailed = false
    /// The form's key (`Submission`): a reply sent twice (a double click, a retry) lands once.
    var submission = Submission.newKey()
    var replyText = ""
    var noteText = ""
    var replyError: String?
    var noteError: String?
    var fileError: String?
    /// Files chosen with a refused press, chosen again under «File già scelti».
    var keptFiles: [(reference: String, file: NewAttachment)] = []
    var controlError: (field: String, message: String)?
    /// The panel's selects as the operator changed them in a form the page
    /// comes back with (an empty reply): shown again, so that sending it once corrected still
    /// makes the changes. Only the changed ones: the others show the ticket as it is now.
    var chosen: [String: String] = [:]
    /// Of `chosen`, those a stale page could not save: applied only by their own buttons.
    var pending: Set<String> = []
    var notice: String?
    var warning: String?
    /// The save failed for the server's reasons (`SaveFault`).
    var failure: String?
    /// The queue's filters and page it was opened from (`DeskTicketHandlers.queue`).
    var queue: String?
    /// The form's draft is done (`assets/drafts.js`): the server has just saved its message.
    var draftSent = false
    /// The desk has just opened this ticket for its customer: the draft of that company's
    /// "Nuovo ticket per un cliente" is done too.
    var createdByDesk = false

    /// The press was refused for what its fields hold (`DeskTicketHandlers` sets it): said at
    /// the top as well as beside the field.
    var fieldsRefused = false

    func render() -> [UInt8] {
        TicketPageFrame.render(
            ticket, viewer: viewer, currentPath: "/desk/", heading: "#\(ticket.number) \(ticket.title)", headingHasTitle: true
        ) {
            el("div", ["class": "toolbar"]) {
                el("a", ["class": "button", "href": queue.map { "/desk/?" + $0 } ?? "/desk/"]) { Text.deskBackToQueue }
                FormField.refreshButton(
                    Text.refresh, path: "/desk/ticket/\(ticket.number)", fields: queue.map { [(DeskTicketHandlers.queueField, $0)] } ?? [],
                    className: "button refresh-link")
                // Below 900 pixels the controls come after the whole conversation and both
                // boxes ("Prendi in carico" 2,500 pixels down on a tablet).
                el("a", ["class": "button jump-to-panel", "href": "#desk-controls"]) { Text.deskJumpToControls }
            }
            if companyDeactivated {
                FormField.notice(Text.deskCompanyDeactivated, kind: "warning")
            } else if nobodyMailed {
                FormField.notice(Text.deskNobodyMailed, kind: "warning")
            }
            if let warning { FormField.notice(warning, kind: "warning") }
            if let failure { FormField.notice(failure, kind: "error") }
            // A refusal beside a field far down the page (a file too large, a state that goes
            // with no other) was the only word: nothing at the top said the message was not sent.
            if fieldsRefused { FormField.notice(Text.formHasErrors, kind: "error") }
            if let notice { FormField.notice(notice, kind: "success") }
        } chat: {
            thread
            forms
        } panel: {
            el("aside", ["class": "card ticket-panel", "id": "desk-controls", "tabindex": "-1", "aria-label": Text.ticketInfoTitle]) {
                controls
                facts
                glance
            }
        }
    }

    var forms: Node {
        // The two texts are kept in the browser while typing (a session that ended in another
        // tab answers 404 here and keeps nothing); never the controls, which a draft would
        // bring back stale.
        el("form", ["id": "desk-form", "class": "form", "method": "post", "action": "/desk/ticket/\(ticket.number)",
                    "enctype": "multipart/form-data", "novalidate": "novalidate", "data-draft-owner": viewer.draftOwner,
                    "data-draft-only": "reply note", "data-draft-sent": draftSent ? "/desk/ticket/\(ticket.number)" : createdByDesk ? DeskNewTicketHandlers.path(ticket.tenantID) : nil]) {
            FormField.csrf(viewer.csrfToken)
            // Whose texts these are: refused for its token, the form comes back only to them.
            KeptForms.ownerHidden(viewer)
            DraftForm.config
            // What the operator saw: a change by someone else meanwhile stops the action once
            // and is named on the page that comes back.
            FormField.hidden("seen", DeskTicketPage.seen(ticket, lastMessage: lastMessage))
            Submission.hidden(submission)
            if let queue { FormField.hidden(DeskTicketHandlers.queueField, queue) }
            if !pending.isEmpty { FormField.hidden(DeskTicketHandlers.pendingField, pending.sorted().joined(separator: " ")) }
            el("div", ["class": "reply-form"]) {
                // What a reply does to a closed ticket, said before it is sent.
                FormField.textarea(id: "reply", label: Text.deskReply, value: replyText, error: replyError,
                                   hint: ticket.status == .closed ? Text.deskReplyClosedHint : nil, rows: 6,
                                   maxLength: TicketForm.descriptionLimit)
                FileFields.render(field: "files", label: Text.attachFiles, hint: Text.attachmentsHint + " " + Text.deskFilesGoWith,
                                  kept: keptFiles, error: fileError)
                el("div", ["class": "form-actions"]) {
                    el("button", ["class": "button button--primary", "type": "submit", "name": "action", "value": "reply"]) {
                        Text.deskSendReply
                    }
                }
            }
            el("div", ["class": "reply-form note-form"]) {
                FormField.textarea(id: "note", label: Text.deskNote, value: noteText, error: noteError, hint: Text.deskNoteHint,
                                   rows: 3, maxLength: TicketForm.descriptionLimit)
                el("div", ["class": "form-actions"]) {
                    el("button", ["class": "button", "type": "submit", "name": "action", "value": "note"]) { Text.deskSaveNote }
                }
            }
        }
    }

    var controls: Node {
        el("div", ["class": "desk-actions"]) {
            if ticket.operatorID != nil && ticket.operatorName != nil {
                el("p") { "\(Text.deskOperator): " ; el("strong") { ticket.operatorName ?? "" } }
            } else {
                el("p") { "\(Text.deskOperator): "; el("strong") { Text.noOperator } }
            }
            if ticket.operatorID != viewerID {
                el("button", ["class": "button button--primary", "type": "submit", "form": "desk-form", "name": "action", "value": "take"]) {
                    Text.deskTake
                }
            }
            el("p", ["class": "muted"]) { Text.deskControlsHint }
            control("assignee", Text.deskAssign, assigneeOptions,
                    selected: chosen["assignee"] ?? ticket.operatorID.map(String.init) ?? "", action: "assign", button: Text.deskAssignButton)
            control("status", Text.deskState, TicketStatus.allCases.map { ($0.rawValue, $0.label) },
                    selected: chosen["status"] ?? ticket.status.rawValue, action: "status", button: Text.deskStatusButton)
            control("priority", Text.priority, Priority.allCases.map { ($0.rawValue, $0.label) },
                    selected: chosen["priority"] ?? ticket.priority.rawValue, action: "priority", button: Text.deskPriorityButton)
            // A request filed under the wrong area or type is moved where it belongs.
            control("area", Text.deskArea, RequestArea.allCases.map { ($0.rawValue, $0.shortLabel) },
                    selected: chosen["area"] ?? ticket.area.rawValue, action: "area", button: Text.deskAreaButton)
            control("type", Text.deskType, RequestType.allCases.map { ($0.rawValue, $0.label) },
                    selected: chosen["type"] ?? ticket.requestType.rawValue, action: "type", button: Text.deskTypeButton)
        }
    }

    /// "Nessun operatore", the active operators, and the ticket's own operator when no longer
    /// active (a closed ticket keeps them): shown as the current choice, so that a reply or a
    /// note sent from this page never reads "Nessun operatore" and sends the ticket back.
    var assigneeOptions: [(String, String)] {
        var options = [("", Text.noOperator)] + operators.map { (String($0.id), $0.name) }
        if let current = ticket.operatorID, !operators.contains(where: { $0.id == current }) {
            options.append((String(current), Text.operatorNoLongerActive(ticket.operatorName ?? "")))
        }
        return options
    }

    /// A labelled select of the panel with the button that saves it alone.
    func control(_ id: String, _ label: String, _ options: [(String, String)], selected: String, action: String, button: String)
        -> Node
    {
        el("div", ["class": "inline"]) {
            DeskForm.select(id: id, label: label, options: options, selected: selected, form: "desk-form",
                            error: controlError?.field == id ? controlError?.message : nil)
            el("button", ["class": "button", "type": "submit", "form": "desk-form", "name": "action", "value": action]) { button }
        }
    }

    var facts: Node {
        el("dl", ["class": "facts"]) {
            fact(Text.ticketCode, String(ticket.number))
            fact(Text.requesterFull, ticket.requesterName)
            fact(Text.ticketContact, ticket.contactLine)
            fact(Text.referent, referent)
            fact(Text.ticketCreated, Clock.display(ticket.createdAt))
            fact(Text.ticketUpdated, Clock.display(ticket.updatedAt))
            if let due = ticket.dueAt {
                fact(Text.deskDue, ticket.dueKind.label + " " + Text.dueBy(Clock.display(due)))
            } else if ticket.status == .postponed {
                fact(Text.deskDue, Text.duePaused)
            }
            if !ticket.technicalDetails.isEmpty { fact(Text.technicalDetails, ticket.technicalDetails) }
        }
    }

    var glance: Node {
        el("section", ["class": "attachments company-glance", "aria-labelledby": "company-glance"]) {
            el("h2", ["id": "company-glance"]) { Text.deskCompanyGlance }
            el("p") {
                el("strong") { company.name }
                " · \(Text.companyVATShort) \(company.vat)"
            }
            el("h3") { Text.deskCompanyUsers }
            el("ul") {
                for member in members {
                    el("li") {
                        "\(member.displayName.isEmpty ? member.email : member.displayName) (\(member.role.label)) – \(member.email)"
                    }
                }
            }
            el("h3") { Text.deskOtherOpen }
            if otherOpen.isEmpty {
                el("p", ["class": "muted"]) { Text.deskNoOtherOpen }
            } else {
                el("ul") {
                    for other in otherOpen.prefix(DeskStore.otherOpenLimit) {
                        el("li") {
                            el("a", ["href": "/desk/ticket/\(other.number)"]) { "#\(other.number) \(other.title)" }
                            " – \(other.status.label)"
                        }
                    }
                }
                // The list stops at its limit: the queue, filtered by the company, has them all.
                if otherOpen.count > DeskStore.otherOpenLimit {
                    el("p") { el("a", ["href": allOpenOfCompany]) { Text.deskAllOpenOfCompany } }
                }
            }
            // The ticket's own files, a level of their own: an h3 here listed them under the
            // company in a screen reader's outline.
            el("h2") { Text.attachments }
            if attachments.isEmpty {
                el("p", ["class": "muted"]) { Text.noAttachments }
            } else {
                // Folded: each file is a link in the thread already, by its message; opened, they
                // are all here at a glance (the notes' too). Shown twice, a file's name was two
                // links for a lookup by that name.
                el("details", ["class": "ticket-files"]) {
                    el("summary") { Text.deskAllFiles(attachments.count) }
                    TicketThread.fileList(attachments, base: "/desk/ticket/\(ticket.number)", notes: noteFiles)
                }
            }
        }
    }

    /// "Coda ticket" filtered by this company, open tickets (the queue's default state).
    var allOpenOfCompany: String {
        var query = DeskQuery()
        query.company = company.vat
        return "/desk/?" + query.queryString(page: 1)
    }

    /// One who left the company is marked, as on the customer's page: nobody follows the ticket
    /// through them any more.
    var referent: String {
        guard let name = ticket.referentName else { return "–" }
        guard let id = ticket.referentID, !members.contains(where: { $0.userID == id }) else { return name }
        return Text.referentGone(name)
    }

    func fact(_ term: String, _ value: String) -> Node {
        Node.group([el("dt") { term }, el("dd") { value }])
    }

    /// Status, operator, priority, the newest reply's id, area and type as the page showed them.
    static func seen(_ ticket: TicketRecord, lastMessage: Int64) -> String {
        "\(ticket.status.rawValue)|\(ticket.operatorID.map(String.init) ?? "")|\(ticket.priority.rawValue)|\(lastMessage)"
            + "|\(ticket.area.rawValue)|\(ticket.requestType.rawValue)"
    }

    /// `seen` read back: status, operator, priority, the newest reply, area and type (empty
    /// in a page drawn before they were part of it), or nil when it is not one.
    static func seenParts(_ seen: String?) -> [String]? {
        let parts = (seen ?? "").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 3: return parts + ["", "", ""]
        case 4: return parts + ["", ""]
        case 6: return parts
        default: return nil
        }
    }

    /// The newest reply or note the operator saw, when the page said.
    static func seenMessage(_ seen: String?) -> Int64? { seenParts(seen).flatMap { Int64($0[3]) } }

    /// What changed between what the operator saw and the ticket now, in words: the controls,
    /// then who replied or wrote a note since (`newMessages`, their authors' names).
    static func changes(seen: String?, now ticket: TicketRecord, newMessages: [(name: String, isNote: Bool)]) -> [String] {
        guard let parts = seenParts(seen) else { return [] }
        var changes: [String] = []
        if parts[0] != ticket.status.rawValue { changes.append(Text.eventStatus(ticket.status.label)) }
        if parts[1] != (ticket.operatorID.map(String.init) ?? "") {
            changes.append("\(Text.deskOperator): \(ticket.operatorName.flatMap { $0.isEmpty ? nil : $0 } ?? Text.noOperator)")
        }
        if parts[2] != ticket.priority.rawValue { changes.append(Text.eventPriority(ticket.priority.label)) }
        if !parts[4].isEmpty && parts[4] != ticket.area.rawValue { changes.append(Text.eventArea(ticket.area.shortLabel)) }
        if !parts[5].isEmpty && parts[5] != ticket.requestType.rawValue { changes.append(Text.eventType(ticket.requestType.label)) }
        // Once per author and kind: three notes of one colleague read as one line, not three.
        for message in newMessages {
            let line = message.isNote ? Text.deskNewNote(message.name) : Text.deskNewReply(message.name)
            if !changes.contains(line) { changes.append(line) }
        }
        return changes
    }
}
