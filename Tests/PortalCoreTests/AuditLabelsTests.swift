import Foundation
import Testing

@testable import PortalCore

/// Every audit line the code writes is read by people under "Attività" and "Registro
/// attività": an event without a label there shows its code ("login_new_device").
@Suite("Audit event labels")
struct AuditLabelsTests {
    /// The event codes written anywhere under Sources/: the string literals of the event
    /// argument of `AuditStore.record(in: tx, …)` and of the services' `audit(in: tx, …)`, of
    /// the access pages' `audit("…", user: …)`, of an `event: "…"` argument or default, and
    /// the raw values of the password change's causes.
    static func recordedEvents() throws -> Set<String> {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources")
        let call = try NSRegularExpression(
            pattern: #"(?:AuditStore\.record|\baudit)\(\s*in: \w+,\s*([^,]+),|\baudit\(\s*("[a-z_]+")|\bevent: (?:String = )?("[a-z_]+")|case \w+ = ("(?:password|login)_[a-z_]+")"#)
        let literal = try NSRegularExpression(pattern: #""([a-z_]+)""#)
        var events = Set<String>()
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in call.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let group = (1...4).first(where: { match.range(at: $0).location != NSNotFound }) else { continue }
                let argument = String(text[Range(match.range(at: group), in: text)!])
                for found in literal.matches(in: argument, range: NSRange(argument.startIndex..., in: argument)) {
                    events.insert(String(argument[Range(found.range(at: 1), in: argument)!]))
                }
            }
        }
        return events
    }

    @Test("every event the code records has an Italian label")
    func everyEventHasALabel() throws {
        let events = try Self.recordedEvents()
        #expect(events.count > 30, "the scan finds the calls")
        #expect(events.contains("ticket_note") && events.contains("login_new_device"))
        #expect(["login_refused", "company_switched", "password_reset", "login_ok"].allSatisfy(events.contains))
        #expect(events.filter { Text.auditEvents[$0] == nil }.sorted() == [])
    }
}

@Suite("Audit details as people read them")
struct AuditDetailTests {
    @Test("a count of ended sessions says what it counts; codes become words; the rest stays")
    func details() {
        #expect(Text.auditDetail(event: "sessions_ended", "1") == "1 sessione")
        #expect(Text.auditDetail(event: "sessions_ended", "3") == "3 sessioni")
        #expect(Text.auditDetail(event: "login_password_ok", "trusted device") == "Dispositivo sicuro")
        #expect(Text.auditDetail(event: "role_changed", "a@b.it: Tecnico → Amministratore") == "a@b.it: Tecnico → Amministratore")
        #expect(Text.auditDetail(event: "ticket_created", "1") == "1")
    }
}
