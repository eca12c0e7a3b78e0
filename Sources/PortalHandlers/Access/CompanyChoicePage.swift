import PortalCore
import PortalHTML
import PortalStore

// Opens as `LoginPage` does on purpose: every visitor page is a card with its title as
// heading, then its notice; what follows is the page's own.
/// "Scelta Tenant": pending invitations with "Accetta", then the user's companies; a
/// company is chosen by pressing its name, as in the manual.
struct CompanyChoicePage {
    var csrfToken: String
    var invitations: [(InvitationRecord, TenantRecord)]
    var memberships: [MembershipRecord]
    var currentTenantID: Int64?
    var notice: String?
    /// The user's companies that the vendor deactivated: shown with the reason, never entered.
    var deactivated: Set<Int64> = []
    var error: String?
    /// Where choosing a company leads (a form kept for it, `KeptForms`); nil: its home.
    var next: String?
    /// A session (its "Esci" ends it), not a login's last step (its "Esci" ends the login).
    /// Its only company deactivated, a user was held here, unable to sign out (the login page
    /// leads back here); at a login's last step the page had no way out at all.
    var signedIn = false

    func render() -> String {
        Page(title: Text.companyChoiceTitle, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { Text.companyChoiceTitle }
                if let notice { FormField.notice(notice, kind: "success") }
                if let error { FormField.notice(error, kind: "error") }
                if !invitations.isEmpty {
                    el("h2") { Text.pendingInvitations }
                    el("ul", ["class": "choice-list"]) {
                        for (invitation, tenant) in invitations {
                            el("li") {
                                el("form", ["method": "post", "action": "/accesso/invito/\(invitation.id)/accetta"]) {
                                    FormField.csrf(csrfToken)
                                    // The role read here: accepted only while it is still the invitation's.
                                    FormField.hidden("role", invitation.role.rawValue)
                                    // Each "Accetta" described by its invitation: two read "Accetta, Accetta".
                                    el("span", ["id": "invitation-\(invitation.id)"]) {
                                        Text.invitationFrom(tenant.name, role: invitation.role.label) + " "
                                    }
                                    el("button", ["class": "button button--primary", "type": "submit",
                                                  "aria-describedby": "invitation-\(invitation.id)"]) { Text.accept }
                                }
                            }
                        }
                    }
                }
                el("h2") { Text.yourCompanies }
                if memberships.isEmpty {
                    // "Accept an invitation above" only where one is above.
                    el("p") { invitations.isEmpty ? Text.noCompany : Text.noCompanyYet }
                } else {
                    if memberships.contains(where: { !deactivated.contains($0.tenant.id) }) { el("p") { Text.companyChoiceIntro } }
                    el("ul", ["class": "choice-list"]) {
                        for membership in memberships where !deactivated.contains(membership.tenant.id) {
                            el("li") {
                                el("form", ["method": "post", "action": "/accesso/azienda"]) {
                                    FormField.csrf(csrfToken)
                                    FormField.hidden("tenant", String(membership.tenant.id))
                                    if let next { FormField.hidden("next", next) }
                                    el("button", [
                                        "class": "button", "type": "submit",
                                        "aria-current": membership.tenant.id == currentTenantID ? "true" : nil,
                                    ]) { membership.tenant.name }
                                    el("span", ["class": "muted"]) { " \(membership.role.label) · \(Text.vatShort) \(membership.tenant.vat)" }
                                }
                            }
                        }
                        for membership in memberships where deactivated.contains(membership.tenant.id) {
                            el("li") {
                                el("p") {
                                    el("strong") { membership.tenant.name }
                                    el("span", ["class": "muted"]) { " \(Text.companyDeactivatedBadge) · \(Text.vatShort) \(membership.tenant.vat)" }
                                }
                                el("p", ["class": "muted"]) { Text.companyDeactivatedForUsers }
                            }
                        }
                    }
                }
                // Opened from the company icon, the page had no way back but choosing or «Esci»,
                // which ends the whole session.
                if signedIn, let current = currentTenantID, !deactivated.contains(current),
                    memberships.contains(where: { $0.tenant.id == current })
                {
                    el("p") { el("a", ["class": "button", "href": "/"]) { Text.stayInCompany } }
                }
                LeaveHandlers.form(csrfToken: csrfToken, action: signedIn ? "/logout" : "/accesso/esci")
            }
        }.render()
    }
}
