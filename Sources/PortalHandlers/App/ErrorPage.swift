import PortalHTML
import PortalHTTP

enum ErrorPage {
    static func response(for error: HTTPError) -> Response {
        Response.html(Page.error(error.message).render(), status: error.status)
    }
}
