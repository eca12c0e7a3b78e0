import PortalCore
import PortalHTTP

/// A list's filters across visits ("Cerca Ticket", "Coda ticket"): the address's, or without
/// any, the ones last searched with.
struct RememberedFilters<Query: FilterQuery> {
    let query: Query
    /// Set when the address had a value the list cannot read (and dropped).
    let notice: String?

    /// The saved string was written by `queryString()`, so a part it no longer reads (after a
    /// release changed a filter) is dropped quietly rather than shown as the user's mistake.
    init(_ request: Request, saved: () throws -> String?) rethrows {
        var invalid: [String] = []
        if request.query.fields.isEmpty {
            let saved = try saved() ?? ""
            query = Query(fields: (try? FormData.urlEncoded(Array(saved.utf8)))?.fields ?? [])
        } else {
            query = Query(fields: request.query.fields, invalid: &invalid)
        }
        notice = invalid.isEmpty ? nil : Text.invalidFilters
    }
}
