import PortalCore
import PortalHTTP
import PortalHandlers
import PortalStore
import Testing

@Suite("Route groups: routing, guards, CSRF, errors (in process)", .serialized)
struct AccessGroupTests {
    let fixture: Fixture

    init() throws { fixture = try Fixture() }

    /// A concrete path for a route's pattern: the demo's first ticket, an id that exists.
    private func path(_ route: Router.Route) -> String {
        route.path.replacingOccurrences(of: "{number}", with: "1001").replacingOccurrences(of: "{id}", with: "1")
    }

    @Test("every route is in a known access group, and each path answers in one application only")
    func everyRouteHasAGroup() {
        for (_, route) in fixture.routes {
            #expect(Access(rawValue: route.access) != nil, "\(route.method) \(route.path)")
        }
        var seen: [String: Int] = [:]
        for (_, route) in fixture.routes { seen[route.method + " " + route.path, default: 0] += 1 }
        #expect(seen.values.allSatisfy { $0 == 1 })
    }

    @Test("an unknown path is the Italian 404 page; under /api/ it is JSON")
    func notFound() {
        let page = fixture.get("/non-esiste")
        #expect(page.status == 404)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(String(decoding: page.body, as: UTF8.self).contains("non esiste"))
        let api = fixture.get("/api/non-esiste")
        #expect(api.status == 404)
        #expect(api.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(String(decoding: api.body, as: UTF8.self).hasPrefix("{\"error\":"))
    }

    @Test("a known path with another method is 405 with Allow, to whom its group admits; the login to anyone else, as its GET")
    func wrongMethod() throws {
        let cookies = try fixture.session("mario.rossi@rossi.example")
        let refused = fixture.handle(Request(method: "DELETE", path: "/ticket", cookies: cookies))
        #expect(refused.status == 405)
        #expect(refused.header("Allow") == "GET, HEAD")
        let anonymous = fixture.handle(Request(method: "DELETE", path: "/ticket"))
        #expect(anonymous.status == 303 && anonymous.header("Location")?.hasPrefix("/login?next=") == true)
    }

    @Test("without a session, every signed-in page sends the browser to the login and back; the API answers 401")
    func anonymous() {
        for (app, route) in fixture.routes where route.method == "GET" {
            guard ["signed-in", "member", "administrator"].contains(route.access) else { continue }
            let response = app.handle(Request(method: "GET", path: path(route)))
            if route.path.hasPrefix("/api/") {
                #expect(response.status == 401, "\(route.path)")
            } else {
                #expect(response.status == 303, "\(route.path)")
                #expect(response.header("Location")?.hasPrefix("/login?next=") == true, "\(route.path)")
            }
        }
    }

    @Test("the wrong kind of user gets 404 on a group's every route, as if it did not exist", arguments: [
        ("luca.verdi@rossi.example", ["administrator"]),  // a technician on Gestione Tenant
        ("giulia.neri@assistenza.example", ["member", "administrator"]),  // an operator on company pages
        ("paolo.gallo@assistenza.example", ["member", "administrator", "manager"]),  // an Operatore on the administration
    ])
    func wrongKindOfUser(_ email: String, _ groups: [String]) throws {
        let cookies = try fixture.session(email)
        let isOperator = email.hasSuffix("@assistenza.example")
        for (app, route) in fixture.routes where groups.contains(route.access) {
            var request = Request(method: route.method, path: path(route), cookies: cookies)
            request.headers["content-type"] = "application/x-www-form-urlencoded"
            let response = app.handle(request)
            // The one exception: a customer's ticket link (a forwarded notification) leads an
            // operator to the desk's page of that ticket, its files' page and a file too.
            let forwarded = ["/ticket/{number}": "/desk/ticket/1001", "/ticket/{number}/allegati": "/desk/ticket/1001",
                             "/ticket/{number}/allegati/{id}": "/desk/ticket/1001/allegati/1"]
            if isOperator && route.method == "GET", let desk = forwarded[route.path] {
                #expect(response.status == 303 && response.header("Location") == desk, "\(route.path)")
                continue
            }
            #expect(response.status == 404, "\(route.method) \(route.path)")
        }
    }

    @Test("a customer and a visitor get 404 on every operator route")
    func customersOnOperatorRoutes() throws {
        let cookies = try fixture.session("mario.rossi@rossi.example")
        for (app, route) in fixture.routes where ["operator", "manager"].contains(route.access) {
            let response = app.handle(Request(method: route.method, path: path(route), cookies: cookies))
            #expect(response.status == 404, "\(route.method) \(route.path)")
            #expect(app.handle(Request(method: route.method, path: path(route))).status == 404)
            // Nor does another method tell them the address exists (it answered 405).
            #expect(app.handle(Request(method: "PUT", path: path(route), cookies: cookies)).status == 404, "\(route.path)")
            #expect(app.handle(Request(method: "PUT", path: path(route))).status == 404, "\(route.path)")
        }
    }

