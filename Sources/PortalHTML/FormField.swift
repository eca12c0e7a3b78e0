/// The form controls of the portal: every input has its `<label>`, and an error is shown
/// next to its field and tied to it with `aria-describedby`.
public enum FormField {
    public static func input(
        id: String, name: String? = nil, label: String, type: String = "text", value: String = "",
        error: String? = nil, required: Bool = false, autocomplete: String? = nil, maxLength: Int? = nil,
        autofocus: Bool = false
    ) -> Node {
        let errorID = "\(id)-error"
        return el("div", ["class": error == nil ? "field" : "field field--invalid"]) {
            el("label", ["for": id]) { label }
            el(
                "input",
                [
                    "id": id, "name": name ?? id, "type": type, "value": type == "password" ? nil : value,
                    "required": required ? "required" : nil, "autocomplete": autocomplete,
                    "maxlength": maxLength.map(String.init), "autofocus": autofocus ? "autofocus" : nil,
                    "aria-invalid": error == nil ? nil : "true", "aria-describedby": error == nil ? nil : errorID,
                ])
            if let error { el("p", ["class": "field-error", "id": errorID]) { error } }
        }
    }

    public static func checkbox(id: String, name: String? = nil, label: String, checked: Bool = false) -> Node {
        el("div", ["class": "field field--check"]) {
            el("input", ["type": "checkbox", "id": id, "name": name ?? id, "value": "1", "checked": checked ? "checked" : nil])
            el("label", ["for": id]) { label }
        }
    }

    public static func csrf(_ token: String) -> Node {
        el("input", ["type": "hidden", "name": "csrf", "value": token])
    }

    public static func hidden(_ name: String, _ value: String) -> Node {
        el("input", ["type": "hidden", "name": name, "value": value])
    }

    public static func notice(_ text: String, kind: String = "info") -> Node {
        el("div", ["class": "notice notice--\(kind)", "role": kind == "error" ? "alert" : "status"]) { text }
    }
}
