import PortalCore
import PortalDomain
import PortalHTML
import PortalHTTP
import PortalStore

/// "Informazioni Ticket": the chat-style thread with the reply box, and the right-hand
/// panel of facts with Referente and Priorità, saved by "Conferma" or with the reply.
struct TicketDetailPage {
    var viewer: Viewer
    var ticket: TicketRecord
    /// `TicketThread` and `TicketPanel`, rendered or kept by the worker's `FragmentCache`.
    var thread: Node
    /// The id of the thread's newest message (`seen_message`).
    var newestMessageID: Int64?
    var panel: Node
    var canReply: Bool
    var replyText = ""
    /// A reply refused because the ticket's 15 days ran out while it was typed: shown to be
    /// copied into a new request (it was dropped without a word); `text` empty when none was typed.
    var unsentReply: (text: String, withFiles: Bool)?
    /// The reply form's key (`Submission`).
    var submission = Submission.newKey()
    var replyError: String?
    /// "Chiudere il ticket all'invio del messaggio" ticked before the ticket may be closed.
    var closeError: String?
    /// A new ticket's first moment of closing, said beside the box before anyone ticks it in
    /// vain (the reply came back refused with the time); nil once it may be closed.
    var closableFrom: Timestamp?
    var fileError: String?
    var panelError: String?
    var keptFiles: [(reference: String, file: NewAttachment)] = []
    var preview: TrustedHTML?
    var notice: String?
    /// The forms whose drafts the browser may drop (`assets/drafts.js`): those the server has
    /// just accepted. Dropped on the answer, not on pressing: a refused form keeps its draft.
    var draftsSent: [String] = []
    /// Why the reply is back filled in (`KeptForms`).
    var keptNotice: String?
    /// The save failed for the server's reasons (`SaveFault`).
    var failure: String?
    var closeChecked = false
    /// When the page is drawn: a deadline already passed is said to be late, not promised.
    var now: Timestamp = 0
    /// The list's filters and page the ticket was opened from (`TicketDetailHandlers.listQuery`):
    /// "Torna all'elenco" goes back there, not to the first page.
    var listQuery: String?

    func render() -> [UInt8] {
        TicketPageFrame.render(
            ticket, viewer: viewer, currentPath: "/ticket", heading: "\(Text.ticketInfoTitle) #\(ticket.number)"
        ) {
            el("div", ["class": "toolbar"]) {
                el("a", ["class": "button", "href": "/ticket" + (listQuery.map { "?" + $0 } ?? "")]) { Text.backToList }
                // Just before its label: the keyboard reaches it in the order the buttons are
                // seen (first in the page, it came before "Torna all'elenco"). The stylesheet
                // reads its state with :has().
                el("span", ["class": "toggle-pair"]) {
                    el("input", ["type": "checkbox", "id": "chat-toggle", "class": "chat-toggle"])
                    el("label", ["class": "button", "for": "chat-toggle"]) { Text.toggleChat }
                }
                // With the list's address, as the desk's: "Torna all'elenco" after it led to page 1.
                FormField.refreshButton(
                    Text.refresh, path: "/ticket/\(ticket.number)", fields: listQuery.map { [(TicketDetailHandlers.listField, $0)] } ?? [],
                    className: "button refresh-link")
            }
            if let notice { FormField.notice(notice, kind: "success") }
            if let keptNotice { FormField.notice(keptNotice, kind: "warning") }
            if let failure { FormField.notice(failure, kind: "error") }
            if ticket.firstAnsweredAt == nil, let due = ticket.dueAt {
                el("p", ["class": "expected-answer"]) {
                    due > now ? Text.expectedAnswer(Clock.display(due)) : Text.expectedAnswerLate(Clock.display(due))
                }
            }
        } chat: {
            thread
            replyBox
        } panel: {
            panelBox
        }
    }

    /// Whether the reply box shows nothing the user typed or chose, nor an error: then it is
    /// the same for everyone but the CSRF token, and its fields are rendered once per process
    /// (a new ticket's closing hint names its own time: not kept).
    var isPristine: Bool {
        replyText.isEmpty && replyError == nil && closeError == nil && fileError == nil && keptFiles.isEmpty && preview == nil && !closeChecked
            && closableFrom == nil
    }

