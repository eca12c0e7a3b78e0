import PortalHTTP
import PortalStore

/// A ticket's file, answered by nginx (`X-Accel-Redirect`) after the caller's check, always as
/// a download: never rendered inline, whatever it contains.
enum TicketFileResponse {
    static func make(_ file: TicketAttachment) throws -> Response {
        var response = Response(status: 200, contentType: "application/octet-stream")
        try response.setHeader("X-Accel-Redirect", "/attachments-internal/" + file.sha256)
        try response.setHeader("Content-Disposition", ContentDisposition.attachment(file.fileName))
        try response.setHeader("Cache-Control", "private, no-store")
        return response
    }
}
