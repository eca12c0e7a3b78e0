import Glibc
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
        #expect(error?.message == "portal.conf:3: atteso CHIAVE=valore")
    }

    @Test("environment overrides the file, and the named settings have defaults")
    func settings() throws {
        let config = try Config.load(environment: ["PORTAL_VAR": "/srv/portal", "PORTAL_PUBLIC_URL": "https://x.it//", "HOME": "/root"])
        #expect(config.values["HOME"] == nil)
        #expect(config.databasePath == "/srv/portal/portal.sqlite3")
        #expect(config.publicURL == "https://x.it")
        #expect(config.int("PORTAL_MISSING", default: 7) == 7)
    }

    @Test("a remembered session's idle limit is 7 days unless set to 1 to 30 days")
    func rememberedSessionIdle() {
        let day: Int64 = 24 * 3600
        #expect(Config(values: [:]).rememberedSessionIdle == 7 * day)
        #expect(Config(values: ["PORTAL_REMEMBERED_IDLE_DAYS": "2"]).rememberedSessionIdle == 2 * day)
        for bad in ["0", "31", "tre", "-1"] {
            #expect(Config(values: ["PORTAL_REMEMBERED_IDLE_DAYS": bad]).rememberedSessionIdle == 7 * day, "\(bad)")
        }
    }

    @Test("an https public URL means HTTPS whoever terminates TLS; http does not")
    func servesHTTPS() {
        #expect(Config(values: ["PORTAL_PUBLIC_URL": "https://assistenza.example.com"]).servesHTTPS)
        #expect(Config(values: ["PORTAL_PUBLIC_URL": "HTTPS://assistenza.example.com/"]).servesHTTPS)
        #expect(!Config(values: ["PORTAL_PUBLIC_URL": "http://127.0.0.1:8080"]).servesHTTPS)
        #expect(!Config(values: [:]).servesHTTPS)
    }

    @Test("a public URL without http:// or https:// stops every program at start, naming the setting")
    func publicURLScheme() throws {
        for good in ["https://assistenza.example.com", "http://127.0.0.1:8080/", "HTTPS://portale.example.com/supporto"] {
            #expect(throws: Never.self) { try Config.load(environment: ["PORTAL_PUBLIC_URL": good, "PORTAL_VAR": "/nonexistent"]) }
        }
        for bad in ["portale.example.com", "ftp://portale.example.com", "https://", "https:///x", "http://a b"] {
            let error = #expect(throws: ConfigError.self) {
                try Config.load(environment: ["PORTAL_PUBLIC_URL": bad, "PORTAL_VAR": "/nonexistent"])
            }
            #expect(error?.message.contains("PORTAL_PUBLIC_URL") == true, "\(bad)")
        }
    }
}

@Suite("The development configuration and the branding")
struct DevelopmentConfigTests {
    @Test("without PORTAL_CONFIG, the file make run wrote under PORTAL_VAR is read, and the environment still wins")
    func developmentFile() throws {
        let folder = "/tmp/portal-config-test-\(getpid())"
        mkdir(folder, 0o700)
        defer {
            unlink(folder + "/portal.conf")
            rmdir(folder)
        }
        let file = fopen(folder + "/portal.conf", "w")!
        fputs("PORTAL_PUBLIC_URL=http://127.0.0.1:9000\nPORTAL_SUPPORT_PHONE=+39 0541 1\n", file)
        fclose(file)
        let config = try Config.load(environment: ["PORTAL_VAR": folder])
        #expect(config.publicURL == "http://127.0.0.1:9000")
        let overridden = try Config.load(environment: ["PORTAL_VAR": folder, "PORTAL_PUBLIC_URL": "https://x.it"])
        #expect(overridden.publicURL == "https://x.it")
        let named = try Config.load(
            environment: ["PORTAL_VAR": folder, "PORTAL_CONFIG": "/dev/null", "PORTAL_PUBLIC_URL": "https://assistenza.example.com"])
        #expect(named.string("PORTAL_SUPPORT_PHONE", default: "") == "", "a named file replaces the development one")
        // A server's configuration must say its address: the development default went into e-mails.
        let error = #expect(throws: ConfigError.self) {
            try Config.load(environment: ["PORTAL_VAR": folder, "PORTAL_CONFIG": "/dev/null"])
        }
        #expect(error?.message.contains("PORTAL_PUBLIC_URL non è impostato") == true)
    }

    @Test("colours are #rgb or #rrggbb, anything else keeps the default", arguments: [
        ("#8A2BE2", "#8a2be2"), ("#abc", "#abc"), ("red", Branding.defaultPrimary),
        ("#123456; } body { display:none", Branding.defaultPrimary), ("#12345", Branding.defaultPrimary),
    ])
    func colours(_ value: String, _ used: String) {
        #expect(Branding(config: Config(values: ["PORTAL_COLOR_PRIMARY": value])).primaryColor == used)
    }

    @Test("the branding's names and contacts come from the configuration, with defaults")
    func branding() {
        let plain = Branding(config: Config(values: [:]))
        #expect(plain.productName == "Customer Portal" && plain.vendorName == nil && plain.logoAsset == "assets/logo.svg")
        let configured = Branding(config: Config(values: [
            "PORTAL_PRODUCT_NAME": "Assistenza Rossi", "PORTAL_SUPPORT_PHONE": "+39 0541 123456",
            "PORTAL_SUPPORT_EMAIL": "non un indirizzo", "PORTAL_LOGO": "/etc/portal/Logo.PNG",
        ]))
        #expect(configured.productName == "Assistenza Rossi")
        #expect(configured.supportPhoneLink == "tel:+390541123456")
        #expect(configured.supportEmail == nil)
        #expect(configured.logoAsset == "assets/logo.png")
    }
}