    var replyBox: Node {
        guard canReply else {
            return closedNotice
        }
        return el("form", ["id": "reply-form", "class": "form reply-form", "method": "post", "action": "/ticket/\(ticket.number)",
                           "enctype": "multipart/form-data", "novalidate": "novalidate", "data-draft-owner": viewer.draftOwner,
                           // The text only: a draft's old Priorità or Referente, restored, would
                           // read as the customer's choice and undo an operator's change.
                           "data-draft-only": "message close",
                           "data-draft-sent": draftsSent.isEmpty ? nil : draftsSent.joined(separator: " ")]) {
            FormField.csrf(viewer.csrfToken)
            KeptForms.ownerHidden(viewer)
            Submission.hidden(submission)
            // The newest message shown: a close asked past a message not seen is not done.
            if let newestMessageID { FormField.hidden("seen_message", String(newestMessageID)) }
            // Whether the page showed the ticket closed: a reply from a page that showed it open
            // does not reopen a ticket closed since without saying so first.
            FormField.hidden("seen_closed", ticket.status.isClosed ? "1" : "0")
            if let listQuery { FormField.hidden(TicketDetailHandlers.listField, listQuery) }
            DraftForm.config
            if ticket.status.isClosed { FormField.notice(Text.closedReplyWarning, kind: "warning") }
            if isPristine {
                NodeMemo.node("reply-fields") { replyFields }
            } else {
                replyFields
            }
        }
    }

    var closedNotice: Node {
        Node.group {
            if let unsentReply {
                FormField.notice(Text.replyRefusedClosedTooLong(text: !unsentReply.text.isEmpty, files: unsentReply.withFiles), kind: "error")
                if !unsentReply.text.isEmpty {
                    el("div", ["class": "field"]) {
                        el("label", ["for": "unsent-reply"]) { Text.unsentReply }
                        el("textarea", ["id": "unsent-reply", "rows": "6", "readonly": "readonly", "autofocus": "autofocus"]) { "\n" + unsentReply.text }
                    }
                }
            }
            el("div", ["class": "notice notice--info", "role": "status"]) {
                el("p") { Text.closedTooLongAgo }
                // The old number in the link's own name, as the issue has it (it was a text beside
                // the link, which described it).
                el("p", ["class": "new-request-line"]) {
                    el("a", ["class": "button button--primary", "href": "/ticket/nuovo?riferimento=\(ticket.number)"]) {
                        Text.newRequest + " " + Text.newRequestReferring(ticket.number)
                    }
                }
            }
        }
    }

    var replyFields: Node {
        Node.group {
            FormField.markdownEditor(
                id: "message", label: Text.reply, value: replyText, error: replyError, hint: nil,
                toolbarLabels: EditorLabels.toolbar, formattingLabel: Text.formatting, previewHTML: preview,
                previewTitle: Text.preview, maxLength: TicketForm.descriptionLimit, required: false)
            FileFields.render(field: "files", label: Text.attachFiles, hint: Text.attachmentsHint, kept: keptFiles, error: fileError)
            FormField.checkbox(
                id: "close", label: Text.closeWithMessage, checked: closeChecked,
                hint: closeError == nil ? closableFrom.map { Text.closeAvailableFrom(Clock.displayFrom($0)) } : nil, error: closeError)
            el("div", ["class": "form-actions"]) {
                el("button", ["class": "button", "type": "submit", "name": "action", "value": "preview"]) { Text.preview }
                el("button", ["class": "button button--primary", "type": "submit", "name": "action", "value": "reply"]) { Text.send }
            }
        }
    }

    var panelBox: Node {
        el("aside", ["class": "card ticket-panel", "aria-label": Text.ticketInfoTitle]) {
            if let panelError { FormField.notice(panelError, kind: "error") }
            panel
        }
    }

}

/// The messages of a ticket, oldest first, each with author, company, date and its files;
/// the changes as short lines between them. The same for every user of the company, so the
/// worker keeps it while nothing changes. On the desk it also shows the internal notes (the
/// customers' store never reads them) and links files to the desk.
struct TicketThread {
    var ticket: TicketRecord
    var messages: [TicketMessage]
    var attachments: [TicketAttachment]
    var onDesk = false

