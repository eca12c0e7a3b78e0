import Testing

@testable import PortalCore

@Suite("The limits' messages agree with their number")
struct LimitWordsTests {
    @Test("one is singular, more are plural (a limit of 1 read \"già stati inviati 1 inviti\")")
    func agreement() {
        #expect(Text.invitationLimitForAddress("a@b.it", perHour: 1).hasPrefix("A a@b.it è già stato inviato 1 invito nell'ultima ora"))
        #expect(Text.invitationLimitForAddress("a@b.it", perHour: 5).hasPrefix("A a@b.it sono già stati inviati 5 inviti"))
        #expect(Text.ticketLimitForPerson(perHour: 1).hasPrefix("Hai già aperto 1 richiesta nell'ultima ora"))
        #expect(Text.ticketLimitForCompany(perHour: 200).hasPrefix("La tua azienda ha già aperto 200 richieste"))
        #expect(Text.Console.applied(["0012_b", "0002_a", "0011_c"]) == "migrazioni applicate: 0002_a, 0011_c, 0012_b")
    }
}
