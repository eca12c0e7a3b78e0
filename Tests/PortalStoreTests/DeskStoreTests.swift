import PortalCore
@testable import PortalStore
import Testing

@Suite("DeskStore and the thread's kinds")
struct DeskStoreTests {
    private func fixture() throws -> (TemporaryDatabase, ticketID: Int64) {
        let temporary = try TemporaryDatabase()
        return (temporary, try temporary.rossiTicket(now: 10))
    }

    @Test("an internal note is in the desk's thread and files only, never in the customers'")
    func notesStayOnTheDesk() throws {
        let (temporary, ticketID) = try fixture()
        let store = TicketStore(temporary.database)
        let note = try store.addMessage(
            ticketID: ticketID, authorID: nil, authorName: "Giulia", isOperator: true, kind: .note, body: "segreto", now: 20)
        try store.addAttachment(
            ticketID: ticketID, messageID: note, NewAttachment(fileName: "n.txt", contentType: "text/plain", size: 1, sha256: "x"),
            now: 20)
        try store.addMessage(ticketID: ticketID, authorID: nil, authorName: "Giulia", isOperator: true, kind: .event, body: "Stato: In attesa", now: 21)
        #expect(try store.messages(ticketID: ticketID).map(\.kind) == [.reply, .event])
        #expect(try store.messagesWithNotes(ticketID: ticketID).map(\.kind) == [.reply, .note, .event])
        #expect(try store.attachments(ticketID: ticketID).isEmpty)
        #expect(try store.attachmentsWithNotes(ticketID: ticketID).count == 1)
        let record = try #require(try store.find(number: 1001))
        #expect(record.lastReplyAt == 10, "a note or a change line is not a reply")
        #expect(record.updatedAt == 21)
    }

    @Test("the thread is in the order it was written, whatever the clock said: a reply written after a clock stepped back stays below")
    func threadOrderIsWritingOrder() throws {
        let (temporary, ticketID) = try fixture()
        let store = TicketStore(temporary.database)
        try store.addMessage(ticketID: ticketID, authorID: nil, authorName: "Mario", isOperator: false, body: "Prima", now: 30)
        try store.addMessage(ticketID: ticketID, authorID: nil, authorName: "Giulia", isOperator: true, kind: .note, body: "Nota", now: 5)
        try store.addMessage(ticketID: ticketID, authorID: nil, authorName: "Mario", isOperator: false, body: "Dopo", now: 2)
        #expect(try store.messages(ticketID: ticketID).map(\.body).suffix(2) == ["Prima", "Dopo"])
        #expect(try store.messagesWithNotes(ticketID: ticketID).map(\.body).suffix(3) == ["Prima", "Nota", "Dopo"])
        #expect(try store.messages(ticketID: ticketID).first?.body != "Dopo", "the description stays first")
    }

    @Test("a company's accented capitals are found in either case (LIKE ignores the case of ASCII letters only)")
    func companyNamesInEitherCase() throws {
        let (temporary, _) = try fixture()
        let caffe = try TenantStore(temporary.database).add(name: "CAFFÈ NICOLÒ S.R.L.", vat: VATNumber("01987654322")!, now: 0).id
        let title = try TenantStore(temporary.database).add(name: "Caffè Nicolò Impianti", vat: VATNumber("12345678903")!, now: 0).id
        let desk = DeskStore(temporary.database)
        for typed in ["caffè", "CAFFÈ", "Caffè nicolò", "caffè  nicolò", "NICOLÒ", "fè", "ffè"] {
            #expect(Set(try desk.companyIDs(typed)) == [caffe, title], "\(typed)")
        }
        #expect(try desk.companyIDs("nicolò s.r.l") == [caffe])
        let found = try TenantStore(temporary.database).companies(matching: "caffè nicolò", page: 1)
        #expect(Set(found.rows.map(\.tenant.id)) == [caffe, title] && found.total == 2)
    }

