import PortalCrypto
import Testing

@Suite("PasswordHasher")
struct PasswordHasherTests {
    @Test("verifies the right password and refuses a wrong one")
    func roundTrip() {
        let encoded = PasswordHasher.hash("cavallo batteria graffetta")
        #expect(encoded.hasPrefix("$argon2id$"))
        #expect(PasswordHasher.verify("cavallo batteria graffetta", against: encoded))
        #expect(!PasswordHasher.verify("cavallo batteria graffetta ", against: encoded))
        #expect(!PasswordHasher.verify("", against: encoded))
    }

    @Test("salts every hash")
    func salted() {
        #expect(PasswordHasher.hash("stessa password") != PasswordHasher.hash("stessa password"))
    }

    @Test("a 200-character unicode password works, and its last character counts (no truncation)")
    func longUnicodePassword() {
        let stem = String(repeating: "è🔑", count: 99) + "ß"
        let password = stem + "a"
        #expect(password.count == 200)
        let encoded = PasswordHasher.hash(password)
        #expect(PasswordHasher.verify(password, against: encoded))
        #expect(!PasswordHasher.verify(stem + "b", against: encoded))
    }

    @Test("a garbage hash verifies nothing")
    func garbageHash() {
        #expect(!PasswordHasher.verify("password", against: "not a hash"))
    }
}
