/// The password rules (OWASP ASVS 4.0.3 level 2): length only, no composition rules, and
/// nothing the account itself would give away.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 256

    public enum Violation: Error, Equatable, Sendable {
        case tooShort, tooLong, containsPersonalData, mismatch
    }

    /// Length is counted in Unicode characters, as a person counts them.
    public static func check(
        _ password: String, confirmation: String? = nil, email: EmailAddress?, names: [String] = []
    ) -> Violation? {
        if password.count < minimumLength { return .tooShort }
        if password.count > maximumLength { return .tooLong }
        let lowered = password.lowercased()
        var personal = names.map { $0.trimmingWhitespace().lowercased() }.filter { $0.count >= 3 }
        if let email { personal.append(email.localPart) }
        if personal.contains(where: { !$0.isEmpty && lowered.contains($0) }) { return .containsPersonalData }
        if let confirmation, confirmation != password { return .mismatch }
        return nil
    }
}
