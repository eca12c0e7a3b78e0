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

    /// Parses `a=1&b=two+words`. Empty pieces are skipped; a bad escape is a 400. Concrete
    /// bytes and indices rather than a generic collection: it runs on every request, and a
    /// generic call from another module is not specialised.
    public static func urlEncoded(_ bytes: [UInt8]) throws -> FormData {
        var form = FormData()
        try bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count && buffer[end] != UInt8(ascii: "&") { end += 1 }
                if end > start {
                    let piece = UnsafeBufferPointer(rebasing: buffer[start..<end])
                    if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                        form.append(
                            try PercentDecoding.decode(UnsafeBufferPointer(rebasing: piece[..<equals]), plusIsSpace: true),
                            try PercentDecoding.decode(UnsafeBufferPointer(rebasing: piece[(equals + 1)...]), plusIsSpace: true))
                    } else {
                        form.append(try PercentDecoding.decode(piece, plusIsSpace: true), "")
                    }
                }
                start = end + 1
            }
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
