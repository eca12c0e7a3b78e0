import PortalCore
import PortalDomain
import PortalHTML
import PortalHTTP
import PortalStore

/// The one place where a request's error becomes its answer: a redirect, the Italian error
/// page for the browser's pages, `{"error": …}` for `/api/`, with the error's status. An
/// error that is not ours is a generic 500 and one log line.
enum ErrorPage {
    static func response(for error: any Error, _ request: Request?) -> Response {
        let path = request?.path ?? ""
        if let redirect = error as? Redirect {
            // A script is told in JSON, with the status its page already handles by going
            // through the login (which then sends the browser where the redirect pointed).
            if path.hasPrefix("/api/") {
                return Response.json(JSONValue.object(["error": .string(Text.apiNoCompany)]).text, status: 401)
            }
            return (try? Response.redirect(to: redirect.location)) ?? response(for: HTTPError.badRequest("bad redirect"), request)
        }
        var failure: HTTPError
        switch error {
        case let error as HTTPError: failure = error
        case let error as DomainError: failure = error.httpError
        case let error as DatabaseError where error.isBusy || error.isStorageFault:
            // The single writer held past the wait (a stalled worker, a long save) or a full
            // disk: the transaction was undone, said as such, not "un errore imprevisto" that
            // may have saved.
            Log.event("request_failed", [("path", path), ("error", String(describing: error))])
            failure = HTTPError(
                status: 503, message: error.isBusy ? Text.errorBusy : Text.errorStorage,
                reason: error.isBusy ? "database busy" : "storage fault")
        default:
            Log.event("request_failed", [("path", path), ("error", String(describing: error))])
            failure = HTTPError.internalError("\(error)")
            if request?.method == "POST" {
                failure = HTTPError(status: 500, message: Text.errorInternalAfterForm, reason: failure.reason)
            }
        }
        if failure.status >= 500 || !failure.reason.isEmpty {
            Log.event("request_refused", [("path", path), ("status", String(failure.status)), ("reason", failure.reason)])
        }
        var answer: Response
        if path.hasPrefix("/api/") {
            let message = failure.status == 413 ? Text.apiTooLarge : failure.message
            answer = Response.json(JSONValue.object(["error": .string(message)]).text, status: failure.status)
        } else if let location = failure.location, let redirect = try? Response.redirect(to: location) {
            return redirect
        } else {
            if failure.status == 404, let request, Cookies.sessionValue(request) == nil { failure = HTTPError.notFoundSignedOut }
            answer = Response.html(
                Page.error(failure.message, title: failure.title ?? (failure.isPlainNotFound ? Text.errorNotFoundTitle : Text.errorTitle))
                    .render(),
                status: failure.status)
        }
        if failure.status == 503 { try? answer.setHeader("Retry-After", "5") }
        // RFC 9110: a 405 names the methods its address takes.
        if !failure.allow.isEmpty { try? answer.setHeader("Allow", failure.allow.joined(separator: ", ")) }
        return answer
    }
}
