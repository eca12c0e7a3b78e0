import PortalHTTP
import Testing

@Suite("Router")
struct RouterTests {
    private var router: Router {
        var router = Router()
        router.add("GET", "/ticket", bodyLimit: 0, access: "member")
        router.add("GET", "/ticket/{id}", bodyLimit: 0, access: "member")
        router.add("POST", "/ticket/{id}/risposta", bodyLimit: 1024, access: "member")
        return router
    }

    /// The matched route's position and captures.
    private func found(_ method: String, _ path: String) -> (Int, [String: String]) {
        guard case .found(let route, let parameters) = router.match(method: method, path: path) else {
            Issue.record("\(method) \(path) did not match")
            return (-1, [:])
        }
        return (route.index, parameters)
    }

    @Test("matches a literal path")
    func literal() {
        #expect(found("GET", "/ticket").0 == 0)
    }

    @Test("captures {id}, percent-decoded")
    func capture() {
        let (index, parameters) = found("GET", "/ticket/14%2053")
        #expect(index == 1)
        #expect(parameters == ["id": "14 53"])
        #expect(found("POST", "/ticket/7/risposta") == (2, ["id": "7"]))
    }

    @Test("HEAD is answered by the GET route")
    func headMatchesGet() {
        #expect(found("HEAD", "/ticket/9").0 == 1)
    }

    @Test("a route knows whether it changes state", arguments: [("GET", false), ("POST", true), ("PUT", true)])
    func changesState(_ method: String, _ expected: Bool) {
        var router = Router()
        router.add(method, "/x", bodyLimit: 0, access: "visitor")
        #expect(router.routes[0].changesState == expected)
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