    @Test("Cerca finds a ticket by its title or any message, accents and case ignored")
    func search() throws {
        let (temporary, ticketID) = try fixture()
        let store = TicketStore(temporary.database)
        try store.addMessage(ticketID: ticketID, authorID: nil, authorName: "Mario", isOperator: false, body: "Perché si blocca?", now: 30)
        for words in ["stampante", "STAMPA", "perche", "blocc"] {
            let page = try DeskStore(temporary.database).queue(DeskQuery(fields: [("cerca", words)]), operatorID: 0)
            #expect(page.rows.map(\.id) == [ticketID], "\(words)")
        }
        let none = try DeskStore(temporary.database).queue(DeskQuery(fields: [("cerca", "fattura")]), operatorID: 0)
        #expect(none.rows.isEmpty && none.total == 0)
        // Closed: not among the open tickets; with "Stato" any, counted on the text index alone.
        try store.setStatus(ticketID: ticketID, status: .closed, operatorID: nil, now: 40)
        let open = try DeskStore(temporary.database).queue(DeskQuery(fields: [("cerca", "stampante")]), operatorID: 0)
        #expect(open.rows.isEmpty && open.total == 0)
        let any = try DeskStore(temporary.database).queue(
            DeskQuery(fields: [("cerca", "stampante"), ("stato", "qualsiasi")]), operatorID: 0)
        #expect(any.rows.map(\.id) == [ticketID] && any.total == 1)
    }

    @Test("Cerca finds a ticket by its requester's name or e-mail, by the new name once rectified; the customers' Testo by neither")
    func searchByRequester() throws {
        let (temporary, ticketID) = try fixture()
        let desk = DeskStore(temporary.database)
        func found(_ words: String) throws -> [Int64] {
            try desk.queue(DeskQuery(fields: [("cerca", words)]), operatorID: 0).rows.map(\.id)
        }
        for words in ["rossi", "Mario Rossi", "mario@rossi.example", "rossi stampante"] {
            #expect(try found(words) == [ticketID], "\(words)")
        }
        let customers = try TicketStore(temporary.database).list(tenantID: 1, query: TicketQuery(fields: [("testo", "rossi")]))
        #expect(customers.total == 0, "in one company a name would find nearly every ticket")
        try temporary.database.write { _ in
            try temporary.database.run(
                "UPDATE tickets SET requester_name = 'Maria Bianchi', contact_email = 'maria@bianchi.example' WHERE id = ?", [ticketID])
        }
        #expect(try found("bianchi") == [ticketID] && found("maria@bianchi.example") == [ticketID])
        #expect(try found("rossi").isEmpty && found("mario").isEmpty)
        // The address the requester logs in with, when the ticket's "Email" is another; gone with the account.
        let user = try temporary.database.write { _ in
            try UserStore(temporary.database).create(
                email: EmailAddress("m.bianchi@bianchi.example")!, passwordHash: "x", provisionalUntil: nil, now: 50)
        }
        try temporary.database.write { _ in
            try temporary.database.run("UPDATE tickets SET requester_id = ? WHERE id = ?", [user, ticketID])
        }
        #expect(try found("m.bianchi@bianchi.example") == [ticketID])
        try temporary.database.write { _ in try temporary.database.run("DELETE FROM users WHERE id = ?", [user]) }
        #expect(try found("m.bianchi@bianchi.example").isEmpty && found("bianchi") == [ticketID])
        // A title change keeps who asked (the title's trigger rewrites `text` only).
        try temporary.database.write { _ in
            try temporary.database.run("UPDATE tickets SET title = 'Scanner fermo' WHERE id = ?", [ticketID])
        }
        #expect(try found("bianchi scanner") == [ticketID])
    }

