import PortalHTML
import PortalHTTP
import PortalMarkdown

/// What customers and operators write is stored as Markdown and rendered by cmark-gfm in
/// safe mode with an allowlist (`Markdown.renderUserText`): HTML typed into a message is
/// shown as text, links keep only web and mail addresses.
///
/// The formatting editor (editor.js) writes Markdown and says so with the form's field
/// `<name>_format=markdown`; text from a plain text area (no JavaScript) is escaped into
/// Markdown that shows exactly what was typed.
enum MessageBody {
    static func html(_ markdown: String) -> TrustedHTML {
        TrustedHTML(Markdown.renderUserText(markdown))
    }

    static let editorFormat = "markdown"

    /// Whether the field's text came from the formatting editor (Markdown) rather than typed as plain text.
    static func isMarkdown(_ form: FormData, field: String) -> Bool { form[field + "_format"] == editorFormat }

    /// The Markdown to store for what was sent in the field.
    static func stored(_ text: String, isMarkdown: Bool) -> String {
        isMarkdown ? text : Markdown.escapeTyped(text)
    }
}
