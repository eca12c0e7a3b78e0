import PortalCore
import PortalStore

/// The ticket forms' upload rules for files that arrive by e-mail (`portal-mailgate`): the
/// same checks and the same storage as `Uploads`, without a form.
public struct MailUploads {
    let uploads: Uploads

    public init(services: Services) { uploads = Uploads(services: services) }

    /// The longest message text the forms accept.
    public static var messageLimit: Int { TicketForm.descriptionLimit }

    /// The files stored and ready to attach, or the first rule they break (Italian).
    public func accept(_ files: [(fileName: String, contentType: String, bytes: [UInt8])]) throws
        -> (files: [NewAttachment], error: String?)
    {
        var accepted: [NewAttachment] = []
        for file in files {
            switch try uploads.accept(fileName: file.fileName, bytes: file.bytes) {
            case .success(let attachment): accepted.append(attachment)
            case .failure(let refusal): return (accepted, refusal.message)
            }
        }
        if accepted.count > Uploads.maxFiles { return (accepted, Text.tooManyFiles) }
        return (accepted, nil)
    }
}