    var filesBase: String { (onDesk ? "/desk/ticket/" : "/ticket/") + String(ticket.number) }
    /// Where the reply is written (nil: the ticket takes none), for the shortcuts.
    var replyAnchor: String?
    /// Past this many lines the conversation is several screens long: a 300-message thread
    /// put the reply 138 phone screens down, with no way there but scrolling.
    static let shortcutsFrom = 6

    func render() -> Node {
        Node.group {
            // The messages' headings are h3: under the ticket's title, this level names the
            // conversation they belong to (the panel's «Allegati» is another h2).
            el("h2", ["class": "visually-hidden", "id": "thread-title"]) { Text.thread }
            if messages.count >= TicketThread.shortcutsFrom, let latest = messages.last(where: { $0.kind != .event }) {
                el("nav", ["class": "thread-jumps", "aria-label": Text.threadJumps]) {
                    el("a", ["href": "#m\(latest.id)"]) { Text.jumpToLatest }
                    if let replyAnchor { el("a", ["href": "#" + replyAnchor]) { Text.jumpToReply } }
                }
            }
            list
        }
    }

    /// Each message's place in the conversation ("#1" the request, "#2" the first answer…),
    /// as the classic portal numbers them, so that "vedi il messaggio #3" means one message.
    /// Notes and change lines are not counted: the customer and the desk read the same numbers.
    var list: Node {
        var ordinal = 0
        return el("ol", ["class": "thread"]) {
            for message in messages {
                if message.kind == .event {
                    el("li", ["class": "thread-event"]) {
                        el("p") {
                            message.body
                            " · "
                            el("time", ["datetime": Clock.machineReadable(message.createdAt)]) { Clock.display(message.createdAt) }
                        }
                    }
                } else {
                    let number: Int? = message.kind == .reply ? { ordinal += 1; return ordinal }() : nil
                    el("li") { bubble(message, number: number) }
                }
            }
        }
    }

    func bubble(_ message: TicketMessage, number: Int?) -> Node {
        let files = attachments.filter { $0.messageID == message.id }
        let kind = message.kind == .note ? "message message--note" : message.authorIsOperator ? "message message--operator" : "message message--customer"
        return el("article", ["class": kind, "id": "m\(message.id)"]) {
            el("header", ["class": "message-head"]) {
                // A heading per message: a screen reader moves from one to the next by its
                // headings key, where a long conversation was one block to read through.
                el("h3", ["class": "message-title"]) {
                    // The space keeps the words apart in the heading's text ("Nota internaGiulia").
                    if message.kind == .note { el("span", ["class": "badge badge--note"]) { Text.deskInternalNoteBadge }; " " }
                    el("strong") { message.authorName }
                    " (\(message.authorIsOperator ? Text.supportTeam : ticket.tenantName)) "
                    el("time", ["datetime": Clock.machineReadable(message.createdAt)]) { Clock.display(message.createdAt) }
                    if let number { " – #\(number)" }
                }
            }
            el("div", ["class": "prose message-body"]) { Node.trusted(MessageBody.html(message.body)) }
            if !files.isEmpty { TicketThread.fileList(files, base: filesBase) }
        }
    }

    /// `notes`: the files of internal notes (the desk's panel), marked: listed like the
    /// customer's, they read as files the customer had sent or could see.
    static func fileList(_ files: [TicketAttachment], base: String, notes: Set<Int64> = []) -> Node {
        el("ul", ["class": "file-list"]) {
            for file in files {
                el("li") {
                    el("a", ["href": "\(base)/allegati/\(file.id)", "download": file.fileName]) { file.fileName }
                    " (\(Uploads.humanSize(file.size)))"
                    if notes.contains(file.id) { el("span", ["class": "file-note"]) { Text.deskNoteFile } }
                }
            }
        }
    }
}

/// The right-hand panel: Referente and Priorità (part of the reply form), the ticket's facts
/// and its files; an error is shown above it by the page.
struct TicketPanel {
    var ticket: TicketRecord
    var attachments: [TicketAttachment]
    var members: [(id: Int64, name: String)]
    var editable: Bool
    /// What the customer chose in the two selects of a reply the page comes back with (an
    /// empty message, a preview): shown again rather than the saved values, so that sending
    /// the reply once corrected still makes the change.
    var chosen = TicketService.PanelChanges()
    /// "Data Ultimo Aggiornamento Ticket": the newest line of the customer's thread.
    var updatedAt: Timestamp?

