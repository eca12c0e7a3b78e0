import CSodium

/// libsodium must be initialised once per process before any other call; `sodium_init`
/// is idempotent and thread-safe, so every entry point simply calls this.
enum Sodium {
    static func ensureInitialized() {
        // 1 means "already initialised"; only -1 is a failure, and then nothing is safe.
        precondition(sodium_init() >= 0, "libsodium could not be initialised")
    }
}
