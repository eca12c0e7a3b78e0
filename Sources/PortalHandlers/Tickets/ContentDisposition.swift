import PortalHTTP

/// `Content-Disposition: attachment` with an ASCII fallback name and the real one in
/// RFC 5987 form, so that accented names survive and nothing can break out of the header.
enum ContentDisposition {
    static func attachment(_ name: String) -> String {
        let fallback = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" && scalar != ";" ? Character(scalar) : "_"
        })
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(urlEncode(name))"
    }
}
