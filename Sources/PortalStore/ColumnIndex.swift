/// A statement's column names → positions, made once per prepared statement and shared by
/// every row it returns. Rows are read by name (`row.int("created_at")`) dozens of times per
/// record: a `[String: Int]` hashed each name with SipHash, a fifth of a ticket list's
/// database time. Names here are looked up in a small open-addressing table under a cheap
/// hash of their bytes (FNV-1a), then compared byte for byte.
final class ColumnIndex: Sendable {
    let names: [String]
    private let slots: [Int]  // position + 1; 0 is an empty slot
    private let mask: Int

    init(_ names: [String]) {
        self.names = names
        var size = 16
        while size < names.count * 4 { size *= 2 }
        var slots = [Int](repeating: 0, count: size)
        for (position, name) in names.enumerated() {
            var slot = ColumnIndex.hash(name) & (size - 1)
            while slots[slot] != 0 {
                // A repeated name (`SELECT t.*, x.id`): the first column wins.
                if names[slots[slot] - 1] == name { break }
                slot = (slot + 1) & (size - 1)
            }
            if slots[slot] == 0 { slots[slot] = position + 1 }
        }
        self.slots = slots
        mask = size - 1
    }

    /// The position of the column, or nil.
    func position(of name: String) -> Int? {
        var slot = ColumnIndex.hash(name) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if names[entry - 1] == name { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    static func hash(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 29))
        }
    }
}
