import PortalCore

/// The form controls of the portal: every input has its `<label>`, and an error is shown
/// next to its field and tied to it with `aria-describedby`.
public enum FormField {
    public static func input(
        id: String, name: String? = nil, label: String, type: String = "text", value: String = "",
        error: String? = nil, required: Bool = false, autocomplete: String? = nil, maxLength: Int? = nil,
        autofocus: Bool = false, hint: String? = nil, marked: Bool = true, alsoDescribedBy: String? = nil,
        ariaLabel: String? = nil, inputMode: String? = nil, verbatim: Bool = false
    ) -> Node {
        // `alsoDescribedBy`: a message of the page's about this field (the login's failure,
        // above the form), read with it when the field takes the focus. `inputMode`: the phone
        // keyboard's kind («Codice Ticket»'s digits); `verbatim`: a code copied as it is, never
        // capitalised or corrected by a phone's keyboard.
        let described = [alsoDescribedBy, describedBy(id, hint: hint, error: error)].compactMap { $0 }.joined(separator: " ")
        return el("div", ["class": error == nil ? "field" : "field field--invalid"]) {
            fieldLabel(for: id, label: label, marked: required && marked)
            el(
                "input",
                [
                    // `ariaLabel`: the label's words and another name for the field («Partita IVA
                    // (P.IVA)»), for whoever looks it up by the other.
                    "id": id, "name": name ?? id, "type": type, "value": type == "password" ? nil : value, "aria-label": ariaLabel,
                    "required": required ? "required" : nil, "autocomplete": autocomplete,
                    "maxlength": maxLength.map(String.init),
                    // A refused form puts the person on its first wrong field, without JavaScript.
                    "autofocus": focus(autofocus || error != nil),
                    "aria-invalid": error == nil ? nil : "true",
                    "aria-describedby": described.isEmpty ? nil : described,
                    "inputmode": inputMode,
                    "autocapitalize": verbatim ? "none" : nil, "spellcheck": verbatim ? "false" : nil,
                ])
            if let hint { el("p", ["class": "muted field-hint", "id": id + "-hint"]) { hint } }
            if let error { el("p", ["class": "field-error", "id": id + "-error"]) { error } }
        }
    }

    /// A date typed as gg/mm/aaaa (or aaaa-mm-gg, gg-mm-aaaa, gg.mm.aaaa: `DateOnly`), in a
    /// text field: each browser draws its own date field in the order of its own language, not
    /// the page's, so "31/12/2030" typed in an English Chromium became «22030-03-11», and in
    /// Firefox stayed empty; the same keys now mean the same date everywhere. A date the page
    /// shows back is written the Italian way.
    public static func dateInput(id: String, label: String, value: String, error: String? = nil) -> Node {
        let shown = DateOnly(value)?.italianText ?? value
        return input(id: id, label: label, value: shown, error: error, autocomplete: "off", maxLength: 10, hint: Text.dateFieldHint)
    }

