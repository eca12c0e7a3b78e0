import PortalCore
import PortalHTTP
import PortalHandlers
import PortalStore
import Testing

@Suite("Tempi di risposta: the Responsabile's page, the queue's deadlines, the customer's line (in process)", .serialized)
struct ResponseTargetsTests {
    let fixture: Fixture
    let manager = "giulia.neri@assistenza.example"

    init() throws { fixture = try Fixture() }

    func html(_ response: Response) -> String { String(decoding: response.body, as: UTF8.self) }

    func csrf(_ page: String) throws -> String {
        let marker = #"name="csrf" value=""#
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }

    /// The form as the page shows it, with `changes` typed over it.
    func post(_ changes: [String: String], cookies: [String: String]) throws -> Response {
        let page = fixture.get("/desk/tempi", cookies: cookies)
        var fields = try ResponseTargetStore(fixture.database).settings().formFields
        fields["csrf"] = try csrf(html(page))
        for (name, value) in changes { fields[name] = value }
        return fixture.post("/desk/tempi", fields, cookies: cookies)
    }

    @Test("the page shows each target in hours, the working hours and the national holidays")
    func page() throws {
        let page = fixture.get("/desk/tempi", cookies: try fixture.session(manager))
        #expect(page.status == 200)
        let text = html(page)
        for label in ["Prima risposta – Bloccante", "Risoluzione – Bassa", "Orario di lavoro", "Festività aggiunte",
                      "Giorni festivi lavorati"] {
            #expect(text.contains(">\(label)</label>"), "\(label)")
        }
        #expect(text.contains(#"id="prima-risposta-normal" name="prima-risposta-normal" type="text""#))
        #expect(text.contains(#"value="09:00-13:00, 14:00-18:00""#))
        #expect(text.contains("Lunedì dell&#39;Angelo") || text.contains("Lunedì dell'Angelo"))
    }

    @Test("a zero target, one above a year and a holiday that is not a date are refused beside their fields, nothing saved")
    func refusals() throws {
        let cookies = try fixture.session(manager)
        let before = try ResponseTargetStore(fixture.database).settings()
        let response = try post(
            ["prima-risposta-normal": "0", "risoluzione-low": "9000", "festivita-aggiunte": "29/06\nvigilia",
             "prima-risposta-high": "3", "orario": "08:30-17:30"], cookies: cookies)
        #expect(response.status == 422)
        let text = html(response)
        #expect(text.contains(Text.targetZero))
        #expect(text.contains(Text.targetAboveAYear))
        #expect(text.contains(escaped(Text.holidaysInvalid(["vigilia"]))))
        #expect(text.contains(#"id="prima-risposta-normal-error""#))
        // What was typed stays, the right values too.
        #expect(text.contains(#"value="08:30-17:30""#))
        #expect(text.contains(#"id="prima-risposta-high" name="prima-risposta-high" type="text" inputmode="decimal" size="6" maxlength="12" value="3""#))
        #expect(text.contains("29/06\nvigilia"))
        #expect(try ResponseTargetStore(fixture.database).settings() == before)
        #expect(try fixture.database.scalarInt("SELECT count(*) FROM audit_events WHERE event = 'response_targets_changed'") == 0)
    }

