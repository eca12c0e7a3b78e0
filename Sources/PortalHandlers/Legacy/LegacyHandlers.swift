import PortalCore
import PortalHTTP

/// GET and POST /portale-classico: the notice, the manuals and the login by P.IVA. Every
/// valid number gets the same answer; the form is gone once the closing day has come.
enum LegacyHandlers {
    static func show(_ request: Request, _ context: VisitorContext) throws -> Response {
        let services = context.services
        let settings = LegacySettings(services.config)
        var page = LegacyPage(settings: settings, csrfToken: context.csrfToken)
        page.isClosed = settings.isClosed(at: services.now)
        let response = Response.html(page.render())
        return response
    }

    static func submit(_ request: Request, _ context: VisitorContext) throws -> Response {
        let services = context.services
        let settings = LegacySettings(services.config)
        var page = LegacyPage(
            settings: settings, csrfToken: context.csrfToken)
        if settings.isClosed(at: services.now) {
            page.isClosed = true
            return Response.html(page.render(), status: 410)
        }
        let form = request.form
        let typed = String((form["vat"] ?? "").prefix(40))
        let input = VATInput(typed)
        if case .valid(let vat) = input {
            try LegacyAccessRequest(settings: settings, services: services).handle(vat, clientIP: request.clientAddress)
            page.answered = true
            return Response.html(page.render())
        }
        page.error = input.refusal
        page.typedVAT = typed.trimmingWhitespace()
        return Response.html(page.render(), status: 422)
    }
}
