import PortalCore
import Testing

@Suite("PasswordPolicy")
struct PasswordPolicyTests {
    private let email = EmailAddress("mario.rossi@example.it")

    @Test("11 characters are too short, 12 are enough")
    func length() {
        #expect(PasswordPolicy.check("abcdefghijk", email: email) == .tooShort)
        #expect(PasswordPolicy.check("cavallo rosa", email: email) == nil)
    }

    @Test("length counts characters, not bytes")
    func unicodeLength() {
        #expect(PasswordPolicy.check(String(repeating: "è", count: 11), email: nil) == .tooShort)
        #expect(PasswordPolicy.check("èàìòùéèàìòùé", email: nil) == nil)
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

    @Test("refuses a name or the address written without its accents, case or punctuation", arguments: [
        ("eloise-la-mia-password", ["Éloïse", "Dupré"]), ("Casa di NICOLO 2026", ["Nicolò", "Bianchi"]),
        ("MarioRossi-2026!", []), ("mario_rossi e la luna", []), ("la famiglia D'Angelo 1", ["Luca", "D'Angelo"]),
    ])
    func foldedPersonalData(_ password: String, _ names: [String]) {
        #expect(PasswordPolicy.check(password, email: email, names: names) == .containsPersonalData)
    }

    @Test("a name or address part under four letters may appear inside other words")
    func shortParts() {
        #expect(PasswordPolicy.check("Prova-sollevamento-2026", email: nil, names: ["Eva", "Ré"]) == nil)
        #expect(PasswordPolicy.check("Cromo-Esploratore-2026", email: EmailAddress("cr@example.it"), names: []) == nil)
    }

    @Test("refuses a confirmation that differs")
    func mismatch() {
        #expect(PasswordPolicy.violations("cavallo batteria", confirmation: "cavallo batteria!", email: email) == [.mismatch])
        #expect(PasswordPolicy.violations("cavallo batteria", confirmation: "cavallo batteria", email: email).isEmpty)
    }

    @Test("names the password's rule and the confirmation's together, each once")
    func everyViolation() {
        #expect(PasswordPolicy.violations("corta", confirmation: "altra", email: email) == [.tooShort, .mismatch])
        #expect(PasswordPolicy.violations("corta", confirmation: "corta", email: email) == [.tooShort])
        #expect(PasswordPolicy.violations("cavallo batteria", confirmation: "cavallo", email: email) == [.mismatch])
        #expect(PasswordPolicy.violations("cavallo batteria", confirmation: "cavallo batteria", email: email).isEmpty)
    }

    @Test("allows a 200-character password, refuses one over 256")
    func longPasswords() {
        #expect(PasswordPolicy.check(String(repeating: "cavallo ", count: 25), email: email) == nil)
        #expect(PasswordPolicy.check(String(repeating: "a", count: 257), email: email) == .tooLong)
    }

    @Test("refuses a control character no password field lets one type", arguments: [
        "cavallo\u{0}batteria", "cavallo\nbatteria graffa", "cavallo\tbatteria", "cavallo\u{7F}batteria", "cavallo\u{85}batteria",
    ])
    func controlCharacters(_ password: String) {
        #expect(PasswordPolicy.check(password, email: email) == .controlCharacter)
    }

    @Test("refuses what a guesser tries first: a character repeated, few characters, a run, a common one", arguments: [
        "xxxxxxxxxxxx", "abcabcabcabc", "121212121212", "abcdefghijkl", "ABCDEFGHIJKLMN", "123456789012", "210987654321",
        "Password1234", "qwerty123456", "Benvenuto123",
    ])
    func guessable(_ password: String) {
        #expect(PasswordPolicy.check(password, email: email) == .tooGuessable)
    }

    @Test("a phrase with repeated letters or digits in order inside it passes", arguments: [
        "aaa casa nuova", "la mia 1234 chiave", "abcdefghijkl!", "ventidue marzo",
    ])
    func notGuessable(_ password: String) {
        #expect(PasswordPolicy.check(password, email: email) == nil)
    }
}
