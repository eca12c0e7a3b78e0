import PortalCore
import PortalHTML

/// The pages nginx shows for the errors it produces itself (missing file, body too large,
/// rate limit, handler down), in the portal's layout.
struct ErrorPages {
    let path: String
    let message: String

    static let all = [
        ErrorPages(path: "errors/404.html", message: Text.errorNotFound),
        ErrorPages(path: "errors/413.html", message: Text.errorTooLarge),
        ErrorPages(path: "errors/429.html", message: Text.loginThrottled),
        ErrorPages(path: "errors/50x.html", message: Text.errorUnavailable),
    ]

    func render(stylesheet: String) -> String {
        var page = Page.error(message)
        page.stylesheet = stylesheet
        return page.render()
    }
}
