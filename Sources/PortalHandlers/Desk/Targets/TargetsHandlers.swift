import PortalCore
import PortalHTTP
import PortalStore

/// GET and POST /desk/tempi ("Tempi di risposta", a Responsabile's page): the targets per
/// priority and the working calendar. Saving computes every open ticket's deadline again.
enum TargetsHandlers {
    static func show(_ request: Request, _ context: OperatorContext) throws -> Response {
        let store = ResponseTargetStore(context.services.database)
        let form = try context.services.database.read { TargetsForm(try store.settings(), version: try store.changeNumber()) }
        let notice = request.query["avviso"] == "salvato" ? Text.targetsSaved : nil
        return Response.html(bytes: TargetsPage(viewer: context.viewer, form: form, notice: notice).render())
    }

    /// Another Responsabile saved since the page was read: nothing was saved.
    struct SavedMeanwhile: Error {
        let changes: [String]
        let version: Int64
    }

    static func save(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        var form = TargetsForm(request.form)
        guard let settings = form.settings() else {
            let page = TargetsPage(viewer: context.viewer, form: form, notice: nil)
            return Response.html(bytes: page.render(), status: 422)
        }
        let store = ResponseTargetStore(services.database)
        let changed: Bool
        do {
            changed = try services.database.write { tx in
                let changes = TargetsForm.changes(from: try store.settings(), to: settings)
                guard !changes.isEmpty else { return false }
                // Saved from a page older than the last change: a colleague's hours were undone
                // without a word. The page comes back as typed, saying what pressing again changes.
                let current = try store.changeNumber()
                if let seen = form.version, seen != current { throw SavedMeanwhile(changes: changes, version: current) }
                try store.save(in: tx, settings, now: services.now)
                try context.audit(in: tx, "response_targets_changed", detail: changes.joined(separator: "; "), request)
                return true
            }
        } catch is SavedMeanwhile {
            // The colleague's values where this page's were left as shown; this person's own
            // changes on top, said, to be confirmed with «Salva».
            let (saved, version) = try services.database.read { (try store.settings(), try store.changeNumber()) }
            var rebased = form.rebased(on: TargetsForm(saved, version: version))
            guard let mine = rebased.settings() else {
                // Refused beside its field, and said to stand on a colleague's save.
                let page = TargetsPage(viewer: context.viewer, form: rebased, notice: nil, warning: Text.targetsSavedMeanwhileRefused)
                return Response.html(bytes: page.render(), status: 422)
            }
            let changes = TargetsForm.changes(from: saved, to: mine)
            // What this page changed, the colleague had already saved.
            if changes.isEmpty { throw Redirect(to: "/desk/tempi?avviso=salvato") }
            let page = TargetsPage(viewer: context.viewer, form: rebased, notice: nil, warning: Text.targetsSavedMeanwhile(changes))
            return Response.html(bytes: page.render(), status: 409)
        }
        // After the commit, in batches: the page answers once every open ticket's deadline
        // moved. The same values saved again finish a pass a crash cut short.
        if try changed || store.deadlinesPending() { try store.recomputeDue() }
        throw Redirect(to: "/desk/tempi?avviso=salvato")
    }
}
