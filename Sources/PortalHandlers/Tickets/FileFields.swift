import PortalCore
import PortalHTML
import PortalStore

/// The file input of a ticket form, with the files already chosen in a refused attempt; the
/// profile's picture too (`single`, with what it `accept`s and its `limit`, said before sending
/// by assets/pwa.js as `tooLarge`).
enum FileFields {
    struct Single {
        let accept: String
        let limit: Int
        let tooLarge: String
    }

    static func render(
        field: String, label: String, hint: String, kept: [(reference: String, file: NewAttachment)], error: String?,
        single: Single? = nil
    ) -> Node {
        el("div", ["class": error == nil ? "field" : "field field--invalid"]) {
            el("label", ["for": field, "id": "\(field)-label"]) { label }
            // A refused file puts the person on the field, as any refused field does (the page's
            // first only): with a file's error alone the focus stayed on the page.
            el("input", ["type": "file", "id": field, "name": field, "multiple": single == nil ? "multiple" : nil,
                         "accept": single?.accept, "data-max-bytes": single.map { String($0.limit) }, "data-too-large": single?.tooLarge,
                         "aria-invalid": error == nil ? nil : "true",
                         "aria-describedby": error == nil ? "\(field)-hint" : "\(field)-hint \(field)-error",
                         "autofocus": FormField.focus(error != nil)])
            // The manual's "+ Scegli" and the names chosen, in Italian: the browser's own picker
            // reads in the browser's language (Firefox: "Browse… No files selected."). Shown by
            // assets/pwa.js, which then hides the picker; without scripts the picker stays.
            // The button keeps its own name (the field's label names the field alone, as a
            // search by label expects one control) and is described by the label, the names
            // chosen, the hint and the error.
            el("div", ["class": "file-chooser", "hidden": "hidden"]) {
                el("button", ["type": "button", "class": "button button--ghost file-choose", "id": "\(field)-choose", "data-for": field,
                              "aria-describedby": "\(field)-label \(field)-chosen \(field)-hint" + (error == nil ? "" : " \(field)-error")]) {
                    Text.chooseFiles
                }
                el("p", ["class": "chosen-files muted", "id": "\(field)-chosen", "aria-live": "polite",
                         "data-none": Text.noFilesChosen, "data-none-more": Text.noOtherFilesChosen]) {
                    Text.noFilesChosen
                }
            }
            el("p", ["class": "muted", "id": "\(field)-hint"]) { hint }
            if let error { el("p", ["class": "field-error", "id": "\(field)-error", "role": "alert"]) { error } }
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
