import PortalCore
import PortalHTML
import PortalStore

/// The file input of a ticket form, with the files already chosen in a refused attempt.
enum FileFields {
    static func render(
        field: String, label: String, hint: String, kept: [(reference: String, file: NewAttachment)], error: String?
    ) -> Node {
        el("div", ["class": error == nil ? "field" : "field field--invalid"]) {
            el("label", ["for": field]) { label }
            el("input", ["type": "file", "id": field, "name": field, "multiple": "multiple", "aria-describedby": "\(field)-hint"])
            // The manual's "+ Scegli" and the names chosen, in Italian: the browser's own picker
            // reads in the browser's language (Firefox: "Browse… No files selected."). Shown by
            // assets/pwa.js, which then hides the picker; without scripts the picker stays.
            el("button", ["type": "button", "class": "button button--ghost file-choose", "data-for": field, "hidden": "hidden",
                          "aria-describedby": "\(field)-chosen"]) { Text.chooseFiles }
            el("p", ["class": "chosen-files muted", "id": "\(field)-chosen", "hidden": "hidden", "data-none": Text.noFilesChosen]) {
                Text.noFilesChosen
            }
            el("p", ["class": "muted", "id": "\(field)-hint"]) { hint }
            if let error { el("p", ["class": "field-error", "role": "alert"]) { error } }
            if !kept.isEmpty {
                el("fieldset", ["class": "kept-files"]) {
                    el("legend") { Text.keptFiles }
                    for (index, entry) in kept.enumerated() {
                        el("div", ["class": "choice"]) {
                            el("input", ["type": "checkbox", "id": "kept-\(index)", "name": "kept", "value": entry.reference, "checked": "checked"])
                            el("label", ["for": "kept-\(index)"]) { "\(entry.file.fileName) (\(Uploads.humanSize(entry.file.size)))" }
                        }
                    }
                }
            }
        }
    }
}
