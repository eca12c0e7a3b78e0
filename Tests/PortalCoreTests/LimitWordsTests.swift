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

@Suite("The storage quota's refusal says what is left")
struct StorageQuotaWordsTests {
    @Test("room left: how much, the files' size; none left: esaurito")
    func quota() {
        let megabyte: Int64 = 1_048_576
        let partly = Text.storageQuotaExceeded(used: 4 * megabyte + 13, adding: 3 * megabyte, quota: 6 * megabyte)
        #expect(partly.hasPrefix("I file scelti (3,0 MB) non entrano nello spazio per gli allegati della tua azienda: ne restano 1,9 MB su 6 MB."))
        #expect(!partly.contains("esaurito"))
        let full = Text.storageQuotaExceeded(used: 6 * megabyte, adding: 10, quota: 6 * megabyte)
        #expect(full.hasPrefix("Lo spazio per gli allegati della tua azienda è esaurito (usati 6 MB su 6 MB)"))
    }
}
