import PortalStore

/// One worker's bounded store of values made from the pages' content (`FragmentKey`,
/// `PageKey`, a company's id for the dashboard data): a value is reused while the content
/// stamp it was made under is unchanged, and made again otherwise. When full it starts
/// again. Owned by the worker's `Services`: nothing is shared between workers.
final class StampedCache<Key: Hashable> {
    private struct Entry {
        let stamp: ChangeStamp
        let value: Any
    }

    let capacity: Int
    private var entries: [Key: Entry] = [:]

    init(capacity: Int) { self.capacity = capacity }

    /// The kept value, or a new one. `stamp` is read by the caller before anything the value
    /// is made of, once per request: a kept value is never older than its stamp.
    func value<Value>(_ key: Key, stamp: ChangeStamp, make: () throws -> Value) rethrows -> Value {
        if let entry = entries[key], entry.stamp == stamp, let value = entry.value as? Value { return value }
        let value = try make()
        if entries.count >= capacity { entries.removeAll() }
        entries[key] = Entry(stamp: stamp, value: value)
        return value
    }
}

@available(*, unavailable)
extension StampedCache: Sendable {}
