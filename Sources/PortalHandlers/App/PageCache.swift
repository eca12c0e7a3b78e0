/// One worker's last pages per session: "Aggiorna" on a ticket, or the list reloaded, shows
/// the same bytes while nothing it is made of has changed. A page is a pure function of the
/// session (viewer, CSRF token), what the key names (the page and its parameters, the
/// minute where it shows elapsed times) and the content (`ChangeStamp`), so the bytes are
/// reused only when all three match. Only GET pages without form input or errors go here.
/// Nothing is shared between sessions: the session is part of the key.
struct PageKey: Hashable {
    /// The session, by its CSRF token: an HMAC of the 32 random bytes of its cookie, never
    /// given to another session. Not the row id, which SQLite may give again to a new
    /// session once the last one is deleted.
    let session: String
    let userID: Int64
    /// A session changes company with "Accetta": the company is part of the key.
    let tenantID: Int64
    /// The page and everything else its bytes depend on, e.g. `detail|2008|true|`.
    let page: String

    init(_ current: CurrentUser, tenantID: Int64, page: String) {
        session = current.csrfToken
        userID = current.user.id
        self.tenantID = tenantID
        self.page = page
    }
}

/// 64 pages of about 25 KB: under 2 MB per worker.
typealias PageCache = StampedCache<PageKey>