    /// The cookies that get a state-changing request of this route past its guard, so that
    /// only the CSRF token is missing.
    private func cookies(for route: Router.Route) throws -> [String: String] {
        switch route.access {
        case "visitor": return Fixture.visitor
        case "login":
            return try fixture.login(
                "mario.rossi@rossi.example", stage: route.path.hasPrefix("/accesso/primo") ? .firstAccess : .code)
        case "operator", "manager": return try fixture.session("giulia.neri@assistenza.example")
        default: return try fixture.session("mario.rossi@rossi.example")
        }
    }

    @Test("every state-changing route refuses a request without the CSRF token, or with another's, and changes nothing")
    func csrfOnEveryStateChangingRoute() throws {
        var checked = 0
        for (app, route) in fixture.routes where route.changesState {
            let cookies = try cookies(for: route)
            let before = try fixture.fingerprint()
            for token in [nil, "Zm9yZ2Vk"] {
                var fields = ["email": "mario.rossi@rossi.example", "password": "Portale-Demo-2026", "message": "Buongiorno"]
                fields["csrf"] = token
                let body = fields.map { urlEncode($0.key) + "=" + urlEncode($0.value) }.joined(separator: "&")
                let request = Request(
                    method: route.method, path: path(route), headers: ["content-type": "application/x-www-form-urlencoded"],
                    cookies: cookies, body: Array(body.utf8))
                #expect(app.handle(request).status == 403, "\(route.method) \(route.path) with token \(token ?? "none")")
            }
            #expect(try fixture.fingerprint() == before, "\(route.method) \(route.path) changed something")
            checked += 1
        }
        #expect(checked >= 20)
    }

    @Test("a JSON route takes its token from the header, and refuses a wrong one with a JSON 403")
    func csrfHeaderOnJSON() throws {
        let cookies = try fixture.session("luca.verdi@rossi.example")
        let body = Array(#"{"layout": []}"#.utf8)
        let refused = fixture.handle(
            Request(
                method: "PUT", path: "/api/dashboard/layout",
                headers: ["content-type": "application/json", "x-csrf-token": "Zm9yZ2Vk"], cookies: cookies, body: body))
        #expect(refused.status == 403)
        #expect(String(decoding: refused.body, as: UTF8.self).hasPrefix("{\"error\":"))
        let malformed = fixture.handle(
            Request(
                method: "PUT", path: "/api/dashboard/layout", headers: ["content-type": "application/json"], cookies: cookies,
                body: Array("{".utf8)))
        #expect(malformed.status == 400)
        #expect(String(decoding: malformed.body, as: UTF8.self).contains("error"))
    }

    @Test("a member's own pages answer 200 with the session's company")
    func memberPages() throws {
        let cookies = try fixture.session("mario.rossi@rossi.example")
        for path in ["/ticket", "/ticket/nuovo", "/dashboard", "/api/dashboard", "/tenant", "/tenant/utenti", "/profilo"] {
            #expect(fixture.get(path, cookies: cookies).status == 200, "\(path)")
        }
    }

    @Test("another company's ticket is 404, exactly as a missing one")
    func foreignTicket() throws {
        let anna = try fixture.session("anna.bianchi@bianchi.example")
        let rossiTicket = try fixture.database.scalarInt(
            "SELECT number FROM tickets WHERE tenant_id = (SELECT tenant_id FROM memberships WHERE user_id = ?) LIMIT 1",
            [try fixture.userID("mario.rossi@rossi.example")])
        let foreign = fixture.get("/ticket/\(rossiTicket)", cookies: anna)
        let missing = fixture.get("/ticket/999999", cookies: anna)
        #expect(foreign.status == 404)
        #expect(foreign.body == missing.body)
    }
}

@Suite("A handler refuses a database it does not know")
struct NewerDatabaseTests {
    @Test("a database migrated by a newer build stops the handler with a clear message")
    func refusesNewerDatabase() throws {
        let fixture = try Fixture()
        try fixture.database.run("INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_from_the_future', 1)")
        let config = Config(values: ["PORTAL_VAR": fixture.directory])
        let error = #expect(throws: Migrator.NewerSchema.self) { try PortalApp(config: config, routes: Routes.auth) }
        #expect(error?.description.contains("versione più recente") == true)
        #expect(error?.description.contains("9999_from_the_future") == true)
    }
}
