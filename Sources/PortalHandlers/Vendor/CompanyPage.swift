import PortalCore
import PortalHTML
import PortalStore

/// One company for a Responsabile: its facts and actions, its users and roles, its pending
/// invitations, its newest tickets (each opens on the desk).
struct CompanyPage {
    var company: CompanyRow
    var members: [TenantStore.MemberRow]
    var invitations: [InvitationRecord]
    /// All the pending invitations, of which `invitations` is page `invitationPage` (`?pagina=`).
    var invitationTotal: Int
    var invitationPage: Int
    /// A deactivated company's invitations its deactivation suspended: "Riattiva" gives them
    /// back (the page said «Nessun invito in attesa» and nothing of them).
    var suspended: [InvitationRecord]
    var tickets: [TicketRecord]
    var notice: String?
    /// What an invitation's button did, said above the invitations (`CompanyHandlers.invitationNotices`).
    var invitationNotice: String?

    var path: String { CompanyHandlers.path(company) }

    func render(_ viewer: Viewer) -> [UInt8] {
        let tenant = company.tenant
        return VendorPage.page(viewer, title: tenant.name, currentPath: CompanyListHandlers.path, notice: notice) {
            el("section", ["class": "card"]) {
                // Named for what it holds (P.IVA, creation, status, actions): "Aziende", the
                // list's name, read as the page's outline "ROSSI SRL › Aziende".
                el("h2", ["id": "company-facts", "class": "visually-hidden"]) { Text.companyFactsTitle }
                el("p") {
                    "\(Text.companyVATNumber): "
                    el("strong") { tenant.vat }
                    " · \(Text.createdOnColumn) \(Clock.displayDate(company.createdAt)) · \(Text.statusColumn): "
                    el("strong") { company.deactivatedAt.map { Text.deactivatedOn(Clock.displayDate($0)) } ?? Text.active }
                }
                el("div", ["class": "row-actions"]) {
                    if company.deactivatedAt == nil {
                        el("a", ["class": "button button--primary", "href": path + "/invita"]) { Text.inviteAdministrator }
                    }
                    el("a", ["class": "button", "href": "\(AuditLogHandlers.path)?azienda=\(tenant.vat)"]) { Text.companyActivity }
                    el("form", ["method": "post", "action": path + (company.deactivatedAt == nil ? "/disattiva" : "/riattiva")]) {
                        FormField.csrf(viewer.csrfToken)
                        el("button", ["class": "button button--ghost", "type": "submit", "aria-describedby": "deactivate-hint"]) {
                            company.deactivatedAt == nil ? Text.deactivateCompany : Text.reactivateCompany
                        }
                    }
                }
                el("p", ["class": "muted", "id": "deactivate-hint"]) {
                    company.deactivatedAt == nil ? Text.deactivateCompanyHint : Text.reactivateCompanyHint
                }
            }
            usersSection
            invitationsSection(csrf: viewer.csrfToken)
            ticketsSection
        }.renderBytes()
    }

    var usersSection: Node {
        el("section", ["class": "card"]) {
            el("h2", ["id": "company-users"]) { Text.companyUsers }
            if members.isEmpty {
                el("p") { Text.noCompanyUsers }
            } else {
                DataTable.render(headings: [Text.firstName, Text.lastName, Text.email, Text.roleColumn, Text.activeSince]) {
                    for member in members {
                        el("tr") {
                            el("td", ["class": "cell-name"]) { member.firstName }
                            el("td", ["class": "cell-name"]) { member.lastName }
                            el("td", ["class": "cell-address"]) { member.email }
                            el("td") { member.role.label }
                            el("td") { Clock.displayDate(member.activeSince) }
                        }
                    }
                }
            }
        }
    }