    @Test("Cerca by a word's beginning counts its matches on every page, from the page when it ends them")
    func prefixTotals() throws {
        let (temporary, _) = try fixture()
        let store = TicketStore(temporary.database)
        for index in 0..<59 {
            var ticket = NewTicket(
                tenantID: 1, title: "Stampante \(index)", requesterID: nil, requesterName: "Mario Rossi",
                contactEmail: "mario@rossi.example", area: .systems, priority: .normal, description: "Testo")
            ticket.phone = ""
            _ = try store.create(ticket, now: 100 + Timestamp(index))
        }
        // No ticket has the whole word "stampa": its beginning finds the fixture's and these 59.
        for (page, rows) in [(1, 50), (2, 10), (3, 0)] {
            let found = try DeskStore(temporary.database).queue(
                DeskQuery(fields: [("cerca", "stampa"), ("pagina", String(page))]), operatorID: 0)
            #expect(found.rows.count == rows && found.total == 60 && !found.totalIsAtLeast, "page \(page)")
        }
    }

    @Test("In attesa da is the customer's last reply: not an operator's, a note nor a change line")
    func customerLastMessage() throws {
        let (temporary, ticketID) = try fixture()
        let store = TicketStore(temporary.database)
        func waiting() throws -> Timestamp? { try DeskStore(temporary.database).queue(DeskQuery(), operatorID: 0).rows.first?.customerLastMessageAt }
        #expect(try waiting() == 10, "the ticket's first message")
        try store.addMessage(ticketID: ticketID, authorID: nil, authorName: "Mario", isOperator: false, body: "Ancora ferma", now: 30)
        try store.addMessage(ticketID: ticketID, authorID: nil, authorName: "Giulia", isOperator: true, body: "Arrivo", now: 40)
        try store.addMessage(ticketID: ticketID, authorID: nil, authorName: "Giulia", isOperator: true, kind: .note, body: "n", now: 50)
        try store.addMessage(ticketID: ticketID, authorID: nil, authorName: "Mario", isOperator: false, kind: .event, body: "e", now: 60)
        #expect(try waiting() == 30)
        // Should a message be removed or turned into another kind, the column is computed again.
        try temporary.database.run("UPDATE messages SET kind = 'note' WHERE created_at = 30")
        #expect(try waiting() == 10)
        try temporary.database.run("DELETE FROM messages WHERE ticket_id = ? AND author_is_operator = 0 AND kind = 'reply'", [ticketID])
        #expect(try waiting() == nil)
    }

    @Test("the counts per status follow every change of status")
    func counts() throws {
        let (temporary, ticketID) = try fixture()
        let desk = DeskStore(temporary.database)
        #expect(try desk.statusCounts()[.unassigned] == 1)
        try TicketStore(temporary.database).setStatus(ticketID: ticketID, status: .postponed, operatorID: nil, now: 40)
        let counts = try desk.statusCounts()
        #expect(counts[.unassigned] == 0 && counts[.postponed] == 1)
        #expect(try desk.queue(DeskQuery(), operatorID: 0).total == 1)
    }

    @Test("the cells are kept across commits that change none, and follow a change written by another connection")
    func cellsKept() throws {
        let (temporary, ticketID) = try fixture()
        let desk = DeskStore(temporary.database)
        let other = try Database(path: temporary.database.path)
        func keptVersion() -> Int64? { temporary.database.derivedValues[ObjectIdentifier(DeskStore.cellsKey)]?.version.committed }
        #expect(try desk.statusCounts()[.unassigned] == 1)
        let kept = keptVersion()
        #expect(kept != nil)
        try other.run("INSERT INTO settings (name, value) VALUES (?, ?)", ["altro", [UInt8(1)]])
        #expect(try desk.statusCounts()[.unassigned] == 1)
        #expect(keptVersion() == kept)
        try TicketStore(other).setStatus(ticketID: ticketID, status: .waiting, operatorID: nil, now: 40)
        let counts = try desk.statusCounts()
        #expect(counts[.unassigned] == 0 && counts[.waiting] == 1)
        #expect(keptVersion() != kept)
    }