    /// The ids of a field's hint and error (`<id>-hint`, `<id>-error`), for `aria-describedby`;
    /// nil when it has neither.
    static func describedBy(_ id: String, hint: String?, error: String?) -> String? {
        let ids = [hint == nil ? nil : id + "-hint", error == nil ? nil : id + "-error"].compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    /// The `autofocus` attribute's value for a control that wants the focus: only the page's
    /// first such control has it (the first wrong field of a refused form, else the field a
    /// page starts on), in the order the page is written.
    public static func focus(_ wanted: Bool) -> String? {
        wanted && Arena.current().takeFocus() ? "autofocus" : nil
    }

    /// A field's label; a required one is followed by the "*" of the manual's forms. The
    /// mark stays outside the `<label>` and hidden from assistive technology, so the field's
    /// name is the label's words alone (the `required` attribute says the rest).
    public static func fieldLabel(for id: String, label: String, labelID: String? = nil, marked: Bool) -> Node {
        if !marked { return el("label", ["for": id, "id": labelID]) { label } }
        return el("div", ["class": "field-label"]) {
            el("label", ["for": id, "id": labelID]) { label }
            el("span", ["class": "required-mark", "aria-hidden": "true"]) { "*" }
        }
    }

    /// What the "*" means, said once above a form that marks its required fields.
    public static func requiredLegend(_ text: String) -> Node {
        el("p", ["class": "muted required-legend"]) { text }
    }

    /// A checkbox refused as ticked (a ticket closed too early) carries its own error, so
    /// that the person is told what to change where they change it.
    public static func checkbox(
        id: String, name: String? = nil, label: String, checked: Bool = false, hint: String? = nil, error: String? = nil
    ) -> Node {
        el("div", ["class": error == nil ? "field field--check" : "field field--check field--invalid"]) {
            el("input", ["type": "checkbox", "id": id, "name": name ?? id, "value": "1", "checked": checked ? "checked" : nil,
                         "autofocus": focus(error != nil), "aria-invalid": error == nil ? nil : "true",
                         "aria-describedby": describedBy(id, hint: hint, error: error)])
            el("label", ["for": id]) { label }
            if let hint { el("p", ["class": "muted field-hint", "id": id + "-hint"]) { hint } }
            if let error { el("p", ["class": "field-error", "id": id + "-error"]) { error } }
        }
    }

    /// "Annulla" beside a form's own button, as the manual shows it: a button (a person and
    /// a test look for one), leaving for the address of `cancelForm`, an empty form of its
    /// own, so nothing typed travels in the address and nothing is checked first.
    public static func cancelButton(_ label: String, form id: String = "annulla") -> Node {
        el("button", ["class": "button", "type": "submit", "form": id, "formnovalidate": "formnovalidate"]) { label }
    }

    /// The empty form `cancelButton` sends, outside the form the button sits in (forms do not nest).
    public static func cancelForm(_ action: String, id: String = "annulla") -> Node {
        el("form", ["id": id, "method": "get", "action": action, "hidden": "hidden"]) {}
    }

    public static func csrf(_ token: String) -> Node {
        el("input", ["type": "hidden", "name": "csrf", "value": token])
    }

    /// «Aggiorna»: a button, as the manual draws it beside the other buttons, that reloads
    /// `path` (with `fields` as its query) without JavaScript too: a GET form of one button. It
    /// was a link, which nobody looking for the button «Aggiorna» found.
    public static func refreshButton(
        _ label: String, path: String, fields: [(String, String)] = [], className: String = "button", dataAction: String? = nil
    ) -> Node {
        el("form", ["class": "refresh-form", "method": "get", "action": path]) {
            for (name, value) in fields { hidden(name, value) }
            el("button", ["type": "submit", "class": className, "data-action": dataAction]) { label }
        }
    }

    public static func hidden(_ name: String, _ value: String) -> Node {
        el("input", ["type": "hidden", "name": name, "value": value])
    }

    public static func notice(_ text: String, kind: String = "info", id: String? = nil) -> Node {
        el("div", ["class": "notice notice--\(kind)", "role": kind == "error" ? "alert" : "status", "id": id]) { text }
    }

    /// "Filtri" of a list's filters on a phone (the customers' list, the desk's queue): a
    /// checkbox, as the menu's, whose state the stylesheet reads (`.filters-toggle ~
    /// .ticket-layout`) and which the page script turns into a button; `open` when a filter
    /// needs correcting.
    public static func filtersSwitch(label: String, open: Bool = false) -> Node {
        Node.group {
            el("input", ["type": "checkbox", "id": "filters-toggle", "class": "filters-toggle", "checked": open ? "checked" : nil])
            el("label", ["for": "filters-toggle", "class": "button filters-button"]) { label }
        }
    }

    /// Above a list opened on remembered filters that hide some of it (the customers' list,
    /// the desk's queue): which ones, and "Azzera filtri", a POST of `action` with `azzera`.
    public static func rememberedFilters(_ filters: [String], action: String, csrfToken: String) -> Node {
        el("div", ["class": "notice notice--info remembered-filters", "role": "status"]) {
            el("p") { Text.rememberedFilters(filters.joined(separator: " · ")) }
            el("form", ["method": "post", "action": action, "class": "inline-form"]) {
                csrf(csrfToken)
                el("button", ["class": "button", "type": "submit", "name": "azzera", "value": "1"]) { Text.resetFilters }
            }
        }
    }
}

extension FormField {
    /// Radio buttons in a fieldset whose legend is the question.
    public static func radioGroup(
        name: String, legend: String, options: [(value: String, label: String)], selected: String?, error: String? = nil,
        hint: String? = nil, marked: Bool = false, namesChoices: Bool = true
    ) -> Node {
        // The hint ("Bloccante" explained) is read with each choice too: in a form's mode a
        // screen reader skipped the paragraph between the radios and the next field.
        let described = [error.map { _ in "\(name)-error" }, hint.map { _ in "\(name)-hint" }].compactMap { $0 }.joined(separator: " ")
        // A required group's "*" is the stylesheet's, after the legend: a mark inside it
        // would change the words that name the group. Required as a group, for screen readers
        // (which do not read the "*"): `required` on the radios made Chromium call a group with
        // nothing chosen yet "invalid" on a page just opened, before anything was sent.
        // The hint is described on the choices only: on the fieldset too it was read twice.
        // A fieldset (a "group" named by its legend) around a radiogroup named by the same
        // legend: a lookup by role found one or the other ("group" is what a fieldset is,
        // "radiogroup" what radios are), and a lookup by label («Priorità») looks at
        // references, not at legends. `namesChoices` false: the fieldset alone is the named group
        // (a radiogroup must have a name), where the legend holds a choice's label found
        // elsewhere in the form.
        return el("fieldset", ["class": "field choice-group" + (marked ? " choice-group--required" : "") + (error == nil ? "" : " field--invalid")]) {
            el("legend", ["id": "\(name)-legend"]) { legend }
            el("div", ["class": "choices", "role": namesChoices ? "radiogroup" : nil, "aria-required": marked ? "true" : nil, "aria-labelledby": namesChoices ? "\(name)-legend" : nil,
                       "aria-describedby": error == nil ? nil : "\(name)-error"]) {
                for (index, option) in options.enumerated() {
                    let optionID = name + "-" + option.value
                    el("div", ["class": "choice"]) {
                        el("input", [
                            "type": "radio", "id": optionID, "name": name, "value": option.value,
                            "checked": option.value == selected ? "checked" : nil,
                            "autofocus": focus(error != nil && index == 0),
                            // On each choice too: the focused radio is what a screen reader reads,
                            // and the group's description alone was not announced with it.
                            "aria-invalid": error == nil ? nil : "true",
                            "aria-describedby": described.isEmpty ? nil : described,
                        ])
                        el("label", ["for": optionID]) { option.label }
                    }
                }
            }
            if let hint { el("p", ["class": "muted", "id": "\(name)-hint"]) { hint } }
            if let error { el("p", ["class": "field-error", "id": "\(name)-error"]) { error } }
        }
    }

