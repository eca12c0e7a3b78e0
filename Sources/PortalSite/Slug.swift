/// Heading anchors: lower-case ASCII words joined by hyphens ("Primo accesso" → "primo-accesso").
enum Slug {
    static func make(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased().decomposedLetters() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "sezione" : slug
    }
}

extension String {
    /// "perché" → "perche": drops the accents, keeps the letters.
    fileprivate func decomposedLetters() -> [Character] {
        unicodeScalars.compactMap { scalar -> Character? in
            let folded = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
            return Character(folded)
        }
    }
}
