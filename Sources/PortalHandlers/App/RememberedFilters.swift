import PortalCore
import PortalHTTP

/// A list's filters across visits ("Cerca Ticket", "Coda ticket"): the address's, or without
/// any, the ones last searched with.
struct RememberedFilters<Query: FilterQuery> {
    let query: Query
    /// The fields of the address the list cannot read, with what was typed in them: the
    /// customers' list names each next to its field, the desk in one line (`notice`).
    let invalid: [(name: String, typed: String)]
    /// Whether the filters are the saved ones (the address had none): the list says so.
    let isRemembered: Bool

    var notice: String? { invalid.isEmpty ? nil : Text.invalidFilters }

    /// The saved string was written by `queryString()`, so a part it no longer reads (after a
    /// release changed a filter) is dropped quietly rather than shown as the user's mistake.
    init(_ request: Request, saved: () throws -> String?) rethrows {
        var names: [String] = []
        // A notice (`avviso`, the queue's after a Responsabile stepped down) is no filter: with
        // it the saved search was ignored and the default list shown.
        let fields = request.query.fields.filter { $0.name != "avviso" }
        if fields.isEmpty {
            let saved = try saved() ?? ""
            query = Query(fields: (try? FormData.urlEncoded(Array(saved.utf8)))?.fields ?? [])
            isRemembered = true
        } else {
            query = Query(fields: fields, invalid: &names)
            isRemembered = false
        }
        invalid = names.map { name in (name, request.query[name]?.trimmingWhitespace() ?? "") }
    }
}

extension RememberedFilters {
    /// Filters that could not be read, sent back in the address exactly as typed, so that the
    /// list names them (the customers' list beside each field, the desk in one line).
    /// Names are encoded too: a field named `a&stato=chiuso` added a filter to the address.
    /// A list's filters and page as a ticket's link carried them (so that its "Torna alla coda"
    /// or "Torna all'elenco" goes back to that page), read and written again as the list
    /// writes them: nothing else goes into the link. Nil when there is nothing to carry.
    static func carried(_ sent: String?) -> String? {
        guard let sent, !sent.isEmpty, sent.utf8.count <= 2_000,
            let fields = try? FormData.urlEncoded(Array(sent.utf8)).fields
        else { return nil }
        let query = Query(fields: fields)
        let written = query.queryString(page: query.page)
        return written.isEmpty ? nil : written
    }

    static func typedAddress(_ path: String, _ fields: [(name: String, value: String)]) -> String {
        path + "?" + fields.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }.joined(separator: "&")
    }
}
