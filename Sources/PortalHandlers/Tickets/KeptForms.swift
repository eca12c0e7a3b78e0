import PortalCore
import PortalCrypto
import PortalHTML
import PortalHTTP
import PortalStore

/// Nothing typed is lost when a session ends. A ticket form sent without a live session, or
/// with the token of a session that has since been replaced, is kept on the server with its
/// files, under a random token the browser holds in a short-lived cookie. After the login
/// (and the code) the browser comes back to the form's address, and the page shows the form
/// filled in, with a line saying why.
enum KeptForms {
    /// Keeps the form of this request and sends the browser to the login, and after it back
    /// to the form. Nil when the request carries no cookie of the portal: a post from another
    /// site (the cookies are SameSite=Lax) is never kept to be shown to someone.
    /// `refusedTo`: where the refusal sent the person; when it is the company choice (the
    /// company was deactivated meanwhile) they go there, told that the form is kept, rather
    /// than to a login they do not need. `answer`: the page to show instead (the offer to
    /// switch back to the form's company).
    /// `keepsFiles: false`: the page the form comes back to shows no files (the desk's ticket
    /// page): none are stored, and the login says they are to be chosen again.
    static func keep(
        _ request: Request, _ services: Services, refusedTo: String? = nil, keepsFiles: Bool = true,
        answer: (() throws -> Response)? = nil
    ) throws -> Response? {
        guard Cookies.sessionValue(request) != nil || Cookies.visitorValue(request) != nil else { return nil }
        var request = request
        try request.decodeBody(malformedJSON: Text.errorBadRequest)
        // A form that names nobody by a valid signature is nobody's to show again: every ticket
        // form names its writer, and one without was written by no page of the portal.
        let author = owner(of: request, key: services.secretKey)
        guard author != 0 else { return nil }
        // Its author removed from their only company meanwhile: after the login they enter no
        // company, and the form promised back would never come. Said instead; nothing kept.
        if let user = try UserStore(services.database).find(id: author), !user.isOperator,
            try TenantStore(services.database).memberships(userID: author).isEmpty
        {
            return try Response.redirect(to: "/login?avviso=modulo-non-salvato")
        }
        // Removed from the company the form was for (still in another): the form would never
        // come back there; said instead, nothing kept.
        let ended = try Cookies.sessionValue(request).flatMap {
            try SessionStore(services.database).endedReason(tokenHash: Token.hash($0))
        }
        if ended == .removedFromCompany { return try Response.redirect(to: "/login?avviso=rimosso-modulo") }
        let store = KeptFormStore(services.database)
        let client = LoginThrottle.clientKey(request.clientAddress)
        // The new files and those chosen before (held again with this form) count alike. The
        // check and the form's row are one transaction, so that parallel posts cannot all pass
        // it; the fields follow once the files are written.
        let uploads = Uploads(services: services, owner: author)
        let bytes = keepsFiles
            ? request.form.files.reduce(Int64(0)) { $0 + Int64($1.bytes.count) }
                + request.form.all("kept").compactMap(uploads.verify).reduce(Int64(0)) { $0 + $1.size } : 0
        let token = Token.generate()
        let kept: Bool? = try services.database.write { _ in
            // Only once it is kept: an address full refused the new form after its writer's oldest was dropped.
            guard try store.mayKeep(clientAddress: client, now: services.now) else { return nil }
            try store.makeRoom(ownerID: author, now: services.now)
            let may = try keepsFiles && store.mayKeepFiles(clientAddress: client, bytes: bytes, now: services.now)
            try store.keep(
                tokenHash: token.hash, path: request.path, fields: "", clientAddress: client, fileBytes: may ? bytes : 0,
                ownerID: author, now: services.now)
            return may
        }
        // Past the forms a client may leave, the refusal goes on as it would without keeping,
        // but a login says the form is lost (it said only «La sessione è scaduta», and the
        // person looked for their ticket after it).
        guard let withFiles = kept else {
            Log.event("form_not_kept", [("path", request.path), ("reason", "forms per client")])
            guard answer == nil, refusedTo.map({ $0.hasPrefix("/login") }) ?? true else { return nil }
            return try Response.redirect(to: "/login?avviso=modulo-non-conservato&next=" + urlEncode(request.path))
        }
        let encoded = try fields(request, services, withFiles: withFiles)
        try services.database.write { _ in try store.fill(tokenHash: token.hash, fields: encoded) }
        Log.event("form_kept", [("path", request.path)])
        var response: Response
        // Its files are promised only when they were kept.
        // Ended by «Termina» on another browser: said who ended it, as for the other forms.
        let byOwner = ended == .endedByOwner && refusedTo?.hasPrefix(CompanyChoiceHandlers.path) != true
        let notice = (withFiles || !KeptForms.hasFiles(request) ? "modulo" : "modulo-senza-allegati") + (byOwner ? "-terminata" : "")
        if let answer {
            response = try answer()
        } else if refusedTo?.hasPrefix(CompanyChoiceHandlers.path) == true {
            // Chosen again (the company reactivated), the company leads back to the form.
            response = try Response.redirect(to: CompanyChoiceHandlers.path + "?avviso=\(notice)&next=" + urlEncode(request.path))
        } else {
            response = try Response.redirect(to: "/login?avviso=\(notice)&next=" + urlEncode(request.path))
        }
        // The browser's other kept forms stay with it: a reply and a new ticket sent from two
        // tabs after the same switch kept only the second.
        let tokens = (tokens(request) + [token.value]).suffix(KeptForms.perBrowser)
        try response.setCookie(
            Cookies.make(Cookies.keptForm, value: tokens.joined(separator: "."), maxAge: KeptFormStore.lifetime, request))
        return response
    }

