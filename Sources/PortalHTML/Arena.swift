import Glibc

/// The bytes a thread renders into. Pages are written front to back into one growing
/// buffer: an element writes its open tag, its content writes itself right after, and the
/// element closes behind it, so the common page costs no allocation per element and no copy
/// of a child into its parent (a node is a range of this buffer, see `Node`).
///
/// Bytes are only ever appended: a range handed out never changes, so nodes made earlier
/// stay valid while later ones are written. Every node and every element being written holds
/// its arena; when nothing does any more, the next write starts again at the front of the
/// same buffer (`current()`), which is what happens between two requests.
///
/// One arena per thread: the handlers render on several connection threads (one at a time,
/// behind the worker's lock) and the tests on many at once.
@usableFromInline
final class Arena {
    /// Kept after a reset; an arena grown past it for a very large page is made small again:
    /// a worker has eight connection threads, each with its arena, within a 20 MB budget.
    static let initialCapacity = 32 * 1024
    static let keptCapacity = 256 * 1024

    /// The buffer's state, behind a pointer: properties of a class are checked for
    /// exclusive access at run time on every read and write, which cost a quarter of a
    /// page's rendering; a pointee is not.
    @usableFromInline
    struct State {
        @usableFromInline var base: UnsafeMutablePointer<UInt8>
        @usableFromInline var count: Int
        @usableFromInline var capacity: Int
        /// Whether a control of the page being written has `autofocus` already: the page
        /// may have only one (browsers take the first; validators refuse a second).
        var focusTaken = false
    }

    @usableFromInline let state: UnsafeMutablePointer<State>

    @usableFromInline var base: UnsafeMutablePointer<UInt8> { state.pointee.base }
    @usableFromInline var count: Int { state.pointee.count }

    /// False for a thread's arena, true for the bytes of one node (`Node.detached()`).
    @usableFromInline let isDetached: Bool

    init(capacity: Int = Arena.initialCapacity, detached: Bool = false) {
        isDetached = detached
        state = .allocate(capacity: 1)
        state.initialize(to: State(base: .allocate(capacity: capacity), count: 0, capacity: capacity))
    }

    deinit {
        state.pointee.base.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// This thread's arena, emptied first when no node refers to it. A node kept somewhere
    /// (a cache that forgot `Node.detached()`) keeps its arena alive and unwritable from the
    /// front: once such an arena has grown large the thread takes a fresh one, and the old
    /// one lives as long as its nodes.
    @usableFromInline
    static func current() -> Arena {
        // The thread's slot: one strong reference in memory of its own (a class property
        // would be checked for exclusive access on every call).
        let slot: UnsafeMutablePointer<Arena>
        if let raw = pthread_getspecific(slotKey) {
            slot = raw.assumingMemoryBound(to: Arena.self)
        } else {
            slot = .allocate(capacity: 1)
            slot.initialize(to: Arena())
            pthread_setspecific(slotKey, slot)
        }
        if isKnownUniquelyReferenced(&slot.pointee) {
            slot.pointee.reset()
        } else if slot.pointee.count > keptCapacity {
            slot.pointee = Arena()
        }
        return slot.pointee
    }

    private func reset() {
        state.pointee.count = 0
        state.pointee.focusTaken = false
        if state.pointee.capacity > Arena.keptCapacity {
            state.pointee.base.deallocate()
            state.pointee.capacity = Arena.initialCapacity
            state.pointee.base = .allocate(capacity: Arena.initialCapacity)
        }
    }

    /// True for the first control of a page that asks for the focus, false for any after it.
    func takeFocus() -> Bool {
        if state.pointee.focusTaken { return false }
        state.pointee.focusTaken = true
        return true
    }

    /// Room for `extra` more bytes. Moves the buffer: read `base` only after calling it.
    @inlinable @inline(__always)
    func reserve(_ extra: Int) {
        if state.pointee.count + extra > state.pointee.capacity { grow(extra) }
    }

    @usableFromInline
    func grow(_ extra: Int) {
        let count = state.pointee.count
        var grown = state.pointee.capacity * 2
        while grown < count + extra { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: state.pointee.base, count: count)
        state.pointee.base.deallocate()
        state.pointee.base = moved
        state.pointee.capacity = grown
    }

    @inlinable @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        state.pointee.base[state.pointee.count] = byte
        state.pointee.count &+= 1
    }

