import PortalHTTP
import PortalHandlers
import Testing

/// Behind a proxy that terminates TLS the handlers see plain HTTP; the configured public URL
/// decides how the cookies are named and flagged.
@Suite("Cookies follow the public URL, whoever terminates TLS (in process)")
struct HTTPSCookieTests {
    private func cookies(_ response: Response) -> [String] {
        response.headers.filter { $0.name == "Set-Cookie" }.map(\.value)
    }

    @Test("an https public URL: __Host- names and Secure, though the request came over HTTP")
    func httpsPublicURL() throws {
        let fixture = try Fixture(publicURL: "https://assistenza.example.com")
        let page = fixture.get("/login")
        let visitor = try #require(cookies(page).first)
        #expect(visitor.hasPrefix("__Host-portal_visitor="))
        #expect(visitor.contains("; Secure") && visitor.contains("Path=/") && !visitor.contains("Domain"))
        // A session is read only under its __Host- name: a cookie without the prefix (which any
        // subdomain or plain-HTTP page could have planted) is not a session.
        var session = try fixture.session("mario.rossi@rossi.example")
        #expect(fixture.get("/profilo", cookies: session).status == 303)
        session = ["__Host-portal_session": session["portal_session"]!]
        #expect(fixture.get("/profilo", cookies: session).status == 200)
    }

    @Test("an http public URL (development): plain names, no Secure")
    func httpPublicURL() throws {
        let fixture = try Fixture()
        let visitor = try #require(cookies(fixture.get("/login")).first)
        #expect(visitor.hasPrefix("portal_visitor=") && !visitor.contains("Secure"))
    }
}
