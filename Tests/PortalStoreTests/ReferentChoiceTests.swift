import PortalCore
import PortalStore
import Testing

@Suite("Referente ticket's choices")
struct ReferentChoiceTests {
    @Test("two people of one name carry their address, the others their name alone")
    func sameName() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let tenants = TenantStore(database)
        let tenant = try tenants.add(name: "ROSSI SRL", vat: VATNumber("02740123456")!, now: 0).id
        try database.run(
            """
            INSERT INTO users (email, first_name, last_name, password_hash, created_at, updated_at) VALUES
                ('mario.rossi@rossi.example', 'Mario', 'Rossi', 'x', 0, 0), ('m.rossi@rossi.example', 'Mario', 'Rossi', 'x', 0, 0),
                ('luca.verdi@rossi.example', 'Luca', 'Verdi', 'x', 0, 0), ('senza.nome@rossi.example', '', '', 'x', 0, 0)
            """)
        for id in try database.query("SELECT id FROM users").map({ $0.int("id") }) {
            try tenants.addMember(userID: id, tenantID: tenant, role: .technician, now: 0)
        }
        let names = try tenants.members(tenantID: tenant).map(\.name)
        #expect(names == ["Luca Verdi", "Mario Rossi (m.rossi@rossi.example)", "Mario Rossi (mario.rossi@rossi.example)",
                          "senza.nome@rossi.example"])
    }
}
