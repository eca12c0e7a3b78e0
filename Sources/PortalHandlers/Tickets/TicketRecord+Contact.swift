import PortalStore

extension TicketRecord {
    /// "Contatto": the ticket's e-mail, its phone when given, and how the customer wants to be
    /// answered, as both sides' pages show it (a mistyped address was nowhere to be seen).
    var contactLine: String {
        contactEmail + (phone.isEmpty ? "" : " · " + phone) + " · " + contactPreference.label
    }
}
