/// Inline SVG icons (our own simple strokes). Decorative: hidden from screen readers,
/// the link or button text says what they do. Made once per process: every page has some.
public enum Icon {
    static func svg(_ paths: String) -> Node {
        .trusted(
            TrustedHTML(
                "<svg class=\"icon\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\" focusable=\"false\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
                    + paths + "</svg>"))
    }

    public static let menu = svg("<path d=\"M3 6h18M3 12h18M3 18h18\"/>")
    /// Before "Invita utente", "Nuova azienda"…: drawn, not a "+" in the words, so that the
    /// button is named by its words alone.
    public static let plus = svg("<path d=\"M12 5v14M5 12h14\"/>")
    public static let dashboard =
        svg("<rect x=\"3\" y=\"3\" width=\"7\" height=\"7\"/><rect x=\"14\" y=\"3\" width=\"7\" height=\"7\"/><rect x=\"3\" y=\"14\" width=\"7\" height=\"7\"/><rect x=\"14\" y=\"14\" width=\"7\" height=\"7\"/>")
    public static let company =
        svg("<path d=\"M3 21h18M5 21V7l7-4 7 4v14M9 9h1M14 9h1M9 13h1M14 13h1M9 17h1M14 17h1\"/>")
    public static let user = svg("<circle cx=\"12\" cy=\"8\" r=\"4\"/><path d=\"M4 21c0-4 4-6 8-6s8 2 8 6\"/>")
    public static let support =
        svg("<path d=\"M21 12a8 8 0 0 1-11.6 7.1L4 21l1.9-5.4A8 8 0 1 1 21 12z\"/>")
    public static let tools =
        svg("<path d=\"M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.5-2.5z\"/>")
    /// Two chain links: the editor's "Link" (an emoji needs a font that not every system has).
    public static let link =
        svg("<path d=\"M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1\"/>")
    public static let book = svg("<path d=\"M4 19V5a2 2 0 0 1 2-2h14v16H6a2 2 0 0 0-2 2zM20 19v2H6\"/>")
}
