import PortalCore
import Testing

@Suite("PasswordPolicy")
struct PasswordPolicyTests {
    private let email = EmailAddress("mario.rossi@example.it")

    @Test("11 characters are too short, 12 are enough")
    func length() {
        #expect(PasswordPolicy.check("abcdefghijk", email: email) == .tooShort)
        #expect(PasswordPolicy.check("abcdefghijkl", email: email) == nil)
    }

    @Test("length counts characters, not bytes")
    func unicodeLength() {
        #expect(PasswordPolicy.check(String(repeating: "è", count: 11), email: nil) == .tooShort)
        #expect(PasswordPolicy.check(String(repeating: "è", count: 12), email: nil) == nil)
    }

    @Test("refuses the e-mail local part, whatever its case", arguments: [
        "mario.rossi2024!", "XX-MARIO.ROSSI-XX", "Mario.Rossi è forte",
    ])
    func personalData(_ password: String) {
        #expect(PasswordPolicy.check(password, email: email) == .containsPersonalData)
    }

    @Test("refuses a name of the person")
    func names() {
        #expect(PasswordPolicy.check("sono Bianchi per sempre", email: nil, names: ["Anna", "Bianchi"]) == .containsPersonalData)
    }

    @Test("refuses a confirmation that differs")
    func mismatch() {
        #expect(PasswordPolicy.check("cavallo batteria", confirmation: "cavallo batteria!", email: email) == .mismatch)
        #expect(PasswordPolicy.check("cavallo batteria", confirmation: "cavallo batteria", email: email) == nil)
    }

    @Test("allows a 200-character password, refuses one over 256")
    func longPasswords() {
        #expect(PasswordPolicy.check(String(repeating: "ab", count: 100), email: email) == nil)
        #expect(PasswordPolicy.check(String(repeating: "a", count: 257), email: email) == .tooLong)
    }
}
