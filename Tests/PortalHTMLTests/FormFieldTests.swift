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

    @Test("only the first wrong field of a page takes the focus; the next page starts afresh")
    func oneAutofocus() {
        func refused() -> String {
            el("form") {
                FormField.input(id: "name", label: "Nome", value: "Giada")
                FormField.input(id: "phone", label: "Telefono", error: "Indica il numero di telefono.")
                FormField.textarea(id: "text", label: "Descrizione", error: "La descrizione è obbligatoria.")
                FormField.radioGroup(name: "kind", legend: "Tipologia", options: [("a", "A")], selected: nil, error: "Scegli.")
            }.html
        }
        for _ in 0..<2 {
            let html = refused()
            let tags = html.split(separator: "<")
            #expect(tags.filter { $0.contains("autofocus") }.count == 1, "one autofocus in \(html)")
            let focused = tags.first { $0.contains("autofocus") } ?? ""
            #expect(focused.contains("id=\"phone\""), "the first wrong field: \(focused)")
        }
    }

    @Test("a refused choice ties its error to each radio, which is what gets the focus and is read")
    func radioError() {
        let html = FormField.radioGroup(
            name: "area", legend: "Area richiesta", options: [("a", "A"), ("b", "B")], selected: nil, error: "Scegli un'area.").html
        let radios = html.split(separator: "<").filter { $0.hasPrefix("input") }
        #expect(radios.count == 2)
        for radio in radios {
            #expect(radio.contains("aria-invalid=\"true\"") && radio.contains("aria-describedby=\"area-error\""), "\(radio)")
        }
        let fine = FormField.radioGroup(name: "area", legend: "Area richiesta", options: [("a", "A")], selected: "a").html
        #expect(!fine.contains("aria-invalid") && !fine.contains("aria-describedby"))
    }
}
