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

    /// Logs the fault (as the generic error page would have) and words it for the page that
    /// comes back: `received` of the form's files are kept with it, the others chosen again.
    static func failure(_ error: any Error, _ request: Request, received: Int) -> String {
        Log.event("save_failed", [("path", request.path), ("error", String(describing: error))])
        let sent = request.form.files.filter { !$0.bytes.isEmpty }.count
        return Text.saveFailed(filesLost: sent > received)
    }
}
