import PortalCore
import PortalHTML

/// "Tempi di risposta": a table of targets (priorities by first answer and resolution), the
/// working hours and the holidays, each field with its error beside it.
struct TargetsPage {
    var viewer: Viewer
    var form: TargetsForm
    var notice: String?
    /// Saved by someone else since this page was read: what pressing "Salva" again changes.
    var warning: String?

    func render() -> [UInt8] {
        Page(title: Text.responseTargetsTitle, kind: .app(viewer), currentPath: "/desk/tempi") {
            el("h1", ["class": "page-title"]) { Text.responseTargetsTitle }
            if let notice { FormField.notice(notice, kind: "success") }
            if let warning { FormField.notice(warning, kind: "warning") }
            if !form.errors.isEmpty { FormField.notice(Text.targetsRefused, kind: "error") }
            el("form", ["class": "card form targets-form", "method": "post", "action": "/desk/tempi", "novalidate": "novalidate"]) {
                FormField.csrf(viewer.csrfToken)
                if let version = form.version { FormField.hidden(TargetsForm.version, String(version)) }
                for name in TargetsForm.names { if let value = form.shown[name] { FormField.hidden(TargetsForm.shownName(name), value) } }
                el("p") { Text.responseTargetsIntro }
                el("fieldset", ["class": "field targets"]) {
                    el("legend") { Text.targetsLegend }
                    el("p", ["class": "muted", "id": "targets-hint"]) { Text.targetsHint }
                    DataTable.render(className: "table targets-table", headings: [Text.priority, Text.targetFirstAnswer, Text.targetResolution]) {
                        for priority in Priority.allCases.reversed() {
                            el("tr") {
                                el("th", ["scope": "row"]) { priority.label }
                                cell(.firstAnswer, priority)
                                cell(.resolution, priority)
                            }
                        }
                    }
                }
                FormField.input(id: TargetsForm.hours, label: Text.workingHours, value: form.values[TargetsForm.hours] ?? "",
                                error: form.errors[TargetsForm.hours], maxLength: 200)
                el("p", ["class": "muted"]) { Text.workingHoursHint }
                el("p", ["class": "muted"]) { Text.nationalHolidays }
                FormField.textarea(id: TargetsForm.added, label: Text.holidaysAdded, value: form.values[TargetsForm.added] ?? "",
                                   error: form.errors[TargetsForm.added], hint: Text.holidaysAddedHint, rows: 4,
                                   maxLength: TargetsForm.calendarFieldLimit)
                FormField.textarea(id: TargetsForm.removed, label: Text.holidaysRemoved, value: form.values[TargetsForm.removed] ?? "",
                                   error: form.errors[TargetsForm.removed], hint: Text.holidaysRemovedHint, rows: 3,
                                   maxLength: TargetsForm.calendarFieldLimit)
                el("div", ["class": "form-actions"]) {
                    el("button", ["class": "button button--primary", "type": "submit"]) { Text.targetsSave }
                }
            }
        }.renderBytes()
    }

    /// One target's field: its label names both the target and the priority, for a screen
    /// reader that reads the field alone; the table's headings show the same to the eye.
    func cell(_ kind: ResponseTargets.Kind, _ priority: Priority) -> Node {
        let id = TargetsForm.field(kind, priority)
        let error = form.errors[id]
        return el("td") {
            el("div", ["class": error == nil ? "target-field" : "target-field field--invalid"]) {
            el("label", ["class": "visually-hidden", "for": id]) { Text.targetField(kind.label, priority.label) }
            el("input", [
                "id": id, "name": id, "type": "text", "inputmode": "decimal", "size": "6", "maxlength": "12",
                "value": form.values[id] ?? "", "aria-invalid": error == nil ? nil : "true",
                "aria-describedby": error == nil ? "targets-hint" : "targets-hint \(id)-error",
                // The first refused field has the focus, as in every other form.
                "autofocus": FormField.focus(error != nil),
            ])
            el("span", ["class": "unit"]) { " h" }
            if let error { el("p", ["class": "field-error", "id": "\(id)-error"]) { error } }
            }
        }
    }
}
