import PortalCore
import PortalDomain
import PortalCrypto
import PortalHTTP
import PortalStore

/// Files sent with a ticket or a reply. Each is checked (`AttachmentRules`), stored under its
/// SHA-256 outside the web root, and when the form is refused it stays "chosen": the page
/// carries a signed reference to it, so the user does not have to pick it again.
struct Uploads {
    static let maxFileSize = AttachmentRules.maxFileSize
    static let maxFiles = 10
    /// Several 4 MB files plus the form: what the ticket routes accept in one body.
    static let bodyLimit = maxFiles * maxFileSize + 256 * 1024

    let services: Services

    var store: ContentStore { ContentStore(directory: services.config.attachmentsDirectory) }

    struct Result {
        var files: [NewAttachment] = []
        var error: String?
    }

    /// New files of the field `name` plus the kept ones the form sends back (`kept`).
    func collect(_ form: FormData, field name: String) throws -> Result {
        var result = Result()
        for reference in form.all("kept") {
            if let file = verify(reference) { result.files.append(file) }
        }
        var refusals: [String] = []
        for upload in form.files(named: name) {
            switch try accept(fileName: upload.fileName, bytes: upload.bytes) {
            case .success(let file): result.files.append(file)
            case .failure(let refusal): refusals.append(refusal.message)
            }
        }
        if !refusals.isEmpty { result.error = refusals.joined(separator: " ") }
        if result.files.count > Uploads.maxFiles { result.error = Text.tooManyFiles }
        return result
    }

    struct Refusal: Error {
        let message: String
    }

    /// One file by the rules (a form's or an e-mail's): stored, or why not.
    func accept(fileName: String, bytes: [UInt8]) throws -> Swift.Result<NewAttachment, Refusal> {
        switch AttachmentRules.check(name: fileName, bytes: bytes) {
        case .refused(let reason):
            return .failure(Refusal(message: reason))
        case .accepted(let fileName, let type):
            let sha = try store.store(bytes)
            return .success(NewAttachment(fileName: fileName, contentType: type.mimeType, size: Int64(bytes.count), sha256: sha))
        }
    }

    /// `sha:size:type:name` and its HMAC, so a kept reference cannot name someone else's file.
    func reference(for file: NewAttachment) -> String {
        let payload = "\(file.sha256):\(file.size):\(file.contentType):\(file.fileName)"
        let mac = Base64URL.encode(Digest.hmacSHA256(Array(("staged:" + payload).utf8), key: services.secret))
        return Base64URL.encode(Array(payload.utf8)) + "." + mac
    }

    func verify(_ reference: String) -> NewAttachment? {
        let parts = reference.split(separator: ".")
        guard parts.count == 2, let bytes = Base64URL.decode(String(parts[0])),
            let payload = String(validating: bytes, as: UTF8.self)
        else { return nil }
        let expected = Base64URL.encode(Digest.hmacSHA256(Array(("staged:" + payload).utf8), key: services.secret))
        guard ConstantTime.equal(expected, String(parts[1])) else { return nil }
        let fields = payload.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4, let size = Int64(fields[1]), store.read(fields[0]) != nil else { return nil }
        return NewAttachment(fileName: fields[3], contentType: fields[2], size: size, sha256: fields[0])
    }

    static func humanSize(_ bytes: Int64) -> String {
        if bytes >= 1024 * 1024 { return String(format1: Double(bytes) / 1_048_576) + " MB" }
        if bytes >= 1024 { return "\(bytes / 1024) KB" }
        return "\(bytes) byte"
    }
}

extension String {
    /// One decimal, Italian style ("1,5").
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10),\(tenths % 10)"
    }
}
