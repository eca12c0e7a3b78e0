import CCurl
import Glibc

/// Delivery to a real SMTP server through libcurl (STARTTLS and AUTH included): the four
/// libraries of the design have no TLS, and TLS is not something to write by hand.
public struct SMTPTransport: MailTransport {
    public var host: String
    public var port: Int
    /// Require STARTTLS (`smtp://` upgraded); `implicitTLS` uses `smtps://` instead.
    public var startTLS: Bool
    public var implicitTLS: Bool
    public var user: String
    public var password: String
    public var timeoutSeconds: Int = 30

    public init(host: String, port: Int, startTLS: Bool, implicitTLS: Bool = false, user: String, password: String) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.implicitTLS = implicitTLS
        self.user = user
        self.password = password
    }

    final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    public func send(_ message: MailMessage) throws {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        guard let handle = curl_easy_init() else { throw MailError(description: "curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
        let upload = Upload(Array(try message.encoded().utf8))
        var recipients: UnsafeMutablePointer<curl_slist>?
        for address in message.to { recipients = curl_slist_append(recipients, "<\(address)>") }
        defer { curl_slist_free_all(recipients) }

        let scheme = implicitTLS ? "smtps" : "smtp"
        var codes: [CURLcode] = []
        codes.append(portal_curl_setopt_string(handle, CURLOPT_URL, "\(scheme)://\(host):\(port)"))
        codes.append(portal_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(message.envelopeFrom)>"))
        codes.append(portal_curl_setopt_list(handle, CURLOPT_MAIL_RCPT, recipients))
        codes.append(portal_curl_setopt_long(handle, CURLOPT_UPLOAD, 1))
        codes.append(portal_curl_setopt_long(handle, CURLOPT_TIMEOUT, timeoutSeconds))
        codes.append(portal_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        if startTLS { codes.append(portal_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))) }
        if !user.isEmpty {
            codes.append(portal_curl_setopt_string(handle, CURLOPT_USERNAME, user))
            codes.append(portal_curl_setopt_string(handle, CURLOPT_PASSWORD, password))
        }
        codes.append(
            portal_curl_setopt_read_function(handle) { buffer, size, count, userData in
                guard let buffer, let userData else { return 0 }
                let upload = Unmanaged<Upload>.fromOpaque(userData).takeUnretainedValue()
                let length = min(size * count, upload.bytes.count - upload.offset)
                guard length > 0 else { return 0 }
                upload.bytes.withUnsafeBytes { source in
                    UnsafeMutableRawPointer(buffer).copyMemory(
                        from: source.baseAddress!.advanced(by: upload.offset), byteCount: length)
                }
                upload.offset += length
                return length
            })
        let unmanaged = Unmanaged.passRetained(upload)
        defer { unmanaged.release() }
        codes.append(portal_curl_setopt_pointer(handle, CURLOPT_READDATA, unmanaged.toOpaque()))
        if let failed = codes.first(where: { $0 != CURLE_OK }) {
            throw MailError(description: "curl setup: \(String(cString: curl_easy_strerror(failed)))")
        }
        let result = curl_easy_perform(handle)
        guard result == CURLE_OK else {
            throw MailError(description: "smtp \(host):\(port): \(String(cString: curl_easy_strerror(result)))")
        }
    }
}
