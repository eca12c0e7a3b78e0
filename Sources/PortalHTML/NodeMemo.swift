import Synchronization

/// Parts of pages that are pure functions of a few small values (the menu for a role and a
/// path, the footer, a list's filter form for one set of filters), rendered once per process
/// and reused. The key must name everything the part depends on, and nothing personal (a
/// name, a CSRF token) may go into a memoised part. Bounded: when full it starts again.
public enum NodeMemo {
    static let capacity = 256
    private static let parts = Mutex<[String: Node]>([:])

    public static func node(_ key: String, _ build: () -> Node) -> Node {
        if let node = parts.withLock({ $0[key] }) { return node }
        let node = build()
        parts.withLock { parts in
            if parts.count >= capacity { parts.removeAll(keepingCapacity: true) }
            parts[key] = node
        }
        return node
    }
}
