import PortalHTML
import Testing

@Suite("FormField.input")
struct FormFieldTests {
    @Test("an input with an error is marked invalid and described by the error paragraph")
    func withError() {
        let html = FormField.input(id: "email", label: "Email", type: "email", error: "Indirizzo email non valido.").html
        #expect(html.contains("<label for=\"email\">Email</label>"))
        #expect(html.contains("id=\"email\""))
        #expect(html.contains("aria-invalid=\"true\""))
        #expect(html.contains("aria-describedby=\"email-error\""))
        #expect(html.contains("<p class=\"field-error\" id=\"email-error\">Indirizzo email non valido.</p>"))
        #expect(html.contains("field--invalid"))
    }

    @Test("an input without an error carries no aria-invalid nor describedby")
    func withoutError() {
        let html = FormField.input(id: "nome", label: "Nome", value: "Mario").html
        #expect(html.contains("<label for=\"nome\">Nome</label>"))
        #expect(!html.contains("aria-invalid"))
        #expect(!html.contains("aria-describedby"))
        #expect(html.contains("value=\"Mario\""))
    }

    @Test("a password field never echoes its value")
    func passwordValue() {
        let html = FormField.input(id: "password", label: "Password", type: "password", value: "segreto").html
        #expect(!html.contains("segreto"))
    }
}
