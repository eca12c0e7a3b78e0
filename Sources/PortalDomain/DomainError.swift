import PortalCore

/// Why a domain operation was refused. Callers tell refusals apart by `code`, never by the
/// message, which is the Italian sentence shown to a person (`portal-admin` prints it too).
public struct DomainError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: Sendable, Equatable {
        /// The person is a member of the company already.
        case alreadyMember
        /// A company with this P.IVA exists.
        case companyExists
        /// An account with this address exists.
        case accountExists
        /// A name or text that the rules refuse.
        case invalidInput
        /// No such ticket, user or company (or not visible to the caller).
        case notFound
        /// The change would leave the desk without an active "Responsabile".
        case lastManager
        /// The company is deactivated: nobody enters it, nobody is invited into it.
        case companyDeactivated
        /// The company's files would pass its storage quota.
        case storageQuota
        /// Too many invitations to one address or from one company in a short time.
        case invitationLimit
        /// Too many new tickets from one person or one company in an hour.
        case ticketLimit
        /// Too many messages from one person in an hour.
        case replyLimit
        /// The ticket is closed: the change needs the reply that reopens it.
        case ticketClosed
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
