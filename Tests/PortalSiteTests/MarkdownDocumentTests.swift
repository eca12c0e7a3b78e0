import PortalMarkdown
import Testing

@Suite("MarkdownDocument safe mode")
struct MarkdownDocumentTests {
    @Test("drops raw HTML, block and inline", arguments: [
        "<script>alert(1)</script>\n\nTesto",
        "Testo <script>alert(1)</script> dopo",
        "<img src=x onerror=alert(1)>",
    ])
    func dropsRawHTML(_ markdown: String) {
        let html = MarkdownDocument(markdown).renderHTML()
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
    }

    @Test("empties dangerous link targets", arguments: [
        "[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "![x](javascript:alert(1))", "[x](vbscript:msgbox)",
        "[x](data:text/html,<script>alert(1)</script>)",
    ])
    func dangerousLinks(_ markdown: String) {
        let html = MarkdownDocument(markdown).renderHTML().lowercased()
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(!html.contains("data:text/html"))
    }

    @Test("keeps ordinary Markdown and links")
    func ordinary() {
        let html = MarkdownDocument("## Titolo\n\n[sito](https://example.it) e **grassetto**").renderHTML()
        #expect(html.contains("<h2>Titolo</h2>"))
        #expect(html.contains("<a href=\"https://example.it\">sito</a>"))
        #expect(html.contains("<strong>grassetto</strong>"))
    }

    @Test("user text turns a newline into a line break")
    func hardBreaks() {
        #expect(Markdown.renderUserText("uno\ndue").contains("<br />"))
    }
}
