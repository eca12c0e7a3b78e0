/// What an e-mail carries, which decides when it goes and what stays of it.
///
/// - `secret`: a login code, a reset link or provisional credentials. Sent before any
///   notification, and its body is emptied once delivered: the database (and every backup)
///   keeps no usable secret.
/// - `urgent`: someone waits for it (an invitation): sent before notifications, kept.
/// - `notification`: what happened to a ticket; sent in order after the urgent ones.
public enum MailKind: Sendable {
    case secret, urgent, notification

    /// The outbox's `priority` column: lower goes first.
    var priority: Int64 { self == .notification ? 1 : 0 }
    var isSecret: Bool { self == .secret }
}