    /// What a desk form sent without a session is, by the writer its signature names.
    enum OperatorForm { case active, deactivated, other }

    /// Only an active operator's form sent to the desk without a session is kept
    /// (`RouteTable`); a deactivated one's writer is told the form was not saved and why (it
    /// was a bare «Pagina non trovata»).
    static func operatorForm(_ request: Request, _ services: Services) throws -> OperatorForm {
        var request = request
        try request.decodeBody(malformedJSON: Text.errorBadRequest)
        let author = owner(of: request, key: services.secretKey)
        guard author != 0, let user = try UserStore(services.database).find(id: author), user.isOperator else { return .other }
        return user.deactivatedAt == nil ? .active : .deactivated
    }

    /// The notice of a kept form on a page that keeps no files (the desk's): any it had are
    /// chosen again.
    static func noticeWithoutFiles(_ kept: FormData) -> String {
        kept[droppedFiles] == "1" || !kept.all("kept").isEmpty ? Text.formKeptWithoutFiles : Text.formKeptNoFiles
    }

    /// Whether the form carried files (new ones or kept references).
    static func hasFiles(_ request: Request) -> Bool {
        request.form.files.contains { !$0.bytes.isEmpty } || !request.form.all("kept").isEmpty
    }

    /// Kept forms a browser holds at most (the cookie names each by its token).
    static let perBrowser = 8

    static func tokens(_ request: Request) -> [String] { Cookies.values(Cookies.keptForm, request) }

    /// A form taken back, and the tokens of the others the browser still holds.
    struct Taken {
        let form: FormData
        let others: [String]
    }

    /// The form of a request refused for its token (the session was replaced meanwhile):
    /// its page shows it again, filled in, with a fresh token; nothing is kept or written,
    /// files included (they are chosen again): a refused request must not fill the disk.
    static func refilled(_ request: Request, _ services: Services) throws -> FormData {
        try FormData.urlEncoded(Array(try fields(request, services, withFiles: false).utf8))
    }

