import PortalHTTP
import Testing

@Suite("Router")
struct RouterTests {
    /// Each handler answers with its own status, so a test can tell which route matched.
    private var router: Router<Void> {
        var router = Router<Void>()
        router.get("/ticket") { _, _ in Response(status: 201) }
        router.get("/ticket/{id}") { request, _ in Response(status: 202, body: Array((request.pathParameters["id"] ?? "").utf8)) }
        router.post("/ticket/{id}/risposta") { _, _ in Response(status: 203) }
        return router
    }

    private func status(_ method: String, _ path: String) throws -> (Int, [String: String]) {
        guard case .found(let route, let parameters) = router.match(method: method, path: path) else {
            Issue.record("\(method) \(path) did not match")
            return (0, [:])
        }
        return (try route.respond(to: Request(method: method, path: path), context: ()).status, parameters)
    }

    @Test("matches a literal path")
    func literal() throws {
        #expect(try status("GET", "/ticket").0 == 201)
    }

    @Test("captures {id}, percent-decoded")
    func capture() throws {
        let (code, parameters) = try status("GET", "/ticket/14%2053")
        #expect(code == 202)
        #expect(parameters == ["id": "14 53"])
        #expect(try status("POST", "/ticket/7/risposta") == (203, ["id": "7"]))
    }

    @Test("HEAD is answered by the GET route")
    func headMatchesGet() throws {
        #expect(try status("HEAD", "/ticket/9").0 == 202)
    }

    @Test("a known path with another method is .wrongMethod")
    func wrongMethod() {
        guard case .wrongMethod = router.match(method: "POST", path: "/ticket") else {
            Issue.record("expected .wrongMethod")
            return
        }
    }

    @Test("an unknown path is .notFound", arguments: ["/", "/tickets", "/ticket/1/2", "/ticket/1/risposta/x"])
    func notFound(_ path: String) {
        guard case .notFound = router.match(method: "GET", path: path) else {
            Issue.record("expected .notFound for \(path)")
            return
        }
    }
}
