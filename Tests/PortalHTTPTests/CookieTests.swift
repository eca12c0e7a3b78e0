import PortalHTTP
import Testing

@Suite("Cookie")
struct CookieTests {
    @Test("parses a Cookie header", arguments: [
        ("sid=abc; theme=dark", ["sid": "abc", "theme": "dark"]),
        ("sid=\"quoted value\";  lang = it ", ["sid": "quoted value", "lang": "it"]),
        ("sid=first; sid=second", ["sid": "first"]),
        ("garbage; =orphan; ok=yes; ;", ["ok": "yes"]),
        ("token=a=b", ["token": "a=b"]),
        ("", [:]),
    ])
    func parse(header: String, expected: [String: String]) {
        #expect(Cookie.parse(header: header) == expected)
    }

    @Test("a session cookie over HTTP is HttpOnly and Lax, without Secure or Max-Age")
    func plainHeaderValue() {
        let cookie = Cookie(name: "sid", value: "abc", secure: false)
        #expect(cookie.headerValue == "sid=abc; Path=/; HttpOnly; SameSite=Lax")
    }

    @Test("Secure appears only when secure, Max-Age only when set")
    func secureRememberedHeaderValue() {
        let cookie = Cookie(name: "__Host-sid", value: "abc", maxAge: 3600, secure: true)
        #expect(cookie.headerValue == "__Host-sid=abc; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax")
        #expect(Cookie.expired("sid", secure: false).headerValue.contains("Max-Age=0"))
    }
}
