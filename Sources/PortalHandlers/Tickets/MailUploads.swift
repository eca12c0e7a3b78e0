import PortalCore
import PortalStore

/// The ticket forms' upload rules for files that arrive by e-mail (`portal-mailgate`): the
/// same checks and the same storage as `Uploads`, without a form.
public struct MailUploads {
    let uploads: Uploads

    /// Owner 0: a message makes no kept reference (its files are attached or refused at once).
    public init(services: Services) { uploads = Uploads(services: services, owner: 0) }

    /// The most files one message may carry.
    public static var maxFiles: Int { Uploads.maxFiles }

    /// The longest message text the forms accept.
    public static var messageLimit: Int { TicketForm.descriptionLimit }

    /// The files stored and ready to attach to a ticket of the company `tenantID`, or the
    /// first rule they break (Italian). A customer's files count in the company's quota, an
    /// operator's (`enforcingQuota` false) do not, as on the desk.
    public func accept(
        _ files: [(fileName: String, contentType: String, bytes: [UInt8])], tenantID: Int64, enforcingQuota: Bool
    ) throws -> (files: [NewAttachment], error: String?) {
        let accepted = try uploads.accept(
            files.map { ($0.fileName, $0.bytes) }, for: .company(tenantID, enforcingQuota: enforcingQuota))
        // Every file refused, as the portal's form says them: told only the first, the writer
        // sent again and met the next.
        return (accepted.files, accepted.refusals.isEmpty ? nil : accepted.refusals.joined(separator: " "))
    }
}
