import PortalDomain
import PortalHTTP

extension DomainError {
    /// The status a refusal of the domain answers with; its message is already Italian.
    var httpError: HTTPError {
        let status = switch code {
        case .notFound: 404
        case .alreadyMember, .companyExists, .accountExists: 409
        case .invalidInput, .lastManager: 422
        case .companyDeactivated, .ticketClosed: 409
        case .storageQuota: 413
        case .invitationLimit, .ticketLimit, .replyLimit: 429
        }
        return HTTPError(status: status, message: message, reason: "domain refusal \(code)")
    }
}
