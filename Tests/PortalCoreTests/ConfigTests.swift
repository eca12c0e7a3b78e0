import PortalCore
import Testing

@Suite("Config")
struct ConfigTests {
    @Test("parses KEY=value lines, skipping comments and blank lines and unquoting values")
    func parse() throws {
        let text = """
            # configurazione di prova
            PORTAL_DB=/var/lib/portal/portal.sqlite3

              PORTAL_MAIL_FROM = "Customer Portal <noreply@example.it>"
            PORTAL_SMTP_PASSWORD=a=b#c
            PORTAL_EMPTY=
            PORTAL_QUOTE="
            """
        #expect(
            try Config.parse(text, source: "portal.conf") == [
                "PORTAL_DB": "/var/lib/portal/portal.sqlite3",
                "PORTAL_MAIL_FROM": "Customer Portal <noreply@example.it>",
                "PORTAL_SMTP_PASSWORD": "a=b#c",
                "PORTAL_EMPTY": "",
                "PORTAL_QUOTE": "\"",
            ])
    }

    @Test("a line without = is an error naming the file and line")
    func missingEquals() {
        let error = #expect(throws: ConfigError.self) {
            try Config.parse("PORTAL_DB=/tmp/x\n\nPORTAL_DEBUG\n", source: "portal.conf")
        }
        #expect(error?.message == "portal.conf:3: expected KEY=value")
    }

    @Test("environment overrides the file, and the named settings have defaults")
    func settings() throws {
        let config = try Config.load(environment: ["PORTAL_VAR": "/srv/portal", "PORTAL_PUBLIC_URL": "https://x.it//", "HOME": "/root"])
        #expect(config.values["HOME"] == nil)
        #expect(config.databasePath == "/srv/portal/portal.sqlite3")
        #expect(config.publicURL == "https://x.it")
        #expect(config.int("PORTAL_MISSING", default: 7) == 7)
    }
}
