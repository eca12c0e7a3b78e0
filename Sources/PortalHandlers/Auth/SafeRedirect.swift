import PortalHTTP
import PortalStore
/// Where to go after login: only a path of this site, never another origin
/// (`//evil`, `/\evil`, `https:…`), never anything with control characters.
enum SafeRedirect {
    /// A link from the ERP carries up to 3,000 characters of details and 500 of error text
    /// (README, "Links from the ERP"): encoded, about 5,000 bytes of ordinary text. At 2,000 such
    /// a link lost its context at the login. Encoded once more for `/login?next=`, 10 KB stays
    /// within nginx's request line (`large_client_header_buffers`) and the login form's body.
    static let maxLength = 10 * 1024

    static func path(_ candidate: String?, fallback: String = "/dashboard") -> String {
        // Too long with its query, the page itself (the README: such a link opens its page
        // without its context after the login; it led to the dashboard).
        var candidate = candidate
        if let long = candidate, long.utf8.count > maxLength { candidate = String(long.prefix { $0 != "?" }) }
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
            candidate.utf8.count <= maxLength,
            !candidate.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f || $0 == "\\" })
        else { return fallback }
        if candidate.hasPrefix("/login") || candidate.hasPrefix("/logout") { return fallback }
        return candidate
    }

    /// The page a request asked for, to come back to after a step (the login, the company
    /// choice): with its query, or without it past `maxLength` (its Location, encoded once
    /// more, passed nginx's buffer for a handler's headers: 502).
    static func returnAddress(for request: Request) -> String {
        request.pathWithQuery.utf8.count <= maxLength ? request.pathWithQuery : request.path
    }

    /// Where a signed-in person starts: the operators' queue, or the company's dashboard.
    static func home(for user: UserRecord) -> String { user.isOperator ? "/desk/" : "/dashboard" }
}
