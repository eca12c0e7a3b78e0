import PortalCore
import PortalCrypto
import PortalHTML
import PortalHTTP
import PortalStore

/// The key a ticket form carries, a hidden field made with the form: a POST sent again with
/// it (a browser retrying after its answer was lost, a double click) finds what the first one
/// created instead of creating it twice.
enum Submission {
    static let field = "submission"

    static func newKey() -> String { Base64URL.encode(Random.bytes(16)) }

    static func hidden(_ key: String) -> Node { FormField.hidden(field, key) }

    /// The form's key, when it is one this portal could have made.
    static func key(_ form: FormData) -> String? {
        guard let key = form[field], (16...64).contains(key.count),
            key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        return key
    }

    /// What a press of the form is recorded under: its key with a digest of everything it
    /// sends (the token aside), files included. Only for recording and finding: a page sent
    /// back carries the form's own key (`key`), never this one. The same press again (a double click, a retry after a 502)
    /// finds the first; the same form sent with another text or address (a correction after
    /// the browser's Back) is a press of its own, not "already sent" while it was dropped.
    ///
    /// `sameText`: a form that writes a text (a ticket, a reply, a note) names where it is sent
    /// and the fields a person fills in; the key then ends with their digest, and the same text
    /// sent there again within minutes from a form drawn anew (the browser's Back after the
    /// answer, which fills the text in again under a new key) is found as the first press too
    /// (`SubmissionStore.sameText`). Only when the text is not empty.
    static func pressKey(_ form: FormData, sameText: (path: String, fields: [String])? = nil) -> String? {
        guard let key = key(form) else { return nil }
        let files = form.files.filter { !$0.bytes.isEmpty }.map { "\($0.fileName):\(Digest.sha256Hex($0.bytes))" }
        var content = form.fields.filter { $0.name != "csrf" }.map { $0.name + "=" + $0.value }
        // The files too: a file added after the browser's Back is another press.
        content += files
        let press = key + "-" + digest(content)
        guard let sameText, let text = sameText.fields.first, !(form[text] ?? "").trimmingWhitespace().isEmpty else { return press }
        // And the files kept from a refused press («File già scelti»): the same text sent again
        // with only those was taken for the earlier press of that text, and they were never sent.
        let typed = [sameText.path] + sameText.fields.map { $0 + "=" + (form[$0] ?? "") } + files + form.all("kept").map { "kept:" + $0 }
        return press + "." + digest(typed)
    }

    private static func digest(_ parts: [String]) -> String {
        String(Digest.sha256Hex(Array(parts.joined(separator: "\u{1F}").utf8)).prefix(16))
    }

    /// Answers with the page the first POST of this form led to (`notice` said on it), when
    /// there was one.
    static func redirectIfSent(_ key: String?, userID: Int64, _ services: Services, notice: String) throws {
        try redirectIfSent(key, userID: userID, services) { notice }
    }

    /// The same, with the notice decided only when the press was sent before (it may read the
    /// ticket again).
    static func redirectIfSent(_ key: String?, userID: Int64, _ services: Services, notice: () throws -> String) throws {
        guard let location = try sentBefore(key, userID: userID, services) else { return }
        throw redirect(to: location, notice: try notice())
    }

    /// The page the first POST of this form led to, when there was one.
    static func sentBefore(_ key: String?, userID: Int64, _ services: Services) throws -> String? {
        guard let key else { return nil }
        return try SubmissionStore(services.database).location(userID: userID, key: key, now: services.now)
    }

    /// That page with `notice`. A location may name a list's page (`?pagina=2`) and the part of
    /// the page it is in (`#…`): the row's form came from there. The notice goes in the query,
    /// before the part.
    static func redirect(to location: String, notice: String) -> Redirect {
        // A location recorded with its outcome's notice already (a reply that closed the ticket).
        if location.contains("?avviso=") || location.contains("&avviso=") { return Redirect(to: location) }
        let parts = location.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let address = String(parts[0]), anchor = parts.count > 1 ? "#" + parts[1] : ""
        return Redirect(to: address + (address.contains("?") ? "&" : "?") + "avviso=" + notice + anchor)
    }

    /// Runs `create`, which records the key with what it creates. When a POST with the same
    /// key won the race meanwhile (this one then wrote nothing), the answer is its page.
    static func once<T>(_ key: String?, userID: Int64, _ services: Services, notice: String, _ create: () throws -> T)
        throws -> T
    {
        do {
            return try create()
        } catch let error as DatabaseError where error.isConstraintViolation && key != nil {
            try redirectIfSent(key, userID: userID, services, notice: notice)
            throw error
        }
    }
}
