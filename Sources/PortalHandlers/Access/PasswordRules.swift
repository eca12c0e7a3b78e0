import PortalCore

/// The password policy's verdicts as the messages shown next to the field.
enum PasswordRules {
    /// The violation's message keyed by the field it is shown beside: the confirmation's for a
    /// mismatch, the new password's (`passwordField`) otherwise.
    static func errors(for violations: [PasswordPolicy.Violation], passwordField: String = "password") -> [String: String] {
        var errors: [String: String] = [:]
        for violation in violations { errors[violation == .mismatch ? "password_confirmation" : passwordField] = message(for: violation) }
        return errors
    }

    static func message(for violation: PasswordPolicy.Violation) -> String {
        switch violation {
        case .tooShort: Text.passwordTooShort
        case .tooLong: Text.passwordTooLong
        case .controlCharacter: Text.passwordControlCharacter
        case .containsPersonalData: Text.passwordPersonal
        case .tooGuessable: Text.passwordGuessable
        case .mismatch: Text.passwordMismatch
        }
    }

    /// Nome and Cognome ("Creazione Utente", the profile): trimmed and spaces collapsed, required (the name is how
    /// colleagues and the desk know who wrote), at most 100 characters, no control characters,
    /// no invisible formatting (a name is written with every message: reversed, it turned the
    /// message's header backwards).
    static func validName(_ text: String) -> String? {
        let trimmed = text.collapsingSpaces()
        return trimmed.isOneLineName(limit: 100) ? trimmed : nil
    }

    /// Why `validName` refused what was typed, as the message beside the field.
    static func nameMessage(_ typed: String) -> String {
        let trimmed = typed.trimmingWhitespace()
        if trimmed.isEmpty { return Text.fieldRequired }
        // Refused for its length alone, or for what it holds.
        return trimmed.collapsingSpaces().isOneLineName(limit: .max) ? Text.nameTooLong : Text.nameInvisible
    }
}