    func invitationsSection(csrf: String) -> Node {
        el("section", ["class": "card"]) {
            el("h2", ["id": "company-invitations"]) { Text.companyInvitations }
            if let invitationNotice { FormField.notice(invitationNotice, kind: "success") }
            if PageLinks.isBeyondLast(page: invitationPage, total: invitationTotal, pageSize: InvitationStore.pageSize) {
                PageLinks.beyondLast(
                    page: invitationPage, total: invitationTotal, pageSize: InvitationStore.pageSize,
                    href: PageLinks.address(path: path, filter: Self.invitationsAnchor))
            } else if invitations.isEmpty {
                DataTable.render(headings: [Text.email, Text.invitedOn, Text.expiresOn, Text.roleColumn, Text.actionsColumn]) {}
                el("p") { Text.noInvitations }
            } else {
                DataTable.render(headings: [Text.email, Text.invitedOn, Text.expiresOn, Text.roleColumn, Text.actionsColumn]) {
                    for invitation in invitations {
                        el("tr") {
                            el("td", ["class": "cell-address", "id": "invitation-\(invitation.id)"]) { invitation.email }
                            el("td") { Clock.displayDate(invitation.createdAt) }
                            el("td") { Clock.displayDate(invitation.expiresAt) }
                            el("td") { invitation.role.label }
                            el("td") {
                                el("div", ["class": "row-actions"]) {
                                    el("form", ["method": "post", "action": "\(path)/inviti/\(invitation.id)/reinvia"]) {
                                        FormField.csrf(csrf)
                                        PageLinks.hiddenPage(invitationPage)
                                        Submission.hidden(Submission.newKey())
                                        el("button", ["class": "button", "type": "submit", "aria-describedby": "invitation-\(invitation.id)"]) {
                                            Text.resendInvitation
                                        }
                                    }
                                    el("form", ["method": "post", "action": "\(path)/inviti/\(invitation.id)/rimuovi"]) {
                                        FormField.csrf(csrf)
                                        PageLinks.hiddenPage(invitationPage)
                                        el("button", ["class": "button button--ghost", "type": "submit", "aria-describedby": "invitation-\(invitation.id)"]) {
                                            Text.removeInvitation
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                // The page's other parts stay as they are: only the invitations turn.
                PageLinks.nav(
                    path: path, page: invitationPage, total: invitationTotal, pageSize: InvitationStore.pageSize,
                    filter: Self.invitationsAnchor)
            }
            if !suspended.isEmpty {
                el("h3", ["id": "company-suspended-invitations"]) { Text.companySuspendedInvitations }
                el("p", ["class": "muted"]) { Text.companySuspendedInvitationsHint }
                DataTable.render(headings: [Text.email, Text.invitedOn, Text.expiresOn, Text.roleColumn]) {
                    for invitation in suspended {
                        el("tr") {
                            el("td", ["class": "cell-address"]) { invitation.email }
                            el("td") { Clock.displayDate(invitation.createdAt) }
                            el("td") { Clock.displayDate(invitation.expiresAt) }
                            el("td") { invitation.role.label }
                        }
                    }
                }
            }
        }
    }

    static let invitationsAnchor = "#company-invitations"

    var ticketsSection: Node {
        el("section", ["class": "card"]) {
            el("h2", ["id": "company-tickets"]) { Text.companyTickets }
            if tickets.isEmpty {
                el("p") { Text.noCompanyTickets }
            } else {
                DataTable.render(headings: [Text.deskNumber, Text.deskTitle, Text.deskState, Text.priority, Text.deskOperator, Text.ticketCreatedOnColumn]) {
                    for ticket in tickets {
                        el("tr", ["class": ticket.status.isClosed ? "ticket--closed" : nil]) {
                            el("td") { "#\(ticket.number)" }
                            el("td") {
                                // The title alone, as the queue's (the number is the row's first cell).
                                el("a", ["class": "ticket-link", "href": "/desk/ticket/\(ticket.number)"]) { ticket.title }
                            }
                            el("td") { ticket.status.label }
                            el("td") { ticket.priority.label }
                            el("td") { ticket.operatorName.flatMap { $0.isEmpty ? nil : $0 } ?? Text.noOperator }
                            el("td") { Clock.displayDate(ticket.createdAt) }
                        }
                    }
                }
            }
        }
    }
}
