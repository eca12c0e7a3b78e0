import Testing

@testable import PortalCore

@Suite("E-mail sentences around names and what the person already has")
struct MailSentenceTests {
    @Test("a company whose name ends in a full stop gets no second one (\"S.r.l..\")")
    func companyEndingInAFullStop() {
        let body = Text.referentMailBody(
            number: 1045, title: "Stampante", company: "Ferri Meccanica S.r.l.", author: "Carla Ferri", replies: true,
            statusChanges: false, link: "http://x/ticket/1045")
        #expect(body.contains("dell'azienda Ferri Meccanica S.r.l.\n"))
        #expect(!body.contains(".."))
        let plain = Text.referentMailBody(
            number: 1045, title: "Stampante", company: "ROSSI SRL", author: "Carla Ferri", replies: true, statusChanges: false,
            link: "http://x/ticket/1045")
        #expect(plain.contains("dell'azienda ROSSI SRL.\n"))
    }

    @Test("an invitation points to provisional credentials only before the first access")
    func invitationFirstAccess() {
        let first = Text.invitationBody(
            company: "ROSSI SRL", role: "Tecnico", inviter: nil, expiresOn: "17/12/2026", portalURL: "http://x/login",
            firstAccess: true)
        let known = Text.invitationBody(
            company: "ROSSI SRL", role: "Tecnico", inviter: nil, expiresOn: "17/12/2026", portalURL: "http://x/login",
            firstAccess: false)
        #expect(first.contains("credenziali provvisorie") && first.contains("Creazione Utente"))
        #expect(!known.contains("credenziali provvisorie") && known.contains("la password che usi già sul portale"))
    }
}
