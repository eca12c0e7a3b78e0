import PortalCore

/// What a ticket accepts as a file, for every way a file arrives (the portal's forms, the
/// desk, e-mail): not empty, at most 4 MB, of an allowed type by its content, under a name
/// shown as the person gave it but without control or bidirectional characters.
public enum AttachmentRules {
    public static let maxFileSize = 4 * 1024 * 1024

    public enum Verdict: Equatable, Sendable {
        case accepted(name: String, type: FileType)
        /// The Italian reason, naming the file (and the type found).
        case refused(String)
    }

    public static func check(name rawName: String, bytes: [UInt8]) -> Verdict {
        let name = fileName(rawName)
        if bytes.isEmpty { return .refused(Text.fileEmpty(name)) }
        if bytes.count > maxFileSize { return .refused(Text.fileTooLarge(name)) }
        let type = FileType.of(bytes)
        guard type.isAllowed else { return .refused(Text.fileTypeRefused(name, found: type.name)) }
        if let suffix = runnableSuffix(name) { return .refused(Text.fileTypeRefused(name, found: Text.fileRunnable(suffix))) }
        return .accepted(name: name, type: type)
    }

    /// Names that a double click runs, whatever their bytes: a text file saved as `fattura.js`,
    /// `.bat` or `.hta` is a script Windows runs with the user's rights. The content check lets
    /// text through, so an operator downloading a customer's "text" would run it.
    /// A web page or an SVG drawing (`.html`, `.svg`) is accepted: it is what a customer saves
    /// from the ERP's reports or a browser, it is always downloaded (`attachment`, nosniff,
    /// never shown by the portal), and a browser opens it from the disk without the portal's
    /// cookies or any right on the computer. Refused, it was a form sent back for a page.
    static let runnableSuffixes: Set<String> = [
        "exe", "com", "scr", "pif", "msi", "msp", "dll", "cpl", "bat", "cmd", "ps1", "psm1", "vbs", "vbe", "js", "jse",
        "wsf", "wsh", "hta", "jar", "lnk", "reg", "url", "scf", "inf", "sh", "app",
        // Web archives Windows still opens in Internet Explorer's engine.
        "mht", "mhtml",
        // Windows' other shells and installers, which run text as well.
        "wsc", "sct", "ws", "vb", "msc", "msh", "msh1", "msh2", "mshxml", "ps1xml", "ps2", "ps2xml", "psc1", "psc2", "gadget",
        "chm", "hlp", "xll", "iqy", "slk", "jnlp", "xbap", "application", "appref-ms", "settingcontent-ms", "library-ms",
        "searchconnector-ms", "website", "diagcab", "msu", "appx", "appxbundle", "msix", "msixbundle", "msh1xml", "msh2xml",
        "rdp", "appinstaller", "theme", "themepack", "search-ms", "cer", "crt", "der", "ins", "isp", "its", "mst", "htc",
        "udl", "grp", "bas", "prf", "mcf", "py", "pyw", "pyz", "pyc",
    ]

    /// The name's suffix ("js") when it is one of those, in any case; dots and spaces at the
    /// end do not hide it (Windows drops them when it saves the file).
    static func runnableSuffix(_ name: String) -> String? {
        let name = AttachmentRules.withoutTrailingDots(name)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let suffix = name[name.index(after: dot)...].lowercased()
        return runnableSuffixes.contains(suffix) ? suffix : nil
    }

    /// The last path component as given (quotes and accents included), without control
    /// characters and without the bidirectional controls that make `\u{202E}gpj.exe` read
    /// "exe.jpg"; at most 150 characters, "allegato" when nothing is left.
    public static func fileName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in last.unicodeScalars where !isHidden(scalar) { scalars.append(scalar) }
        // ":" is no part of a Windows name: "e.bat::$DATA" names the data of "e.bat".
        let name = withoutTrailingDots(shortened(String(scalars).replacingColons.trimmingWhitespace()))
        return name.isEmpty || name.allSatisfy({ $0 == "." }) ? "allegato" : name
    }

    /// At most 150 characters, cut before the extension: "Verbale … firmata.pdf" lost its
    /// ".pdf" and opened with nothing. An "extension" longer than 10 is the name's own text.
    static func shortened(_ name: String, limit: Int = 150) -> String {
        guard name.count > limit else { return name }
        if let dot = name.lastIndex(of: "."), name.distance(from: dot, to: name.endIndex) <= 11, dot != name.startIndex {
            let suffix = name[dot...]
            return withoutTrailingDots(String(name[..<dot].prefix(limit - suffix.count))) + suffix
        }
        return String(name.prefix(limit))
    }

    /// `name` as Windows saves it: without the dots and spaces at its end ("e.bat. " is "e.bat").
    static func withoutTrailingDots(_ name: String) -> String {
        var name = Substring(name)
        while let last = name.last, last == "." || last == " " { name = name.dropLast() }
        return String(name)
    }

    /// Control characters, and the invisible ones that reorder or hide text.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.isInvisibleFormatting
    }
}

extension String {
    /// Each ":" as "_", as browsers save such a name.
    fileprivate var replacingColons: String { String(map { $0 == ":" ? "_" : $0 }) }
}
