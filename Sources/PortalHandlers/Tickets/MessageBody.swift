import PortalHTML
import PortalMarkdown

/// What customers and operators write: Markdown rendered by cmark-gfm in safe mode. HTML
/// typed into a message is shown as text (its `<` becomes an entity before parsing), not
/// dropped, so that pasted error messages keep their tags.
enum MessageBody {
    static func html(_ markdown: String) -> TrustedHTML {
        var escaped = ""
        escaped.reserveCapacity(markdown.utf8.count)
        for character in markdown {
            if character == "<" { escaped += "&lt;" } else { escaped.append(character) }
        }
        return TrustedHTML(Markdown.renderUserText(escaped))
    }
}
