import PortalCore
import PortalDomain
import PortalHTTP
import PortalStore

/// A save that failed for the server's reasons (a full disk, a database still locked after
/// its wait, an attachments folder gone): nothing the person typed was wrong, so the forms
/// that hold long texts (a new ticket, a reply, a note) come back filled in with why, instead
/// of the generic error page that lost them without JavaScript's drafts.
enum SaveFault {
    /// Only the storage's own failures: refusals (`DomainError`, `HTTPError`) and redirects
    /// keep their usual answers.
    static func matches(_ error: any Error) -> Bool {
        error is DatabaseError || error is ContentStoreError
    }

    /// The status of the page that comes back: the service could not take the form now.
    static let status = 503

    /// Logged as the generic error page would have logged it.
    static func log(_ error: any Error, _ request: Request) {
        Log.event("save_failed", [("path", request.path), ("error", String(describing: error))])
    }
}
