import PortalHTTP
import Testing

@testable import PortalFastCGI

@Suite("RequestReader.Params")
struct RequestReaderTests {
    private func incoming(_ entries: [String]) throws -> RequestReader.Incoming {
        var params = RequestReader.Params()
        for entry in entries {
            var entry = entry
            entry.withUTF8 { params.add(UnsafeRawBufferPointer($0)) }
        }
        return try params.incoming()
    }

    @Test("takes method, path, query, cookies and the forwarded headers")
    func request() throws {
        let incoming = try incoming([
            "REQUEST_METHOD=POST", "REQUEST_URI=/ticket/12?avviso=creato", "QUERY_STRING=avviso=creato&x=a+b",
            "CONTENT_TYPE=application/x-www-form-urlencoded", "CONTENT_LENGTH=42", "REMOTE_ADDR=127.0.0.1",
            "HTTP_COOKIE=portal_session=abc; tema=scuro", "HTTP_USER_AGENT=Mozilla/5.0 (X11)", "HTTP_X_CSRF_TOKEN=t0k=n",
            "SERVER_PORT=8080",
        ])
        let request = incoming.request
        #expect(request.method == "POST")
        #expect(request.path == "/ticket/12")
        #expect(request.query["avviso"] == "creato")
        #expect(request.query["x"] == "a b")
        #expect(request.cookies == ["portal_session": "abc", "tema": "scuro"])
        #expect(request.userAgent == "Mozilla/5.0 (X11)")
        #expect(request.headers["x-csrf-token"] == "t0k=n")
        #expect(request.contentType == "application/x-www-form-urlencoded")
        #expect(request.clientAddress == "127.0.0.1")
        #expect(!request.isHTTPS)
        #expect(try incoming.contentLength() == 42)
    }

    @Test("defaults for a bare request; HTTPS from its parameter")
    func defaults() throws {
        let bare = try incoming([])
        #expect(bare.request.method == "GET")
        #expect(bare.request.path == "/")
        #expect(try bare.contentLength() == 0)
        #expect(try incoming(["HTTPS=on"]).request.isHTTPS)
    }

    @Test("a malformed length is a 400", arguments: [["CONTENT_LENGTH=-1"], ["CONTENT_LENGTH=12a"]])
    func malformed(_ entries: [String]) {
        #expect(throws: HTTPError.self) { try incoming(entries).contentLength() }
    }

    @Test("a malformed query is a 400 that keeps its request's address")
    func malformedQuery() throws {
        do {
            _ = try incoming(["REQUEST_URI=/api/dashboard?a=%zz", "QUERY_STRING=a=%zz"])
            Issue.record("a query that does not decode was taken")
        } catch let bad as RequestReader.BadQuery {
            #expect(bad.error.status == 400)
            #expect(bad.request.path == "/api/dashboard")
        }
    }
}
