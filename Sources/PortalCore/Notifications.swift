/// What a customer hears of by e-mail, chosen per kind under "Notifiche" in the profile.
public enum NotificationKind: String, CaseIterable, Sendable {
    /// The support team's replies.
    case replies
    /// A ticket's status changes, closing included.
    case statusChanges = "status"

    /// The name of the setting in the user's preferences (per company).
    public var preferenceName: String { "notify." + rawValue }

    public var label: String {
        switch self {
        case .replies: Text.notifyReplies
        case .statusChanges: Text.notifyStatusChanges
        }
    }
}

public enum NotificationChoice: String, CaseIterable, Sendable {
    /// The tickets I asked for or of which I am the "Referente ticket" (the default).
    case mine
    /// Every ticket of the company.
    case company
    case none

    public var label: String {
        switch self {
        case .mine: Text.notifyMine
        case .company: Text.notifyCompany
        case .none: Text.notifyNone
        }
    }

    /// Whether a user with this choice hears of a ticket, being involved in it or not.
    public func includes(involved: Bool) -> Bool {
        switch self {
        case .mine: involved
        case .company: true
        case .none: false
        }
    }
}
