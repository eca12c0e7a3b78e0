import PortalCore
import PortalHTML
import PortalStore

/// The frame of a ticket's page, the customer's (`TicketDetailPage`) and the operator's
/// (`DeskTicketPage`): one layout, so the two stay alike and the editor script is on both.
enum TicketPageFrame {
    /// The heading, then `top` (toolbar, notices), then the thread with its form (`chat`)
    /// beside the ticket's `panel`.
    static func render(
        _ ticket: TicketRecord, viewer: Viewer, currentPath: String, heading: String, headingHasTitle: Bool = false,
        @NodeBuilder top: () -> Node, @NodeBuilder chat: () -> Node, @NodeBuilder panel: () -> Node
    ) -> [UInt8] {
        Page(title: "\(Text.ticketInfoTitle) #\(ticket.number)", kind: .app(viewer), currentPath: currentPath) {
            el("h1", ["class": "page-title"]) { heading }
            // A heading that is the title already (the desk's) is not repeated under it.
            summary(ticket, withTitle: !headingHasTitle)
            top()
            el("div", ["class": "ticket-detail"]) {
                // Named by the conversation's hidden heading (TicketThread): a name of its own
                // was read, then the heading with the same word.
                el("section", ["class": "chat", "aria-labelledby": "thread-title"]) { chat() }
                panel()
            }
        }.withScript("/assets/editor.js").withScript(DraftForm.script).renderBytes()
    }

    /// The ticket's title, status and priority, first on the page: on a phone they come
    /// before the conversation and the reply box, not under them.
    static func summary(_ ticket: TicketRecord, withTitle: Bool = true) -> Node {
        el("p", ["class": "ticket-summary"]) {
            if withTitle {
                // Isolated: a right-to-left title took the number into its run ("1049# …").
                el("span", ["class": "ticket-summary-title"]) {
                    el("bdi") { ticket.title }
                    " #\(ticket.number)"
                }
            }
            // The colon is the stylesheet's: "Stato: In sviluppo" as text is the conversation's
            // line for a change of status, which a lookup by that text found twice.
            el("span") {
                el("span", ["class": "summary-term"]) { Text.state }
                " "
                el("span", ["class": Badge.status(ticket.status)]) { ticket.status.label }
            }
            el("span") {
                el("span", ["class": "summary-term"]) { Text.priority }
                " "
                el("span", ["class": Badge.priority(ticket.priority)]) { ticket.priority.label }
            }
        }
    }
}
