import PortalCore
import PortalDomain
import PortalCrypto
import PortalHTTP
import PortalStore

/// Files sent with a ticket or a reply (or by e-mail, `MailUploads`). Each is checked
/// (`AttachmentRules`) and staged for the company within its quota (`UploadStorage`): stored
/// under its SHA-256 outside the web root, kept for good only when an accepted form attaches
/// it, swept minutes after otherwise. When the form is refused a file stays "chosen": the
/// page carries a signed reference to it, so the user does not have to pick it again.
struct Uploads {
    static let maxFileSize = AttachmentRules.maxFileSize
    static let maxFiles = 10
    /// Several 4 MB files plus the form: what the ticket routes accept in one body.
    static let bodyLimit = maxFiles * maxFileSize + 256 * 1024

    let services: Services
    /// The person whose form the files belong to: a kept reference names them, so that it
    /// brings the file back to that person's form only (another company's user who learnt one
    /// attached, and downloaded, a file they never had).
    let owner: Int64

    struct Result {
        var files: [NewAttachment] = []
        var error: String?

        /// The body was cut past the 40 MB: the files whole before the cut are kept, and the
        /// line says so before why any of them was refused.
        mutating func markCut() {
            error = [Text.filesNotReceived(kept: files.count), error].compactMap { $0 }.joined(separator: " ")
        }
    }

    /// Who keeps a form's files: a company (staged within its quota, unless the desk answers),
    /// or a form kept while its session had ended, whose company is not known yet.
    enum Keeper {
        case company(Int64, enforcingQuota: Bool = true)
        case keptForm(until: Timestamp)
    }

    /// New files of the field `name` plus the kept ones the form sends back (`kept`), for
    /// `keeper`. A kept file that was swept meanwhile is to be chosen again.
    func collect(_ form: FormData, field name: String, for keeper: Keeper) throws -> Result {
        var result = Result()
        let storage = UploadStorage(database: services.database, config: services.config)
        var refusals: [String] = []
        for reference in form.all("kept") {
            guard let file = verify(reference) else { continue }
            let kept = switch keeper {
            case .company(let tenantID, _): try storage.keep(file, tenantID: tenantID, now: services.now)
            case .keptForm(let until): storage.hold(file, until: until)
            }
            if kept { result.files.append(file) } else { refusals.append(Text.keptFileGone(file.fileName)) }
        }
        let new = try accept(
            form.files(named: name).map { ($0.fileName, $0.bytes) }, for: keeper, besides: result.files.count)
        result.files += new.files
        // The same file (name and content) once: chosen again beside its copy under «File già
        // scelti» (the picker came back empty after a refusal), it was stored twice.
        var seen = Set<String>()
        result.files = result.files.filter { seen.insert($0.sha256 + "/" + $0.fileName).inserted }
        refusals += new.refusals
        if !refusals.isEmpty { result.error = refusals.joined(separator: " ") }
        return result
    }

    /// Files by the rules (a form's or an e-mail's), written for `keeper` beside `besides`
    /// files already chosen: those accepted, and why the others were not. Too many files,
    /// or files past the company's quota, are refused all together before any is written.
    func accept(_ files: [(fileName: String, bytes: [UInt8])], for keeper: Keeper, besides chosen: Int = 0) throws
        -> (files: [NewAttachment], refusals: [String])
    {
        var refusals: [String] = []
        var uploads: [UploadStorage.Upload] = []
        for file in files {
            switch AttachmentRules.check(name: file.fileName, bytes: file.bytes) {
            case .refused(let reason):
                refusals.append(reason)
            case .accepted(let fileName, let type):
                uploads.append(UploadStorage.Upload(fileName: fileName, contentType: type.mimeType, bytes: file.bytes))
            }
        }
        guard chosen + uploads.count <= Uploads.maxFiles else { return ([], refusals + [Text.tooManyFiles]) }
        let storage = UploadStorage(database: services.database, config: services.config)
        do {
            switch keeper {
            case .company(let tenantID, let enforcingQuota):
                let staged = try storage.stage(uploads, tenantID: tenantID, enforcingQuota: enforcingQuota, now: services.now)
                return (staged, refusals)
            case .keptForm(let until):
                return (try storage.hold(uploads, until: until), refusals)
            }
        } catch let error as DomainError where error.code == .storageQuota {
            return ([], refusals + [error.message])
        }
    }

    /// `owner:sha:size:type:name` and its HMAC, so a kept reference cannot name someone else's
    /// file, nor bring a file to anyone but the person who chose it.
    func reference(for file: NewAttachment) -> String {
        let payload = "\(owner):\(file.sha256):\(file.size):\(file.contentType):\(file.fileName)"
        return Base64URL.encode(Array(payload.utf8)) + "." + mac(payload)
    }

    private func mac(_ payload: String) -> String {
        Base64URL.encode(Digest.hmacSHA256(Array(("staged:" + payload).utf8), key: services.secret))
    }

    func verify(_ reference: String) -> NewAttachment? {
        let parts = reference.split(separator: ".")
        guard parts.count == 2, let bytes = Base64URL.decode(String(parts[0])),
            let payload = String(validating: bytes, as: UTF8.self)
        else { return nil }
        guard ConstantTime.equal(mac(payload), String(parts[1])) else { return nil }
        let fields = payload.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5, fields[0] == String(owner), let size = Int64(fields[2]), ContentStore.isName(fields[1]) else { return nil }
        return NewAttachment(fileName: fields[4], contentType: fields[3], size: size, sha256: fields[1])
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