    @Test("Azienda finds a company by part of its name, its P.IVA or IT and its P.IVA; % and _ are literal")
    func company() throws {
        let (temporary, ticketID) = try fixture()
        let desk = DeskStore(temporary.database)
        // The P.IVA's first digits too, as «Aziende» finds them; not a part from its middle.
        for text in ["rossi", "SSI S", "02740123456", "IT02740123456", "0274012345", "027", "IT 0274 01"] {
            let page = try desk.queue(DeskQuery(fields: [("azienda", text)]), operatorID: 0)
            #expect(page.rows.map(\.id) == [ticketID] && page.total == 1, "\(text)")
        }
        for text in ["%", "R_SSI", "740123", "02", "027401234567"] {
            let page = try desk.queue(DeskQuery(fields: [("azienda", text)]), operatorID: 0)
            #expect(page.rows.isEmpty && page.total == 0, "\(text)")
        }
    }

    @Test("Azienda finds a company by a part of its name through the names' index, by its new name once renamed")
    func companyNames() throws {
        let (temporary, ticketID) = try fixture()
        let desk = DeskStore(temporary.database)
        func found(_ text: String) throws -> [Int64] {
            try desk.queue(DeskQuery(fields: [("azienda", text)]), operatorID: 0).rows.map(\.id)
        }
        // Three characters or more through the trigram index, fewer by comparing every name;
        // ASCII letters in any case, as LIKE.
        for text in ["ros", "SI SRL", "ss", "i"] { #expect(try found(text) == [ticketID], "\(text)") }
        try temporary.database.run("UPDATE tenants SET name = 'VERDI SPA' WHERE id = 1")
        #expect(try found("rossi").isEmpty)
        #expect(try found("verdi s") == [ticketID])
        #expect(try found("pa") == [ticketID])
    }

    @Test("1,100 companies created one by one: the names' index stays whole and finds each")
    func manyCompanies() throws {
        let (temporary, _) = try fixture()
        let tenants = TenantStore(temporary.database)
        for number in 1...1100 {
            let digits = String(2_000_000_000 + number).map { Int(String($0))! }
            let vat = try #require(VATNumber(digits.map(String.init).joined() + String(VATNumber.checkDigit(for: digits))))
            _ = try tenants.add(name: "AZIENDA \(number) SRL", vat: vat, now: Timestamp(number))
        }
        try temporary.database.execute("INSERT INTO tenant_names (tenant_names) VALUES ('integrity-check')")
        let found = try temporary.database.query(
            "SELECT rowid FROM tenant_names WHERE name LIKE '%' || ? || '%'", ["azienda 1099 s"])
        #expect(found.count == 1)
    }

    @Test("a filtered queue keeps the queue's order: open Bloccante and Non assegnato first, then newest activity")
    func filteredOrder() throws {
        let (temporary, first) = try fixture()
        let store = TicketStore(temporary.database)
        func add(_ priority: Priority, _ status: TicketStatus, at time: Timestamp) throws -> Int64 {
            let id = try store.create(
                NewTicket(
                    tenantID: 1, title: "Richiesta", requesterID: nil, requesterName: "Mario Rossi",
                    contactEmail: "mario@rossi.example", area: .management, priority: priority, description: "Testo"),
                now: time
            ).id
            try store.setStatus(ticketID: id, status: status, operatorID: nil, now: time + 10)
            return id
        }
        let blocking = try add(.blocking, .waiting, at: 20)
        let waiting = try add(.normal, .waiting, at: 40)
        let closed = try add(.low, .closed, at: 60)
        let desk = DeskStore(temporary.database)
        func queue(_ fields: [(String, String)]) throws -> ([Int64], Int) {
            let page = try desk.queue(DeskQuery(fields: fields.map { (name: $0.0, value: $0.1) }), operatorID: 0)
            return (page.rows.map(\.id), page.total)
        }
        #expect(try queue([]) == ([blocking, first, waiting], 3))
        #expect(try queue([("stato", "waiting")]) == ([blocking, waiting], 2))
        #expect(try queue([("stato", "waiting"), ("priorita", "normal")]) == ([waiting], 1))
        #expect(try queue([("stato", "qualsiasi"), ("assegnato", "nessuno")]) == ([blocking, first, closed, waiting], 4))
        #expect(try queue([("stato", "qualsiasi"), ("assegnato", "me")]) == ([], 0))
        #expect(try queue([("stato", "qualsiasi"), ("pagina", "2")]) == ([], 4))
    }

    /// The desk's spread of 300 tickets (`DeskSpread`) after the fixture's own; every third
    /// has "stampante" in its description (as the fixture's ticket, which alone has no
    /// "richiesta"), every fifth a note "segreto".
    private func filterFixture() throws -> (TemporaryDatabase, me: Int64, other: Int64, printers: Set<Int64>, notes: Set<Int64>) {
        let (temporary, printer) = try fixture()
        let store = TicketStore(temporary.database)
        var printers: Set<Int64> = [printer], notes: Set<Int64> = []
        let spread = try DeskSpread(in: temporary.database, description: { $0 % 3 == 0 ? "Testo stampante" : "Testo" }) {
            index, id, time in
            if index % 3 == 0 { printers.insert(id) }
            if index % 5 == 0 {
                try store.addMessage(
                    ticketID: id, authorID: nil, authorName: "Giulia", isOperator: true, kind: .note, body: "segreto", now: time)
                notes.insert(id)
            }
        }
        return (temporary, spread.me, spread.other, printers, notes)
    }

    /// Every filter changed on some tickets, some tickets deleted, and the second operator.
    private func changeFilters(_ database: Database, me: Int64, other: Int64) throws {
        let store = TicketStore(database)
        for id in stride(from: Int64(2), through: 200, by: 5) {
            try store.setPriority(ticketID: id, priority: .blocking, now: 10_000 + id)
            try store.setOperator(ticketID: id, operatorID: id % 2 == 0 ? me : nil, now: 10_000 + id)
        }
        try database.run("UPDATE tickets SET area = 'systems', request_type = 'appointment' WHERE id % 7 = 0")
        try database.run("UPDATE tickets SET status = 'closed' WHERE id % 13 = 0")
        try database.run("DELETE FROM tickets WHERE id % 11 = 0")
        // A deleted operator's tickets lose their operator (ON DELETE SET NULL).
        try database.run("DELETE FROM users WHERE id = ?", [other])
    }

    /// Each combination of the queue's filters (values and "qualsiasi"), as form fields, and
    /// whether a ticket's row passes it.
    private func eachFilterCombination(
        me: Int64, other: Int64, _ body: (_ fields: [(String, String)], _ keeps: (Row) -> Bool) throws -> Void
    ) rethrows {
        let states: [String] = ["aperti", "qualsiasi"] + TicketStatus.allCases.map(\.rawValue)
        for state in states {
            for priority in ["qualsiasi"] + Priority.allCases.map(\.rawValue) {
                for assignee in ["qualsiasi", "me", "nessuno", String(other)] {
                    for area in ["qualsiasi", "systems"] {
                        for type in ["qualsiasi", "appointment"] {
                            try body([
                                ("stato", state), ("priorita", priority), ("assegnato", assignee), ("area", area),
                                ("tipologia", type),
                            ]) { row in
                                let status = row.string("status")
                                let operatorID = row.optionalInt("operator_id")
                                return (state == "qualsiasi" || (state == "aperti" ? status != "closed" : status == state))
                                    && (priority == "qualsiasi" || row.string("priority") == priority)
                                    && (assignee == "qualsiasi" || (assignee == "me" ? operatorID == me
                                        : assignee == "nessuno" ? operatorID == nil : operatorID == other))
                                    && (area == "qualsiasi" || row.string("area") == area)
                                    && (type == "qualsiasi" || row.string("request_type") == type)
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("every filter combination finds the page and the total a plain count and sort find, through every change")
    func filterCombinations() throws {
        let (temporary, me, other, _, _) = try filterFixture()
        let database = temporary.database
        let desk = DeskStore(database)
        func check(_ label: String) throws {
            // The reference: every ticket read and filtered here, sorted by the queue's order.
            let all = try database.query("SELECT id, status, priority, area, request_type, operator_id, updated_at FROM tickets")
            try eachFilterCombination(me: me, other: other) { filters, keeps in
                let kept = all.filter(keeps).sorted { a, b in
                    func first(_ row: Row) -> Bool {
                        row.string("status") != "closed"
                            && (row.string("priority") == "blocking" || row.string("status") == "unassigned")
                    }
                    if first(a) != first(b) { return first(a) }
                    return a.int("updated_at") > b.int("updated_at")
                }.map { $0.int("id") }
                // Every ticket is the one company's: "Azienda" naming it changes nothing.
                for page in [1, 2] { for company in ["", "rossi"] {
                    let fields = (filters + [("pagina", String(page)), ("azienda", company)]).map { (name: $0.0, value: $0.1) }
                    let found = try desk.queue(DeskQuery(fields: fields), operatorID: me)
                    let expected = Array(kept.dropFirst((page - 1) * DeskQuery.pageSize).prefix(DeskQuery.pageSize))
                    #expect(found.rows.map(\.id) == expected, "\(label) \(fields)")
                    #expect(found.total == kept.count && !found.totalIsAtLeast, "\(label) \(fields)")
                } }
            }
        }
        try check("created")
        try changeFilters(database, me: me, other: other)
        try check("changed")
    }

    @Test("Cerca with every filter combination finds the tickets of the words the filters keep, newest first, counted up to its limit, through every change")
    func searchFilterCombinations() throws {
        let (temporary, me, other, printers, notes) = try filterFixture()
        let database = temporary.database
        let desk = DeskStore(database)
        func check(_ label: String) throws {
            // The reference: every ticket read and filtered here, its words known from the fixture.
            let all = try database.query("SELECT id, status, priority, area, request_type, operator_id FROM tickets")
            // "stampant" is no whole word: its beginning finds the tickets of "stampante";
            // "status" and "operator" begin the words of the filters, which no search finds.
            let searches: [(String, (Int64) -> Bool)] = [
                ("richiesta", { $0 != 1 }), ("stampante", printers.contains), ("stampant", printers.contains),
                ("segreto", notes.contains), ("status", { _ in false }), ("operator", { _ in false }),
            ]
            try eachFilterCombination(me: me, other: other) { filters, keeps in
                for (words, matches) in searches {
                    let kept = all.filter { keeps($0) && matches($0.int("id")) }.map { $0.int("id") }.sorted(by: >)
                    for page in [1, 2] { for company in ["", "rossi"] {
                        let fields = (filters + [("cerca", words), ("pagina", String(page)), ("azienda", company)])
                            .map { (name: $0.0, value: $0.1) }
                        let found = try desk.queue(DeskQuery(fields: fields), operatorID: me)
                        let expected = Array(kept.dropFirst((page - 1) * DeskQuery.pageSize).prefix(DeskQuery.pageSize))
                        #expect(found.rows.map(\.id) == expected, "\(label) \(fields)")
                        // Counted up to the limit of a search (the filters alone count further).
                        let limit = DeskStore.textSearchCountLimit
                        #expect(found.total == min(kept.count, limit), "\(label) \(fields)")
                        #expect(found.totalIsAtLeast == (kept.count > limit), "\(label) \(fields)")
                    } }
                }
            }
        }
        try check("created")
        try changeFilters(database, me: me, other: other)
        try check("changed")
    }
}
