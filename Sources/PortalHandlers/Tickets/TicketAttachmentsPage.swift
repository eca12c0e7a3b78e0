import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// «Visualizza allegati»: every file of a ticket the customer can see, on a page of its own,
/// each with who sent it and when. The panel listed them again beside the thread, which shows
/// each file with its message: one name was two links on one page.
enum TicketAttachmentsPage {
    static func show(_ request: Request, _ context: MemberContext) throws -> Response {
        let ticket = try context.ticket(request)
        let store = TicketStore(context.services.database)
        let files = try store.attachments(ticketID: ticket.id)
        // As the thread names them: the person, then the support team or the company.
        let authors = try store.attachmentSenders(ticketID: ticket.id).mapValues {
            "\($0.name) (\($0.isOperator ? Text.supportTeam : ticket.tenantName))"
        }
        let base = "/ticket/\(ticket.number)"
        let page = Page(title: Text.attachmentsPageTitle(ticket.number), kind: .app(context.current.viewer), currentPath: "/ticket") {
            el("h1", ["class": "page-title"]) { Text.attachmentsPageTitle(ticket.number) }
            TicketPageFrame.summary(ticket)
            el("p") { el("a", ["class": "button", "href": base]) { Text.backToTicket } }
            el("section", ["class": "card", "aria-labelledby": "attachments-title"]) {
                el("h2", ["id": "attachments-title", "class": "visually-hidden"]) { Text.attachments }
                if files.isEmpty {
                    el("p") { Text.noAttachments }
                } else {
                    DataTable.render(headings: [Text.fileColumn, Text.sizeColumn, Text.sentByColumn, Text.sentOnColumn]) {
                        for file in files {
                            el("tr") {
                                el("td", ["class": "cell-address"]) {
                                    el("a", ["href": "\(base)/allegati/\(file.id)", "download": file.fileName]) { file.fileName }
                                }
                                el("td") { Uploads.humanSize(file.size) }
                                el("td") { file.messageID.flatMap { authors[$0] } ?? "" }
                                el("td") { el("time", ["datetime": Clock.machineReadable(file.createdAt)]) { Clock.display(file.createdAt) } }
                            }
                        }
                    }
                }
            }
        }
        return Response.html(page.render())
    }
}