    public static func textarea(
        id: String, name: String? = nil, label: String, labelID: String? = nil, value: String = "", error: String? = nil,
        hint: String? = nil, rows: Int = 6, maxLength: Int? = nil, required: Bool = false
    ) -> Node {
        el("div", ["class": error == nil ? "field" : "field field--invalid"]) {
            fieldLabel(for: id, label: label, labelID: labelID, marked: required)
            if let hint { el("p", ["class": "muted", "id": "\(id)-hint"]) { hint } }
            el("textarea", [
                // Not `maxlength`: without JavaScript a browser cut a longer paste to it without a
                // word (a log's last 7,000 characters were gone). The server refuses it beside
                // the field, with the whole text kept; the drafts script says so before sending.
                "id": id, "name": name ?? id, "rows": String(rows), "data-maxlength": maxLength.map(String.init),
                "required": required ? "required" : nil, "aria-invalid": error == nil ? nil : "true",
                "autofocus": focus(error != nil),
                "aria-describedby": describedBy(id, hint: hint, error: error),
            ]) { "\n" + value }  // HTML drops one newline right after <textarea>: keep the value's own
            if let error { el("p", ["class": "field-error", "id": "\(id)-error"]) { error } }
        }
    }

    /// A Markdown text area with a formatting toolbar and a preview. The editor script turns
    /// it into a formatting editor (the toolbar is hidden until it runs, and its other words
    /// come from `labels`: "linkAddress", "linkApply", "linkInvalid", "pasted"); without
    /// JavaScript the text area works as it is and the form's "Anteprima" button renders the
    /// preview server-side.
    public static func markdownEditor(
        id: String, label: String, value: String, error: String?, hint: String?, toolbarLabels labels: [String: String],
        formattingLabel: String, previewHTML: TrustedHTML?, previewTitle: String, maxLength: Int, required: Bool = true,
        formattingHint: String? = nil
    ) -> Node {
        el("div", ["class": "markdown-editor", "data-editor": id, "data-link-address": labels["linkAddress"],
                   "data-link-apply": labels["linkApply"], "data-link-invalid": labels["linkInvalid"], "data-pasted": labels["pasted"]]) {
            el("div", ["class": "editor-toolbar", "role": "toolbar", "aria-label": formattingLabel, "aria-controls": id, "hidden": "hidden"]) {
                for (action, symbol) in [("bold", "B"), ("italic", "I"), ("list", "•"), ("numbered", "1.")] {
                    el("button", ["type": "button", "class": "button button--ghost editor-button editor-button--\(action)", "data-action": action,
                                  "title": labels[action], "aria-label": labels[action]]) { symbol }
                }
                el("button", ["type": "button", "class": "button button--ghost editor-button", "data-action": "link",
                              "title": labels["link"], "aria-label": labels["link"]]) {
                    // Its word beside the icon: the other buttons show theirs («B», «I»), and
                    // this one was the only button nobody could find by what it shows.
                    Icon.link
                    " " + (labels["link"] ?? "")
                }
            }
            textarea(id: id, label: label, labelID: id + "-label", value: value, error: error, hint: hint, rows: 8, maxLength: maxLength,
                     required: required)
            // Shown by the editor script with its toolbar: without it, formatting is not there to use.
            if let formattingHint {
                el("p", ["class": "muted field-hint editor-hint", "id": id + "-formatting", "hidden": "hidden"]) { formattingHint }
            }
            el("section", ["class": "editor-preview", "aria-live": "polite", "aria-label": previewTitle, "hidden": previewHTML == nil ? "hidden" : nil]) {
                // Shown after "Anteprima" sent the page: the focus goes to it (it went to the
                // top, the preview screens below), and Shift+Tab leads back to the text.
                el("h2", ["class": "preview-title", "tabindex": previewHTML == nil ? nil : "-1",
                          "autofocus": focus(previewHTML != nil && error == nil)]) { previewTitle }
                el("div", ["class": "prose preview-body"]) { if let previewHTML { Node.trusted(previewHTML) } }
            }
        }
    }
}