    func render() -> Node {
        Node.group {
            // What the page showed: only a select the customer changed is saved, so that a page
            // drawn before an operator's or a colleague's change never undoes it unseen.
            if editable {
                el("input", ["type": "hidden", "name": "seen_priority", "value": ticket.priority.rawValue, "form": "reply-form"])
                el("input", ["type": "hidden", "name": "seen_referent", "value": ticket.referentID.map(String.init) ?? "", "form": "reply-form"])
            }
            el("div", ["class": "field"]) {
                el("label", ["for": "referent"]) { Text.referent }
                // The user manual's text calls the field "Persona di riferimento" (its picture
                // "Referente ticket"): the name says both, so either finds it (a second <label>
                // did too, but a field of two labels is read by half of the screen readers).
                el("select", ["id": "referent", "name": "referent", "form": editable ? "reply-form" : nil, "disabled": editable ? nil : "disabled",
                              "aria-label": Text.referentName, "aria-describedby": "referent-hint"]) {
                    // A referent who left the company: shown as the current choice, sent as
                    // "unchanged", so that a reply never hands the ticket to the list's first name.
                    if chosen.referentID == nil, !members.contains(where: { $0.id == ticket.referentID }) {
                        el("option", ["value": "", "selected": "selected"]) {
                            ticket.referentName.map(Text.referentGone) ?? Text.referentNone
                        }
                    }
                    for member in members {
                        el("option", ["value": String(member.id), "selected": member.id == (chosen.referentID ?? ticket.referentID) ? "selected" : nil]) { member.name }
                    }
                }
                el("p", ["class": "muted field-hint", "id": "referent-hint"]) { Text.referentHint }
            }
            el("dl", ["class": "facts"]) {
                fact(Text.technician, ticket.operatorName ?? Text.noOperator)
                fact(Text.customer, ticket.tenantName)
                fact(Text.ticketCode, String(ticket.number))
                fact(Text.ticketState, ticket.status.label)
                fact(Text.requesterFull, ticket.requesterName)
                // Where the notifications go, as the form was filled in: a mistyped address
                // was nowhere to be seen after sending.
                fact(Text.ticketContact, ticket.contactLine)
                // As they are now: the desk may have moved a misfiled request.
                fact(Text.requestType, ticket.requestType.label)
                fact(Text.requestArea, ticket.area.label)
                fact(Text.ticketCreated, Clock.display(ticket.createdAt))
                fact(Text.ticketUpdated, Clock.display(updatedAt ?? ticket.updatedAt))
                fact(Text.title, ticket.title)
                if !ticket.technicalDetails.isEmpty { fact(Text.technicalDetails, ticket.technicalDetails) }
            }
            // A page of their own: listed here too, every file was twice on the ticket's page
            // (the thread has each with its message), so a file's name was two links.
            el("p") {
                el("a", ["href": "/ticket/\(ticket.number)/allegati"]) { Text.viewAttachments }
                " "
                el("span", ["class": "muted"]) { attachments.isEmpty ? Text.noAttachments : Text.attachmentCount(attachments.count) }
            }
            el("div", ["class": "field"]) {
                el("label", ["for": "priority"]) { Text.priority }
                el("select", ["id": "priority", "name": "priority", "form": editable ? "reply-form" : nil, "disabled": editable ? nil : "disabled"]) {
                    for priority in Priority.allCases where TicketRules.mayChangePriority(from: ticket.priority, to: priority) {
                        el("option", ["value": priority.rawValue, "selected": priority == (chosen.priority ?? ticket.priority) ? "selected" : nil]) { priority.label }
                    }
                }
            }
            // A closed ticket's priority and referent change only with the reply that reopens
            // it: "Conferma" alone said "Modifiche salvate." and left a closed ticket's thread
            // with a new priority nobody would work on.
            if editable && ticket.status.isClosed {
                el("p", ["class": "muted field-hint"]) { Text.panelClosed }
            } else if editable {
                el("button", ["class": "button button--primary", "type": "submit", "form": "reply-form", "name": "action", "value": "confirm"]) { Text.confirm }
            }
        }
    }

    func fact(_ term: String, _ value: String) -> Node {
        Node.group([el("dt") { term }, el("dd") { value }])
    }
}
