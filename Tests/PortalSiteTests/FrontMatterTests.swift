import PortalSite
import Testing

@Suite("FrontMatter.parse")
struct FrontMatterTests {
    @Test("reads title, order and description, and says where the body starts")
    func valid() throws {
        let text = "---\ntitle: Primo accesso\norder: 2\ndescription: Come entrare: la prima volta\n---\n# Corpo\n"
        let (frontMatter, body, bodyLine) = try FrontMatter.parse(text, file: "manuale/accesso.md")
        #expect(frontMatter.title == "Primo accesso")
        #expect(frontMatter.order == 2)
        #expect(frontMatter.description == "Come entrare: la prima volta")
        #expect(body == "# Corpo\n")
        #expect(bodyLine == 6)
    }

    @Test("order defaults to 100 and CRLF files are read too")
    func defaults() throws {
        let (frontMatter, body, _) = try FrontMatter.parse("---\r\ntitle: Privacy\r\n---\r\nTesto", file: "privacy.md")
        #expect(frontMatter.order == 100)
        #expect(frontMatter.description == nil)
        #expect(body == "Testo")
    }

    @Test("a delimiter with a trailing space and a quoted title, as editors and YAML write them")
    func editorsHabits() throws {
        let (frontMatter, body, _) = try FrontMatter.parse("--- \ntitle: \"Accesso al portale\"\ndescription: 'Come entrare'\n---  \nTesto", file: "a.md")
        #expect(frontMatter.title == "Accesso al portale")
        #expect(frontMatter.description == "Come entrare")
        #expect(body == "Testo")
    }

    @Test("fails with the file and line of the problem", arguments: [
        ("title: Senza apertura\n---\nTesto", 1, "deve iniziare"),
        ("---\ntitle: Mai chiuso\nTesto", 1, "non è chiusa"),
        ("---\ntitle: Ok\n\nautore: Mario\n---\n", 4, "chiave sconosciuta 'autore'"),
        ("---\ntitle: Ok\nsolo testo\n---\n", 3, "chiave: valore"),
        ("---\norder: 1\n---\nTesto", 1, "'title' è obbligatorio"),
        ("---\ntitle:   \n---\nTesto", 1, "'title' è obbligatorio"),
    ])
    func invalid(text: String, line: Int, message: String) {
        let error = #expect(throws: SiteError.self) { try FrontMatter.parse(text, file: "pagina.md") }
        #expect(error?.line == line)
        #expect(error?.file == "pagina.md")
        #expect(error?.message.contains(message) == true)
    }
}
