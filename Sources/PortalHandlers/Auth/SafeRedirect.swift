import PortalStore
/// Where to go after login: only a path of this site, never another origin
/// (`//evil`, `/\evil`, `https:…`), never anything with control characters.
enum SafeRedirect {
    static func path(_ candidate: String?, fallback: String = "/dashboard") -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
            candidate.utf8.count <= 2000,
            !candidate.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f || $0 == "\\" })
        else { return fallback }
        if candidate.hasPrefix("/login") || candidate.hasPrefix("/logout") { return fallback }
        return candidate
    }

    /// Where a signed-in person starts: the operators' queue, or the company's dashboard.
    static func home(for user: UserRecord) -> String { user.isOperator ? "/desk/" : "/dashboard" }
}
