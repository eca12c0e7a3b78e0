/// One worker's last pages per session: "Aggiorna" on a ticket, or the list reloaded, shows
/// the same bytes while nothing it is made of has changed. A page is a pure function of the
/// session (viewer, CSRF token), what the key names (the page and its parameters, the
/// minute where it shows elapsed times) and the content (`ChangeStamp`), so the bytes are
/// reused only when all three match. Only GET pages without form input or errors go here.
/// Nothing is shared between sessions: the session is part of the key.
struct PageKey: Hashable {
    let sessionID: Int64
    /// A session changes company with "Accetta": the company is part of the key.
    let tenantID: Int64
    /// The page and everything else its bytes depend on, e.g. `detail|2008|true|`.
    let page: String
}

/// 64 pages of about 25 KB: under 2 MB per worker.
typealias PageCache = StampedCache<PageKey>
