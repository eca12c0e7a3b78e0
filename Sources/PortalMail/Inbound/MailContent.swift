/// What a person wrote in a message: the body text (the plain alternative when there is
/// one, else the HTML one turned into text) and the files, attached or inline.
public struct MailContent: Sendable {
    public struct File: Sendable {
        public let fileName: String
        public let contentType: String
        public let bytes: [UInt8]
        /// Shown inside the text (an image pasted into the message), not attached.
        public let isInline: Bool
    }

    public private(set) var text = ""
    /// The text came from an HTML part.
    public private(set) var fromHTML = false
    public private(set) var files: [File] = []

    public init(_ root: MIMEPart) {
        collect(root, bodyWanted: true)
    }

    mutating func collect(_ part: MIMEPart, bodyWanted: Bool) {
        let type = part.contentType
        if type == "multipart/alternative" {
            // The plain version when it says something, else the richest one; the files of
            // every version (an HTML version's inline images) are kept.
            let plain = part.parts.first { $0.contentType == "text/plain" && !$0.text.trimmingWhitespaceScalars().isEmpty }
            let chosen = plain ?? part.parts.last { !$0.contentType.hasPrefix("text/") || $0.contentType == "text/html" }
            for child in part.parts {
                let isChosen = chosen.map { child.rawBody.startIndex == $0.rawBody.startIndex } ?? false
                collect(child, bodyWanted: bodyWanted && isChosen)
            }
            return
        }
        if part.isMultipart {
            for child in part.parts { collect(child, bodyWanted: bodyWanted) }
            return
        }
        if type == "application/pkcs7-signature" || type == "application/pgp-signature"
            || type == "application/x-pkcs7-signature"
        {
            return
        }
        let isAttachment = part.disposition == "attachment" || (part.fileName != nil && !type.hasPrefix("text/"))
        if (type == "text/plain" || type == "text/html") && !isAttachment && part.fileName == nil {
            guard bodyWanted else { return }
            let piece = type == "text/html" ? HTMLText.plainText(part.text) : MailContent.unflowed(part)
            if type == "text/html" && text.isEmpty { fromHTML = true }
            text += text.isEmpty ? piece : "\n" + piece
            return
        }
        let name = part.fileName ?? MailContent.defaultName(type)
        files.append(
            File(
                fileName: name, contentType: type, bytes: part.bytes,
                isInline: part.disposition != "attachment" && part.contentID != nil))
    }

    /// A "format=flowed" text (RFC 3676, Thunderbird's default) as its writer's paragraphs:
    /// a line ending in a space goes on in the next one (its space dropped too with
    /// DelSp=yes), a space stuffed before a line is removed. Read as is, every soft break
    /// became a line break in the thread. Quoted lines and the signature line stay as they are.
    static func unflowed(_ part: MIMEPart) -> String {
        let text = part.text
        guard part.contentTypeHeader.parameters["format"]?.lowercased() == "flowed" else { return text }
        let deleteSpace = part.contentTypeHeader.parameters["delsp"]?.lowercased() == "yes"
        var result = ""
        var joining = false
        // "\r\n" is one Character: split on both.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = String(raw)
            let quoted = line.hasPrefix(">")
            if line.hasPrefix(" ") { line.removeFirst() }
            let soft = line.hasSuffix(" ") && line != "-- " && !quoted
            if soft && deleteSpace { line.removeLast() }
            result += line
            joining = soft
            if !joining { result += "\n" }
        }
        if joining { result += "\n" }
        return result.hasSuffix("\n") && !(text.hasSuffix("\n") || text.hasSuffix("\r\n")) ? String(result.dropLast()) : result
    }

    /// A name for a part that has none: what it is, in Italian, with the usual extension.
    static func defaultName(_ type: String) -> String {
        switch type {
        case "message/rfc822": return "messaggio.eml"
        case "image/png": return "immagine.png"
        case "image/jpeg": return "immagine.jpg"
        case "image/gif": return "immagine.gif"
        case "text/calendar": return "invito.ics"
        // A file a client sent without a name (a scanner's PDF): «allegato» alone opened with
        // nothing on a double click. The content is checked as any file's, whatever is declared.
        case "application/pdf": return "allegato.pdf"
        case "text/plain": return "testo.txt"
        case "text/csv": return "dati.csv"
        case "application/zip", "application/x-zip-compressed": return "archivio.zip"
        case "application/msword": return "documento.doc"
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": return "documento.docx"
        case "application/vnd.ms-excel": return "foglio.xls"
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": return "foglio.xlsx"
        case "image/webp": return "immagine.webp"
        case "image/tiff": return "immagine.tif"
        case "text/html": return "pagina.html"
        case "image/svg+xml": return "disegno.svg"
        default: return "allegato"
        }
    }
}
