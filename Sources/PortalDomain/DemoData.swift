import PortalCore
import PortalMarkdown
import PortalCrypto
import PortalStore

/// The demo data of `make run`: two companies, their users, two operators and a few dozen
/// tickets in every status with replies. Seeded once; a second run keeps the database.
public enum DemoData {
    public struct Login: Sendable {
        public let email: String
        public let password: String
        public let description: String
    }

    public static let password = "Portale-Demo-2026"

    static let people:
        [(email: String, first: String, last: String, company: Int?, role: Role?, desk: DeskRole?, description: String)] = [
            ("mario.rossi@rossi.example", "Mario", "Rossi", 0, .administrator, nil, "amministratore di ROSSI SRL"),
            ("luca.verdi@rossi.example", "Luca", "Verdi", 0, .technician, nil, "tecnico di ROSSI SRL, con una dashboard già composta"),
            ("anna.bianchi@bianchi.example", "Anna", "Bianchi", 1, .administrator, nil, "amministratore di BIANCHI SPA"),
            ("giulia.neri@assistenza.example", "Giulia", "Neri", nil, nil, .manager,
             "Responsabile dell'assistenza: Coda ticket (/desk/) e Amministrazione (aziende, operatori, tempi, andamento)"),
            ("paolo.gallo@assistenza.example", "Paolo", "Gallo", nil, nil, .operator,
             "Operatore dell'assistenza: entra nella Coda ticket (/desk/)"),
        ]

    public static var logins: [Login] {
        people.map { Login(email: $0.email, password: password, description: $0.description) }
    }

    /// A valid P.IVA built from ten digits and their check digit.
    static func vat(_ firstTen: String) -> VATNumber {
        let digits = firstTen.compactMap(\.wholeNumberValue)
        return VATNumber(firstTen + String(VATNumber.checkDigit(for: digits)))!
    }

    /// None with "Aggiorna" in it: the pages' «Aggiorna» is found by its name, which a title
    /// like "Aggiornamento listini" matched too (on the dashboard and the desk's ticket page).
    static let titles = [
        "Errore nell'emissione della nota di accredito", "Registri IVA non quadrano", "Stampa DDT bloccata",
        "Domanda su esito Fattura Elettronica", "Importazione ordini da Excel", "Listini fornitori da importare",
        "Backup del database non riuscito", "Configurazione nuova stampante di rete", "Calcolo ritenute d'acconto",
        "Magazzino: giacenze negative", "Intrastat: file non accettato", "Utente bloccato dopo il cambio versione",
    ]

    /// Seeds the demo data unless a company exists already. Returns whether it seeded.
    @discardableResult
    public static func seed(database: Database, now: Timestamp) throws -> Bool {
        guard try database.scalarInt("SELECT count(*) FROM tenants") == 0 else { return false }
        let hash = PasswordHasher.hash(password)
        try database.write { tx in
            let tenants = [
                try TenantStore(database).add(name: "ROSSI SRL", vat: vat("0274012345"), now: now - 90 * 86400),
                try TenantStore(database).add(name: "BIANCHI SPA", vat: vat("0198765432"), now: now - 90 * 86400),
            ]
            var userIDs: [String: Int64] = [:]
            for person in people {
                let id = try UserStore(database).create(
                    email: EmailAddress(person.email)!, passwordHash: hash, provisionalUntil: nil,
                    firstName: person.first, lastName: person.last, deskRole: person.desk, now: now - 80 * 86400)
                userIDs[person.email] = id
                if let company = person.company, let role = person.role {
                    try TenantStore(database).addMember(
                        userID: id, tenantID: tenants[company].id, role: role, now: now - 80 * 86400)
                    // They have chosen their company before: "Scelta Tenant" does not appear again.
                    try UserStore(database).setLastTenant(userID: id, tenantID: tenants[company].id)
                    // The technician has arranged a dashboard; the administrator finds it empty.
                    if role == .technician {
                        try DashboardPreference.save(
                            in: tx, DashboardPreference.demoLayout, userID: id, tenantID: tenants[company].id, now: now)
                    }
                }
            }
            let operators = people.filter { $0.company == nil }
            let statuses = TicketStatus.allCases
            let priorities: [Priority] = [.normal, .normal, .low, .high, .normal, .blocking]
            let ticketsPerCompany = [36, 8]
            for (companyIndex, tenant) in tenants.enumerated() {
                let customers = people.filter { $0.company == companyIndex }
                for index in 0..<ticketsPerCompany[companyIndex] {
                    let requester = customers[index % customers.count]
                    let created = now - Int64(index) * 37 * 3600 - 3600
                    var ticket = NewTicket(
                        tenantID: tenant.id, title: titles[index % titles.count], requesterID: userIDs[requester.email],
                        requesterName: "\(requester.first) \(requester.last)", contactEmail: requester.email,
                        area: RequestArea.allCases[index % 3], priority: priorities[index % priorities.count],
                        description: "Buongiorno,\nsegnaliamo il problema \"\(titles[index % titles.count])\".\n\nGrazie.")
                    ticket.requestType = index % 7 == 3 ? .appointment : .assistance
                    ticket.firstLine = MessageText.firstLine(ticket.description)
                    let store = TicketStore(database)
                    let ticketID = try store.create(ticket, now: created).id
                    let status = statuses[index % statuses.count]
                    let agent = operators[index % operators.count]
                    if status != .unassigned {
                        // "Rinviato" waits for the customer: its last word is the operator's (a
                        // customer's answer there would have moved it back to "In attesa").
                        let replies = status == .postponed && index % 3 == 1 ? 3 : 1 + index % 3
                        for reply in 0..<replies {
                            let fromOperator = reply % 2 == 0
                            try store.addMessage(
                                ticketID: ticketID, authorID: fromOperator ? userIDs[agent.email] : userIDs[requester.email],
                                authorName: fromOperator ? "\(agent.first) \(agent.last)" : "\(requester.first) \(requester.last)",
                                isOperator: fromOperator,
                                body: !fromOperator
                                    ? "Versione 23.0.0.69, grazie."
                                    : reply == 0
                                    ? "Buongiorno, abbiamo preso in carico la richiesta. Può indicarci la versione del programma?"
                                    : "Grazie. La versione 23.0.0.70 corregge il problema: può installarla e farci sapere se è risolto?",
                                now: created + Int64(reply + 1) * 1800)
                        }
                        try store.setStatus(
                            ticketID: ticketID, status: status, operatorID: userIDs[agent.email],
                            now: created + 4 * 3600)
                    }
                }
            }
        }
        return true
    }
}