    /// What was sent, url-encoded without the token and the button; the files, new and
    /// already chosen, as the signed references a refused form carries.
    static func fields(_ request: Request, _ services: Services, withFiles: Bool = true) throws -> String {
        var request = request
        if request.form.fields.isEmpty && request.form.files.isEmpty {
            try request.decodeBody(malformedJSON: Text.errorBadRequest)
        }
        let form = request.form
        let uploads = Uploads(services: services, owner: owner(of: request, key: services.secretKey))
        // Held until the kept form expires: the sweep would take them after its grace period.
        var fields = form.fields.filter { !["csrf", "kept", "action", droppedFiles, ownerField].contains($0.name) }
        if withFiles {
            let files = try uploads.collect(
                form, field: "files", for: .keptForm(until: services.now + KeptFormStore.lifetime))
            fields += files.files.map { ("kept", uploads.reference(for: $0)) }
        } else if !form.files.filter({ !$0.bytes.isEmpty }).isEmpty || form.fields.contains(where: { $0.name == "kept" }) {
            fields.append((droppedFiles, "1"))
        }
        // Each value within four times the longest field of the ticket forms (a paste past the
        // limit comes back whole, to be told it is too long: cut at the limit it lost its end
        // unsaid), the whole within `KeptFormStore.fieldBytes`: megabytes of text are not kept.
        var encoded = ""
        var droppedReference = false
        for (name, value) in fields {
            let pair = urlEncode(String(name.prefix(64))) + "=" + urlEncode(String(value.prefix(TicketForm.descriptionLimit * 4)))
            guard encoded.utf8.count + pair.utf8.count + 1 <= KeptFormStore.fieldBytes else {
                if name == "kept" { droppedReference = true }
                continue
            }
            encoded += (encoded.isEmpty ? "" : "&") + pair
        }
        // The notice must not say the files came back when one did not fit.
        if droppedReference { encoded += (encoded.isEmpty ? "" : "&") + droppedFiles + "=1" }
        return encoded
    }

    /// The hidden field of the ticket forms naming the user whose page it is: the session may
    /// be gone when the form arrives, and a browser shared by colleagues must give a kept form
    /// back to its writer only (as `drafts.js` does with its drafts). Only the writer's own
    /// pages carry it, signed (`ownerValue`): a bare id let whoever could put a cookie in a
    /// browser leave a form of their own words there, shown to the person it named after their
    /// login as the form they had not sent.
    static let ownerField = "autore"

    /// "<user id>.<tag>": the tag an HMAC of the id under the server's secret, the same on each
    /// of the person's pages (a form must come back after "Esci" and a new login, under
    /// another session).
    static func ownerValue(userID: Int64, key: HMACKey) -> String {
        String(userID) + "." + Base64URL.encode(key.authenticate(Array(("autore:" + String(userID)).utf8))).prefix(22)
    }

    /// Whom the form says it is from, when its signature holds (0 otherwise): only they get
    /// it back after the login (`take`), and only their form takes its files.
    static func owner(of request: Request, key: HMACKey) -> Int64 {
        guard let value = request.form[ownerField], let dot = value.firstIndex(of: "."), let id = Int64(value[..<dot]),
            ConstantTime.equal(value, ownerValue(userID: id, key: key))
        else { return 0 }
        return id
    }

    static func ownerHidden(_ viewer: Viewer) -> Node { FormField.hidden(ownerField, viewer.formOwner) }

    /// Marks a form kept without its files (`KeptFormStore.filesPerAddress`).
    static let droppedFiles = "kept_files_dropped"

    /// The line above a kept form: whether its files came back with it.
    static func notice(_ kept: FormData) -> String {
        if kept[droppedFiles] == "1" { return Text.formKeptWithoutFiles }
        return kept.all("kept").isEmpty ? Text.formKeptNoFiles : Text.formKept
    }

    /// The form kept for this browser, this page and this person, taken once; the page's
    /// answer drops its token from the cookie (`forget`).
    static func take(_ request: Request, _ services: Services, userID: Int64) throws -> Taken? {
        let tokens = tokens(request)
        guard !tokens.isEmpty else { return nil }
        let store = KeptFormStore(services.database)
        let found: (fields: String, token: String)? = try services.database.write { _ in
            // Newest first: the form pressed last is the one the person wants back (the oldest
            // of several tabs came back, then the next one at each visit).
            for token in tokens.reversed() {
                if let fields = try store.take(tokenHash: Token.hash(token), path: request.path, userID: userID, now: services.now) {
                    return (fields, token)
                }
            }
            return nil
        }
        guard let found else { return nil }
        return Taken(form: try FormData.urlEncoded(Array(found.fields.utf8)), others: tokens.filter { $0 != found.token })
    }

    static func forget(_ response: inout Response, _ request: Request, _ taken: Taken) throws {
        if taken.others.isEmpty {
            try response.setCookie(Cookies.clear(Cookies.keptForm, request))
        } else {
            try response.setCookie(
                Cookies.make(Cookies.keptForm, value: taken.others.joined(separator: "."), maxAge: KeptFormStore.lifetime, request))
        }
    }
}