    @Test("a change is saved, audited, and moves the deadlines of the open tickets it concerns")
    func save() throws {
        let cookies = try fixture.session(manager)
        let number = try fixture.database.scalarInt(
            "SELECT number FROM tickets WHERE status != 'closed' AND priority = 'normal' AND first_answered_at IS NULL LIMIT 1")
        let response = try post(["prima-risposta-normal": "2:30", "festivita-aggiunte": "29/06"], cookies: cookies)
        #expect(response.status == 303)
        #expect(response.header("Location") == "/desk/tempi?avviso=salvato")
        let settings = try ResponseTargetStore(fixture.database).settings()
        #expect(settings.targets[.normal].firstAnswer == 150)
        #expect(settings.calendar.added == [.everyYear(month: 6, day: 29)])
        let ticket = try #require(try TicketStore(fixture.database).find(number: number))
        #expect(ticket.dueAt == settings.calendar.adding(minutes: 150, to: ticket.createdAt))
        let audit = try #require(
            try fixture.database.queryOne(
                "SELECT actor_email, detail, tenant_id FROM audit_events WHERE event = 'response_targets_changed'"))
        #expect(audit.string("actor_email") == manager)
        #expect(audit.string("detail").contains("Prima risposta – Normale: 8 h → 2 h 30 min"))
        #expect(audit.string("detail").contains("Festività aggiunte: – → 29/06"))
        #expect(audit.optionalInt("tenant_id") == nil)
        #expect(html(fixture.get("/desk/tempi?avviso=salvato", cookies: cookies)).contains(Text.targetsSaved))
    }

    @Test("the queue shows each open ticket's deadline and sorts by it, soonest first")
    func queue() throws {
        let cookies = try fixture.session(manager)
        let page = html(fixture.get("/desk/?ordine=scadenza", cookies: cookies))
        // Its column's heading sorts the queue back to its own order, and says it is sorted.
        #expect(page.contains(#"<th scope="col" aria-sort="ascending"><a href="/desk/?"#))
        #expect(page.contains(">Scadenza</a></th>"))
        #expect(page.contains(#"<option value="scadenza" selected="selected">Scadenza</option>"#))
        // The deadlines of the page's rows, in the page's order, rise; tickets without one
        // ("Rinviato": the clock stands still) come last.
        var dues: [Int64] = []
        for part in page.components(separatedBy: #"href="/desk/ticket/"#).dropFirst() {
            let number = Int64(part.prefix { $0.isNumber })!
            dues.append(try fixture.database.scalarInt("SELECT coalesce(due_at, 9223372036854775807) FROM tickets WHERE number = ?", [number]))
        }
        #expect(dues.count >= 10)
        #expect(dues == dues.sorted())
        #expect(page.contains("<strong>scaduto da "))
        // The operator's ticket page names the deadline among the ticket's facts.
        let first = try #require(try fixture.database.queryOne(
            "SELECT number, due_at FROM tickets WHERE status != 'closed' AND first_answered_at IS NULL LIMIT 1"))
        let ticket = html(fixture.get("/desk/ticket/\(first.int("number"))", cookies: cookies))
        #expect(ticket.contains("<dt>Scadenza</dt><dd>Prima risposta entro il \(Clock.display(first.int("due_at")))</dd>"))
        #expect(page.contains("<span>Prima risposta</span>"))
    }

    @Test("the customer reads when the first answer is due until an operator answers")
    func customer() throws {
        let cookies = try fixture.session("mario.rossi@rossi.example")
        let tenant = try fixture.database.scalarInt(
            "SELECT tenant_id FROM memberships WHERE user_id = ?", [try fixture.userID("mario.rossi@rossi.example")])
        let waiting = try #require(
            try fixture.database.queryOne(
                "SELECT number, due_at FROM tickets WHERE tenant_id = ? AND first_answered_at IS NULL AND status != 'closed'",
                [tenant]))
        let page = html(fixture.get("/ticket/\(waiting.int("number"))", cookies: cookies))
        #expect(page.contains(Text.expectedAnswer(Clock.display(waiting.int("due_at")))))
        let answered = try fixture.database.scalarInt(
            "SELECT number FROM tickets WHERE tenant_id = ? AND first_answered_at IS NOT NULL AND status != 'closed'", [tenant])
        #expect(!html(fixture.get("/ticket/\(answered)", cookies: cookies)).contains("Risposta prevista entro"))
    }

    func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension ResponseSettings {
    /// The fields of "Tempi di risposta" holding these settings, as the page fills them.
    var formFields: [String: String] {
        var fields: [String: String] = [
            "orario": calendar.hoursText, "festivita-aggiunte": WorkingCalendar.holidaysText(calendar.added),
            "festivita-lavorate": WorkingCalendar.holidaysText(calendar.removed),
        ]
        for priority in Priority.allCases {
            fields["prima-risposta-" + priority.rawValue] = WorkingDuration.fieldText(minutes: targets[priority].firstAnswer)
            fields["risoluzione-" + priority.rawValue] = WorkingDuration.fieldText(minutes: targets[priority].resolution)
        }
        return fields
    }
}