    @inlinable @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        let target = UnsafeMutableRawPointer(state.pointee.base + state.pointee.count)
        copySmall(from: UnsafeRawPointer(source), to: target, count: bytes.count)
        state.pointee.count &+= bytes.count
    }

    /// Most appends are a tag's name, a class, a word: a few bytes, for which a call to
    /// memcpy costs more than the copy. Up to 16 bytes move as two words that may overlap
    /// (as memcpy does inside), without the call.
    @inlinable @inline(__always)
    func copySmall(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
        switch count {
        case 8...16:
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        case 1..<4:
            let first = source.load(as: UInt8.self)
            let middle = source.load(fromByteOffset: count / 2, as: UInt8.self)
            let last = source.load(fromByteOffset: count - 1, as: UInt8.self)
            target.storeBytes(of: first, as: UInt8.self)
            target.storeBytes(of: middle, toByteOffset: count / 2, as: UInt8.self)
            target.storeBytes(of: last, toByteOffset: count - 1, as: UInt8.self)
        default:
            target.copyMemory(from: source, byteCount: count)
        }
    }

    /// A name or other text of our own, unescaped.
    @inlinable
    func append(raw text: String) {
        withUTF8(of: text) { append($0) }
    }

    /// An element's or attribute's name: a literal, read without reference counting; inlined
    /// where the literal is known, its length and bytes are constants and the copy a few stores.
    @inlinable @inline(__always)
    func append(name: StaticString) {
        if name.hasPointerRepresentation {
            append(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        } else {
            name.withUTF8Buffer { append($0) }
        }
    }

    /// Bytes of this or another arena: reserves before reading, since growing moves them.
    func append(from source: Arena, start: Int, end: Int) {
        reserve(end - start)
        (state.pointee.base + state.pointee.count).update(from: source.base + start, count: end - start)
        state.pointee.count += end - start
    }

    /// The escaped UTF-8 of `value` (see `Escape`).
    /// Copies while it looks, straight into the buffer: eight bytes at a time while a word
    /// holds nothing to escape (`Escape.isPlain`), byte by byte around a character that needs
    /// its entity. A page escapes a thousand values, names and whole descriptions, for which
    /// the byte loop alone was a tenth of a customer's list page (callgrind).
    @usableFromInline
    func append(escaped value: String, attribute: Bool) {
        withUTF8(of: value) { bytes in
            guard let source = bytes.baseAddress else { return }
            let count = bytes.count
            let special = attribute ? Escape.attributeSpecial : Escape.textSpecial
            reserve(count)
            var target = state.pointee.base + state.pointee.count
            var written = 0
            var index = 0
            while index < count {
                if index &+ 8 <= count {
                    let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                    if Escape.isPlain(word, attribute: attribute) {
                        UnsafeMutableRawPointer(target + written).storeBytes(of: word, as: UInt64.self)
                        written &+= 8
                        index &+= 8
                        continue
                    }
                }
                let byte = source[index]
                index &+= 1
                if byte >= 64 || special & (1 << UInt64(byte)) == 0 {
                    target[written] = byte
                    written &+= 1
                    continue
                }
                state.pointee.count &+= written
                Escape.entity(for: byte).withUTF8Buffer { append($0) }
                // The rest may need as much room again; the buffer may have moved.
                reserve(count - index)
                target = state.pointee.base + state.pointee.count
                written = 0
            }
            state.pointee.count &+= written
        }
    }

}

/// The UTF-8 of a string, read in place: `String.withUTF8` is mutating, so calling it on a
/// parameter copies the string first, a retain and a release per call, several per element
/// of every page. Every native string is contiguous; the copy stays for any other.
@inlinable @inline(__always)
func withUTF8<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = text
    return copy.withUTF8(body)
}

/// Releases a thread's arena when the thread ends.
private let slotKey: pthread_key_t = {
    var key = pthread_key_t()
    let result = pthread_key_create(&key) { raw in
        guard let slot = raw?.assumingMemoryBound(to: Arena.self) else { return }
        slot.deinitialize(count: 1)
        slot.deallocate()
    }
    precondition(result == 0, "pthread_key_create failed: \(result)")
    return key
}()
