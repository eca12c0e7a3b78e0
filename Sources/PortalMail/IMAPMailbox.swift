import CCurl
import Glibc

/// A mailbox on an IMAP server, read through libcurl over TLS (`imaps://`, or `imap://`
/// upgraded with STARTTLS, which is then required): the unread messages' UIDs, one
/// message's bytes (which marks it read), and "unread again" for a message to retry later.
public struct IMAPMailbox {
    /// `imaps://mail.example.com:993/INBOX`
    public var url: String
    public var user: String
    public var password: String
    /// A PEM file of the certificate authorities to trust instead of the system's (a
    /// self-signed server certificate).
    public var caFile: String
    public var timeoutSeconds = 30

    public init(url: String, user: String, password: String, caFile: String) {
        var trimmed = url
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.url = trimmed
        self.user = user
        self.password = password
        self.caFile = caFile
    }

    /// The UIDs of the messages not yet read.
    public func unseen() throws -> [Int64] {
        let answer = String(decoding: try perform(url: url, command: "UID SEARCH UNSEEN"), as: UTF8.self)
        // "* SEARCH 3 4 7"
        return answer.split(whereSeparator: \.isNewline)
            .filter { $0.hasPrefix("* SEARCH") }
            .flatMap { $0.split(separator: " ").dropFirst(2).compactMap { Int64($0) } }
    }

    /// The whole message (the server marks it read).
    public func fetch(uid: Int64) throws -> [UInt8] {
        try perform(url: "\(url);UID=\(uid)", command: nil)
    }

    /// Unread again, to be fetched by the next pass.
    public func markUnseen(uid: Int64) throws {
        _ = try perform(url: url, command: "UID STORE \(uid) -FLAGS (\\Seen)")
    }

    final class Sink {
        var bytes: [UInt8] = []
    }

    func perform(url: String, command: String?) throws -> [UInt8] {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        guard let handle = curl_easy_init() else { throw MailError(description: "curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
        let sink = Sink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        var codes: [CURLcode] = []
        codes.append(portal_curl_setopt_string(handle, CURLOPT_URL, url))
        codes.append(portal_curl_setopt_long(handle, CURLOPT_TIMEOUT, timeoutSeconds))
        codes.append(portal_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        // Never the password in clear: TLS from the start (imaps) or STARTTLS required.
        codes.append(portal_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
        if !caFile.isEmpty { codes.append(portal_curl_setopt_string(handle, CURLOPT_CAINFO, caFile)) }
        if !user.isEmpty {
            codes.append(portal_curl_setopt_string(handle, CURLOPT_USERNAME, user))
            codes.append(portal_curl_setopt_string(handle, CURLOPT_PASSWORD, password))
        }
        if let command { codes.append(portal_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, command)) }
        codes.append(
            portal_curl_setopt_write_function(handle) { buffer, size, count, userData in
                guard let buffer, let userData else { return 0 }
                let sink = Unmanaged<Sink>.fromOpaque(userData).takeUnretainedValue()
                let length = size * count
                buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
                }
                return length
            })
        codes.append(portal_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque()))
        if let failed = codes.first(where: { $0 != CURLE_OK }) {
            throw MailError(description: "curl setup: \(String(cString: curl_easy_strerror(failed)))")
        }
        let result = curl_easy_perform(handle)
        guard result == CURLE_OK else {
            throw MailError(description: "imap \(IMAPMailbox.safe(url)): \(String(cString: curl_easy_strerror(result)))")
        }
        return sink.bytes
    }

    /// The URL without credentials someone may have written into it, for logs.
    static func safe(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let scheme = url.firstRange(of: "://") else { return url }
        return String(url[..<scheme.upperBound]) + String(url[url.index(after: at)...])
    }
}
