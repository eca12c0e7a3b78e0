import PortalCore
import PortalHTTP
import PortalStore

/// GET and POST /desk/tempi ("Tempi di risposta", a Responsabile's page): the targets per
/// priority and the working calendar. Saving computes every open ticket's deadline again.
enum TargetsHandlers {
    static func show(_ request: Request, _ context: OperatorContext) throws -> Response {
        let settings = try ResponseTargetStore(context.services.database).settings()
        let notice = request.query["avviso"] == "salvato" ? Text.targetsSaved : nil
        return Response.html(bytes: TargetsPage(viewer: context.viewer, form: TargetsForm(settings), notice: notice).render())
    }

    static func save(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        var form = TargetsForm(request.form)
        guard let settings = form.settings() else {
            let page = TargetsPage(viewer: context.viewer, form: form, notice: nil)
            return Response.html(bytes: page.render(), status: 422)
        }
        let store = ResponseTargetStore(services.database)
        let changed = try services.database.write { tx in
            let changes = TargetsForm.changes(from: try store.settings(), to: settings)
            guard !changes.isEmpty else { return false }
            try store.save(in: tx, settings, now: services.now)
            try context.audit(in: tx, "response_targets_changed", detail: changes.joined(separator: "; "), request)
            return true
        }
        // After the commit, in batches: the page answers once every open ticket's deadline
        // moved. The same values saved again finish a pass a crash cut short.
        if try changed || store.deadlinesPending() { try store.recomputeDue() }
        throw Redirect(to: "/desk/tempi?avviso=salvato")
    }
}
