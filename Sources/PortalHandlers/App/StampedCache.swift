import PortalStore

/// One worker's bounded store of values made from one company's content: a value is reused
/// while its company's stamp is unchanged, and made again otherwise. When full it starts
/// again. Owned by the worker's `Services`: nothing is shared between workers.
///
/// The caching rule (README, "How it is put together"): only parts that every user of a
/// company sees alike are kept; each carries its company's stamp, read with the session;
/// nothing personal or per session is kept. The tables kept parts may read are
/// `KeptPart.tables` (PortalStore), each covered by the stamp's triggers.
final class StampedCache<Key: Hashable, Value> {
    private struct Entry {
        let stamp: TenantStamp
        let value: Value
    }

    let capacity: Int
    private var entries: [Key: Entry] = [:]

    init(capacity: Int) { self.capacity = capacity }

    /// The kept value, or a new one. `stamp` comes from the request's session query, read
    /// before anything the value is made of: a kept value is never older than its stamp.
    func value(_ key: Key, stamp: TenantStamp, make: () throws -> Value) rethrows -> Value {
        if let entry = entries[key], entry.stamp == stamp { return entry.value }
        let value = try make()
        if entries.count >= capacity { entries.removeAll() }
        entries[key] = Entry(stamp: stamp, value: value)
        return value
    }
}

@available(*, unavailable)
extension StampedCache: Sendable {}
