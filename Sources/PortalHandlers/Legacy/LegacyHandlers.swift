import PortalCore
import PortalHTTP

/// GET and POST /portale-classico: the notice, the manuals and the login by P.IVA. Every
/// valid number gets the same answer; the form is gone once the closing day has come.
enum LegacyHandlers {
    static func show(_ request: Request, _ services: Services) throws -> Response {
        let settings = LegacySettings(services.config)
        let visitor = Cookies.visitor(for: request)
        var page = LegacyPage(settings: settings, csrfToken: CSRF.token(for: visitor.value, secret: services.secret))
        page.isClosed = settings.isClosed(at: services.now)
        var response = Response.html(page.render())
        if let cookie = visitor.newCookie { try response.setCookie(cookie) }
        return response
    }

    static func submit(_ request: Request, _ services: Services) throws -> Response {
        let settings = LegacySettings(services.config)
        var page = LegacyPage(
            settings: settings, csrfToken: CSRF.token(for: Cookies.visitorValue(request) ?? "", secret: services.secret))
        if settings.isClosed(at: services.now) {
            page.isClosed = true
            return Response.html(page.render(), status: 410)
        }
        let form = try request.form()
        try CSRF.verify(form, cookieValue: Cookies.visitorValue(request), secret: services.secret)
        let typed = String((form["vat"] ?? "").prefix(40))
        switch VATInput(typed) {
        case .empty:
            page.error = Text.fieldRequired
        case .badFormat:
            page.error = Text.legacyVATFormat
        case .badCheckDigit:
            page.error = Text.legacyVATChecksum
        case .valid(let vat):
            try LegacyAccessRequest(settings: settings, services: services).handle(vat, clientIP: request.clientAddress)
            page.answered = true
            return Response.html(page.render())
        }
        page.typedVAT = typed.trimmingWhitespace()
        return Response.html(page.render(), status: 422)
    }
}
