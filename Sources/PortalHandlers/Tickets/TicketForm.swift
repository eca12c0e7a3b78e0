import PortalCore
import PortalHTTP
import PortalStore

/// The "Creazione Ticket" form: what was typed, and what is wrong with it, field by field.
struct TicketForm {
    static let titleLimit = 150
    static let descriptionLimit = 20_000
    /// How much of a message a refused form shows again: far past any limit, so that a long
    /// paste comes back whole beside "too long" (nginx's body limit bounds it anyway).
    static let keptTextLimit = 1_000_000
    static let technicalDetailsLimit = 4000
    static let phoneLimit = 40
    /// How much of a one-line field (the e-mail, the phone) a refused form shows again.
    static let keptFieldLimit = 1000

    var email = ""
    var phone = ""
    var contact: ContactPreference? = .web
    var type: RequestType? = .assistance
    var area: RequestArea?
    var priority: Priority? = .normal
    var title = ""
    var description = ""
    /// Whether the description came from the formatting editor (Markdown) or a plain text area.
    var descriptionIsMarkdown = false
    var technicalDetails = ""
    /// "Dettagli tecnici" came from the ERP's link ("Compilati dal programma gestionale"), not
    /// from the person: the hint said the ERP wrote what they typed once a form came back.
    var technicalDetailsFromERP = false
    static let fromERPField = "dettagli_dal_gestionale"
    /// The form's key (`Submission`): the same through refusals and retries of one form.
    var submission = Submission.newKey()
    var errors: [String: String] = [:]

    init() {}

    /// Reads the submitted form; every value is kept (cut to its limit) so the page can show
    /// it again, and every problem is recorded next to its field.
    init(_ form: FormData) {
        // Kept past their limits, which the checks below then refuse: cut at 254, a longer
        // address became another, valid one, saved without a word; cut at 40, a number kept
        // a trailing space. Spaces as typed or pasted (a non-breaking one from a document
        // looked like any other and was refused) are one space each.
        email = String((form["email"] ?? "").trimmingWhitespace().prefix(TicketForm.keptFieldLimit))
        phone = String((form["phone"] ?? "").collapsingSpaces().prefix(TicketForm.keptFieldLimit))
        contact = form["contact"].flatMap(ContactPreference.init)
        type = form["type"].flatMap(RequestType.init)
        area = form["area"].flatMap(RequestArea.init)
        priority = form["priority"].flatMap(Priority.init)
        title = String((form["title"] ?? "").trimmingWhitespace().prefix(TicketForm.titleLimit + 50))
        description = String((form["description"] ?? "").prefix(TicketForm.keptTextLimit))
        descriptionIsMarkdown = MessageBody.isMarkdown(form, field: "description")
        technicalDetails = String((form["technical_details"] ?? "").prefix(TicketForm.keptTextLimit))
        technicalDetailsFromERP = form[TicketForm.fromERPField] == "1"
        submission = Submission.key(form) ?? Submission.newKey()

        if email.isEmpty { errors["email"] = Text.fieldRequired } else if EmailAddress.newAddress(email) == nil { errors["email"] = EmailAddress.refusal(email) }
        if contact == nil { errors["contact"] = Text.choiceRequired }
        if contact == .phone && phone.isEmpty { errors["phone"] = Text.phoneRequired }
        if !phone.isEmpty && (phone.count > TicketForm.phoneLimit || !TicketForm.isPhoneNumber(phone)) {
            errors["phone"] = Text.phoneInvalid
        }
        if type == nil { errors["type"] = Text.choiceRequired }
        if area == nil { errors["area"] = Text.choiceRequired }
        if priority == nil { errors["priority"] = Text.choiceRequired }
        if title.isEmpty {
            errors["title"] = Text.titleRequired
        } else if title.count > TicketForm.titleLimit || title.hasControlCharacters || title.contains(where: \.isNewline) {
            errors["title"] = Text.titleInvalid
        } else if title.hasInvisibleFormatting || title.hasStackedMarks || !title.hasVisibleCharacters {
            // "Fattura \u{202E}gnp.exe" read "Fattura exe.png" in the queue and the e-mails'
            // subjects; a letter under dozens of stacked accents drew a bar over the list.
            errors["title"] = Text.titleInvisible
        }
        if let error = TicketForm.messageError(description, limit: TicketForm.descriptionLimit, empty: Text.descriptionRequired) {
            errors["description"] = error
        }
        if technicalDetails.count > TicketForm.technicalDetailsLimit || technicalDetails.hasControlCharacters {
            errors["technical_details"] = Text.technicalDetailsInvalid
        }
    }

    /// What is wrong with a message (a description, a reply, a note), in the words that fit
    /// the fault; nil when it may be sent.
    static func messageError(_ text: String, limit: Int, empty: String = Text.messageRequired) -> String? {
        if !text.hasVisibleCharacters { return empty }
        if text.count > limit { return Text.messageTooLong(limit: limit) }
        if text.hasControlCharacters { return Text.messageControlCharacters }
        return nil
    }

    /// 6 to 20 digits with spaces, dots, dashes, slashes and parentheses, at most a leading
    /// "+", and an optional extension after the number (`withoutExtension`).
    static func isPhoneNumber(_ text: String) -> Bool {
        let number = withoutExtension(text)
        let body = number.hasPrefix("+") ? number.dropFirst() : number
        let digits = body.filter(\.isNumber).count
        return body.allSatisfy { ($0.isASCII && $0.isNumber) || " ./-()".contains($0) } && (6...20).contains(digits)
    }

    /// An office's number with its extension, as offices write it ("0541 123456 int. 22",
    /// "interno 22", "ext 22"): the number before it. "int. 22" was refused as not a number.
    static func withoutExtension(_ text: String) -> Substring {
        let words = text.split(separator: " ")
        guard words.count >= 2, let last = words.last else { return Substring(text) }
        let markers = Text.phoneExtensionMarkers
        func isExtension(_ digits: Substring) -> Bool { (1...6).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber } }
        // "int. 22": the marker and the digits apart.
        if words.count >= 3, markers.contains(words[words.count - 2].lowercased()), isExtension(last) {
            return Substring(words.dropLast(2).joined(separator: " "))
        }
        // "int.22": together.
        if let marker = markers.filter({ $0.hasSuffix(".") }).first(where: { last.lowercased().hasPrefix($0) }),
            isExtension(last.dropFirst(marker.count))
        {
            return Substring(words.dropLast().joined(separator: " "))
        }
        return Substring(text)
    }

    func ticket(tenantID: Int64, requester: UserRecord) -> NewTicket? {
        guard errors.isEmpty, let contact, let type, let area, let priority, let email = EmailAddress.newAddress(email) else { return nil }
        var ticket = NewTicket(
            tenantID: tenantID, title: title, requesterID: requester.id, requesterName: requester.displayName,
            contactEmail: email.value, area: area, priority: priority,
            description: MessageBody.stored(description, isMarkdown: descriptionIsMarkdown))
        ticket.phone = phone
        ticket.contactPreference = contact
        ticket.requestType = type
        ticket.technicalDetails = technicalDetails.trimmingWhitespace()
        return ticket
    }
}
