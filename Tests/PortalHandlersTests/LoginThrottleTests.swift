import PortalCore
import PortalHTTP
import PortalHandlers
import Testing

/// The per-source brake of the login form, by client address (in process; the whole story
/// with nginx and a trusted proxy is in Tests/e2e/test_access.py).
@Suite("The brake on guessing a password, per source (in process)", .serialized)
struct LoginThrottleTests {
    let fixture: Fixture
    let cookies = Fixture.visitor
    let token: String

    init() throws {
        fixture = try Fixture()
        token = try fixture.csrf("/login", cookies: cookies)
    }

    private func attempt(_ password: String, from address: String, email: String = "luca.verdi@rossi.example") -> Int {
        let body = ["csrf": token, "email": email, "password": password]
            .map { urlEncode($0.key) + "=" + urlEncode($0.value) }.joined(separator: "&")
        return fixture.handle(
            Request(
                method: "POST", path: "/login", headers: ["content-type": "application/x-www-form-urlencoded"], cookies: cookies,
                body: Array(body.utf8), clientAddress: address)
        ).status
    }

    @Test("an IPv6 guesser waits for its whole /64; another network is heard, and the owner gets in")
    func ipv6Prefix() {
        let tries = (0..<10).map { attempt("tentativo \($0)", from: "2001:db8:1:2::\($0 + 10)") }
        #expect(tries == Array(repeating: 422, count: 10), "issue 3: after 10 in 15 minutes")
        #expect(attempt("ancora un tentativo", from: "2001:db8:1:2:ffff::1") == 429)
        #expect(attempt("Portale-Demo-2026", from: "2001:db8:1:2::10") == 429, "not even the right password is looked at")
        #expect(attempt("da un'altra rete", from: "2001:db8:1:3::1") == 422)
        #expect(attempt("Portale-Demo-2026", from: "198.51.100.7") == 303)
    }

    @Test("IPv4 addresses, also written as IPv6, count one by one")
    func ipv4() {
        for n in 0..<10 { #expect(attempt("tentativo \(n)", from: "::ffff:203.0.113.5") == 422) }
        #expect(attempt("tentativo", from: "::ffff:203.0.113.5") == 429)
        #expect(attempt("tentativo", from: "::ffff:203.0.113.6") == 422)
    }
}
