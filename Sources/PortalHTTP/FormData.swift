/// A decoded form or query string: fields in the order they came, plus uploaded files.
public struct FormData: Sendable {
    public private(set) var fields: [(name: String, value: String)] = []
    public private(set) var files: [UploadedFile] = []

    public init() {}

    public subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    public func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    public func files(named name: String) -> [UploadedFile] {
        files.filter { $0.fieldName == name && !$0.fileName.isEmpty }
    }

    /// Whether a checkbox was ticked.
    public func isChecked(_ name: String) -> Bool { self[name] != nil }

    mutating func append(_ name: String, _ value: String) { fields.append((name, value)) }
    mutating func append(_ file: UploadedFile) { files.append(file) }

    /// Parses `a=1&b=two+words`. Empty pieces are skipped; a bad escape is a 400.
    public static func urlEncoded<C: Collection>(_ bytes: C) throws -> FormData where C.Element == UInt8 {
        var form = FormData()
        for piece in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = piece.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try PercentDecoding.decode(parts[0], plusIsSpace: true)
            let value = parts.count > 1 ? try PercentDecoding.decode(parts[1], plusIsSpace: true) : ""
            form.append(name, value)
        }
        return form
    }
}

public struct UploadedFile: Sendable {
    public let fieldName: String
    public let fileName: String
    public let contentType: String
    public let bytes: [UInt8]
}
