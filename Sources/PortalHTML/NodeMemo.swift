import Synchronization

/// Parts of pages that are pure functions of a few small values (the menu for a role and a
/// path, the header, the footer, a list's filter form for one set of filters), rendered once
/// per process and reused. The key must name everything the part depends on, and nothing
/// personal (a name, a CSRF token) or made of content may go into a memoised part. Each
/// family is bounded on its own, so that many filter combinations never push out the few
/// parts every page needs.
public enum NodeMemo {
    public enum Family: Int, Sendable {
        /// A handful of variants: menu, header, footer, an empty reply form.
        case frame
        /// One per combination of the user's choices: the list's filter form.
        case filters

        var capacity: Int {
            switch self {
            case .frame: 64
            case .filters: 256
            }
        }
    }

    private static let parts = Mutex<[[String: Node]]>([[:], [:]])

    public static func node(_ key: String, family: Family = .frame, _ build: () -> Node) -> Node {
        if let node = parts.withLock({ $0[family.rawValue][key] }) { return node }
        // Kept past this page: bytes of its own, not a range of this thread's arena.
        let node = build().detached()
        parts.withLock { parts in
            if parts[family.rawValue].count >= family.capacity { parts[family.rawValue].removeAll(keepingCapacity: true) }
            parts[family.rawValue][key] = node
        }
        return node
    }
}
