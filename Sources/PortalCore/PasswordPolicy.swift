/// The password rules (OWASP ASVS 4.0.3 level 2): length, no composition rules, nothing the
/// account itself would give away, and none of the twelve-character passwords a guesser
/// tries first (ASVS 2.1.7: a character repeated, a keyboard or alphabet run, the commonest).
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 256

    public enum Violation: Error, Equatable, Sendable {
        case tooShort, tooLong, controlCharacter, containsPersonalData, tooGuessable, mismatch
    }

    /// The commonest passwords of twelve characters or more in the public breach lists, and
    /// the Italian ones a portal's users would reach for; compared in lower case.
    static let common: Set<String> = [
        "password1234", "password12345", "password123456", "passwordpassword", "123456789012", "1234567890123",
        "12345678901234", "qwertyuiop12", "qwerty123456", "qwertyuiopasdf", "iloveyou1234", "abcd12345678",
        "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "password2024", "password2025", "password2026",
        "benvenuto123", "benvenuto1234", "ciaociaociao", "passwordnuova", "nuovapassword", "cambiamiora1",
        "portale12345", "assistenza123", "assistenza1234",
    ]

    /// Length is counted in Unicode characters, as a person counts them.
    /// The password's own rules, the first broken; a confirmation is `violations`'.
    public static func check(_ password: String, email: EmailAddress?, names: [String] = []) -> Violation? {
        if password.count < minimumLength { return .tooShort }
        if password.count > maximumLength { return .tooLong }
        // A NUL, a line break or another control character cannot be typed in a password
        // field: sent, it came from a script or a paste, and no login form could repeat it.
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .controlCharacter }
        let lowered = password.lowercased()
        // Parts of four characters or more: "Eva" or "cr@…" would refuse "sollevamento" or
        // "Cromo", words that say nothing about the person.
        let personal = (names.map { $0.trimmingWhitespace().lowercased() } + [email?.localPart ?? ""])
            .filter { $0.count >= 4 }
        if personal.contains(where: { lowered.contains($0) }) { return .containsPersonalData }
        // Again without accents, case or punctuation: "eloise-2026…" for Éloïse, or
        // "MarioRossi…" for mario.rossi@, gives the person away as much as the exact spelling.
        let squeezedPassword = squeezed(password)
        let squeezedPersonal = (names + [email?.localPart ?? ""]).map(squeezed).filter { $0.count >= 4 }
        if squeezedPersonal.contains(where: { squeezedPassword.contains($0) }) { return .containsPersonalData }
        if isGuessable(lowered) { return .tooGuessable }
        return nil
    }

    /// Latin letters without their accents and digits, lower case, nothing else (the folding
    /// of the manual's search).
    static func squeezed(_ text: String) -> String {
        String(decoding: DocsSearch.fold(text).letters.filter { $0 != DocsSearch.space }, as: UTF8.self)
    }

    /// Every rule broken: the password's own (the first, as `check`) and the confirmation's.
    /// Both fields' messages at once: a confirmation that did not match was said only after the
    /// password itself had been corrected, a round trip more for a screen reader's user.
    public static func violations(
        _ password: String, confirmation: String?, email: EmailAddress?, names: [String] = []
    ) -> [Violation] {
        var found = check(password, email: email, names: names).map { [$0] } ?? []
        if let confirmation, confirmation != password { found.append(.mismatch) }
        return found
    }

    /// Fewer than five different characters ("xxxxxxxxxxxx", "abcabcabcabc"), one run up or
    /// down ("abcdefghijkl", "210987654321" by code point, wrapping 9 to 0), or a common one.
    static func isGuessable(_ lowered: String) -> Bool {
        if Set(lowered).count < 5 || common.contains(lowered) { return true }
        let points = lowered.unicodeScalars.map { Int($0.value) }
        func step(_ a: Int, _ b: Int) -> Int {
            // "…7890…" and "…0987…" continue the run of digits.
            if a == 57 && b == 48 { return 1 }
            if a == 48 && b == 57 { return -1 }
            return b - a
        }
        let steps = zip(points, points.dropFirst()).map(step)
        return steps.allSatisfy { $0 == 1 } || steps.allSatisfy { $0 == -1 }
    }
}
