import PortalDomain

/// The image formats a profile picture may have, recognised by their content (`FileType`),
/// never by the name or the type the browser claims. SVG is not an image here: it can carry script.
enum ImageType {
    static let pictureTypes: Set = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    static func sniff(_ bytes: [UInt8]) -> String? {
        let type = FileType.of(bytes)
        return pictureTypes.contains(type.mimeType) ? type.mimeType : nil
    }
}
