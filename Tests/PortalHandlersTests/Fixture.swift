import Foundation
import PortalCore
import PortalCrypto
import PortalDomain
import PortalHTTP
import PortalHandlers
import PortalStore
import Testing

/// The three handler applications of the portal over one demo database in a fresh folder,
/// called in process with request values: what the FastCGI loop does, without nginx.
final class Fixture {
    let directory: String
    let apps: [PortalApp]
    let database: Database
    let config: Config

    init(publicURL: String = "http://127.0.0.1") throws {
        var template = Array("/tmp/portal-handlers-tests.XXXXXX".utf8CString)
        guard let pointer = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        directory = String(cString: pointer)
        let config = Config(values: ["PORTAL_VAR": directory, "PORTAL_PUBLIC_URL": publicURL])
        self.config = config
        database = try Database(path: config.databasePath)
        try Migrator.migrate(database, now: Clock.now())
        _ = try DemoData.seed(database: database, now: Clock.now())
        apps = try [Routes.auth, Routes.tickets, Routes.tenant, Routes.desk].map { try PortalApp(config: config, routes: $0) }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// nginx's upstream for each application, in the order of `apps`.
    static let upstreams = ["portal_auth", "portal_tickets", "portal_tenant", "portal_desk"]

    /// Every route of every application, with the application that answers it.
    var routes: [(app: PortalApp, route: Router.Route)] {
        apps.flatMap { app in app.router.routes.map { (app, $0) } }
    }

    func app(for method: String, _ path: String) -> PortalApp {
        for app in apps {
            if case .notFound = app.router.match(method: method, path: path) { continue }
            return app
        }
        return apps[0]
    }

    func handle(_ request: Request) -> Response { app(for: request.method, request.path).handle(request) }

    /// A GET of `path`, whose query string (after "?") becomes the request's query.
    func get(_ path: String, cookies: [String: String] = [:]) -> Response {
        let parts = path.split(separator: "?", maxSplits: 1)
        let query = parts.count == 2 ? (try? FormData.urlEncoded(Array(parts[1].utf8))) ?? FormData() : FormData()
        return handle(Request(method: "GET", path: String(parts.first ?? ""), query: query, cookies: cookies))
    }

    /// A url-encoded POST with these fields.
    func post(_ path: String, _ fields: [String: String], cookies: [String: String] = [:], method: String = "POST")
        -> Response
    {
        let body = fields.map { urlEncode($0.key) + "=" + urlEncode($0.value) }.joined(separator: "&")
        return handle(
            Request(
                method: method, path: path, headers: ["content-type": "application/x-www-form-urlencoded"],
                cookies: cookies, body: Array(body.utf8)))
    }

    func userID(_ email: String) throws -> Int64 {
        try database.scalarInt("SELECT id FROM users WHERE email = ?", [email])
    }

    /// The signed writers (`formOwner`) of `count` new colleagues of Mario's company: an office
    /// of people behind one address, each of whom keeps forms of their own.
    func colleagues(_ count: Int) throws -> [String] {
        let tenant = try database.scalarInt("SELECT tenant_id FROM memberships WHERE user_id = ?", [try userID("mario.rossi@rossi.example")])
        return try (0..<count).map { index in
            let address = "collega\(index)@rossi.example"
            let id = try UserStore(database).create(
                email: EmailAddress(address)!, passwordHash: "x", provisionalUntil: nil, firstName: "Collega", lastName: "N\(index)",
                now: Clock.now())
            try TenantStore(database).addMember(userID: id, tenantID: tenant, role: .technician, now: Clock.now())
            return try formOwner(address)
        }
    }

    /// The signed name of the writer that this demo customer's ticket forms carry (`autore`),
    /// read off their "Nuovo Ticket" page as a browser would send it.
    func formOwner(_ email: String) throws -> String {
        let page = String(decoding: get("/ticket/nuovo", cookies: try session(email)).body, as: UTF8.self)
        let start = try #require(page.range(of: "name=\"autore\" value=\""))
        return String(page[start.upperBound...].prefix { $0 != "\"" })
    }

    /// The cookies of a signed-in session of this demo user (in the last company they chose).
    func session(_ email: String) throws -> [String: String] {
        let token = Token.generate()
        let id = try userID(email)
        let tenant = try database.queryOne("SELECT tenant_id FROM memberships WHERE user_id = ?", [id])?.optionalInt("tenant_id")
        _ = try SessionStore(database).create(
            tokenHash: token.hash, userID: id, tenantID: tenant, remember: false, userAgent: "test", clientIP: "127.0.0.1",
            now: Clock.now())
        return ["portal_session": token.value]
    }

    /// The cookie of a login in progress at `stage`.
    func login(_ email: String, stage: LoginChallengeRecord.Stage) throws -> [String: String] {
        let token = Token.generate()
        _ = try LoginChallengeStore(database).create(
            tokenHash: token.hash, userID: try userID(email), stage: stage, remember: false, returnTo: "", now: Clock.now())
        return ["portal_login": token.value]
    }

    static let visitor = ["portal_visitor": Token.generate().value]

    /// The demo Responsabile's session and the token of its forms, for the administration's pages.
    func managerSession() throws -> (cookies: [String: String], token: String) {
        let cookies = try session("giulia.neri@assistenza.example")
        return (cookies, try csrf("/desk/", cookies: cookies))
    }

    /// The CSRF token of the forms of the page at `path` for this session.
    func csrf(_ path: String, cookies: [String: String]) throws -> String {
        let html = String(decoding: get(path, cookies: cookies).body, as: UTF8.self)
        let marker = #"name="csrf" value=""#
        let start = try #require(html.range(of: marker)).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    /// A change of every row that a state-changing request could touch: equal before and
    /// after means the request changed nothing.
    func fingerprint() throws -> [Int64] {
        try [
            "tickets", "messages", "memberships", "invitations", "outbox", "user_preferences", "sessions", "trusted_devices",
            "password_resets", "legacy_access_requests", "login_failures", "known_browsers",
        ].map { try database.scalarInt("SELECT count(*) FROM \($0)") }
            + [try database.scalarInt("SELECT total(length(first_name) + length(last_name) + updated_at) FROM users")]
    }
}
