import PortalCore
import PortalHTML

/// The pages nginx shows for the errors it produces itself (a request it cannot read, a
/// method a static file does not take, an address or headers too long, missing file, body
/// too large, rate limit, handler down), in the portal's layout. nginx serves them at whatever address
/// failed, so their links start at the site root.
struct ErrorPages {
    let path: String
    let title: String
    let message: String

    static let all = [
        ErrorPages(path: "errors/400.html", title: Text.errorBadRequestTitle, message: Text.errorBadRequest),
        ErrorPages(path: "errors/404.html", title: Text.errorNotFoundTitle, message: Text.errorNotFound),
        ErrorPages(path: "errors/405.html", title: Text.errorMethodTitle, message: Text.errorMethod),
        ErrorPages(path: "errors/414.html", title: Text.errorURITooLongTitle, message: Text.errorURITooLong),
        ErrorPages(path: "errors/413.html", title: Text.errorTooLargeTitle, message: Text.errorTooLarge),
        ErrorPages(path: "errors/429.html", title: Text.errorTooManyTitle, message: Text.errorTooMany),
        ErrorPages(path: "errors/50x.html", title: Text.errorUnavailableTitle, message: Text.errorUnavailable),
    ]

    /// The same error for `/api/` (nginx.conf's error_page there): `{"error": …}`, as the
    /// handlers answer a script.
    var jsonPath: String { path.replacingOccurrences(of: ".html", with: ".json") }

    func json() -> String {
        JSONValue.object(["error": .string(path == "errors/413.html" ? Text.apiTooLarge : message)]).text
    }

    func render(assets: AssetMap) -> String {
        var page = Page.error(message, title: title)
        page.stylesheet = "/" + assets.path("assets/portal.css")
        page.appScript = "/" + assets.path("assets/pwa.js")
        return page.render()
    }
}
