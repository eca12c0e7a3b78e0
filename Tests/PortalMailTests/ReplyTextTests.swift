import PortalMail
import Testing

/// The new text of a reply where it is not on top: below the quote or between quoted lines
/// (Thunderbird's and many people's way), and the customer's own sentences that merely look
/// like a mail program's lines. Each was refused as empty or cut unseen.
@Suite("Received replies: text below and between quotes, and sentences that only look like history")
struct ReplyTextTests {
    @Test("kept", arguments: [
        ("below the quote",
         "Il giorno 30/11/2026 10:15, Assistenza ha scritto:\n> Ticket #1453\n> Ci serve il registro.\n\nRisposta sotto la citazione.\n",
         "Risposta sotto la citazione."),
        ("between quoted lines",
         "On Mon, Nov 30, 2026 at 10:15 AM Support wrote:\n> Domanda uno?\nRisposta uno.\n> Domanda due?\nRisposta due.\n",
         "Risposta uno.\nRisposta due."),
        ("a sentence starting like a phone's line",
         "Buongiorno,\ninviato dal mio commercialista il file, lo trovate allegato.\nSaluti",
         "Buongiorno,\ninviato dal mio commercialista il file, lo trovate allegato.\nSaluti"),
        ("a pasted document header without a subject",
         "Ecco l'intestazione:\nDa: Ufficio acquisti\nData: 30/11/2026\nA: Magazzino\nIl documento non arriva.",
         "Ecco l'intestazione:\nDa: Ufficio acquisti\nData: 30/11/2026\nA: Magazzino\nIl documento non arriva."),
        ("an attribution-like sentence not followed by a quote",
         "Buongiorno,\nIl cliente Bianchi il 30/11 ha scritto:\n\"la stampa non funziona\"\nPotete verificare?",
         "Buongiorno,\nIl cliente Bianchi il 30/11 ha scritto:\n\"la stampa non funziona\"\nPotete verificare?"),
        ("a phone's line followed by the history",
         "Va bene, grazie.\n\nInviato da iPhone\n\n> Il 30/11/2026 alle 10:15, Assistenza ha scritto:\n> Ciao",
         "Va bene, grazie."),
        ("Outlook for iOS: its line, then the rule of underscores above the history",
         "Va bene, grazie.\n\nOttieni Outlook per iOS\n________________________________\nDa: Customer Portal <noreply@portal.invalid>\nInviato: Wednesday, December 2, 2026 5:28:00 AM\nA: Luca Verdi <luca.verdi@rossi.example>\nOggetto: Ticket #1045",
         "Va bene, grazie."),
        ("an Outlook signature's image placeholder",
         "Cordiali saluti\nMario Rossi\n[cid:image001.png@01DB44A2.3C5E1F20]\nUfficio [cid:x] acquisti",
         "Cordiali saluti\nMario Rossi\nUfficio [cid:x] acquisti"),
        ("Gmail's marks of inline images, alone on a line or inside one; the line's own spaces kept",
         "Testo con immagine [image: logo.png] e altro.\n[image: firma.png]\nCodice    Quantità [image: x]\nSaluti",
         "Testo con immagine e altro.\nCodice    Quantità\nSaluti"),
        ("the customer's sentence ending «ha scritto:» above a quote, without a date",
         "Il problema è che il vostro collega Paolo\nnella risposta di ieri pomeriggio\nha scritto:\n> riavviare il server\n\nMa non funziona.",
         "Il problema è che il vostro collega Paolo\nnella risposta di ieri pomeriggio\nha scritto:\n\nMa non funziona."),
        ("an attribution quoted twice (Apple Mail in a forwarded thread), wrapped over two lines",
         "Risposta sopra.\n\n> > Il giorno lun 30 nov 2026 alle ore 10:15 Assistenza <a@b.example>\n>  >   ha scritto:\n> > > Ciao",
         "Risposta sopra."),
        ("a line of quote marks alone, as long as a pasted log's",
         "Risposta.\n" + String(repeating: ">", count: 5000) + "\n" + String(repeating: "> ", count: 5000) + "fine",
         "Risposta."),
        ("a phone's line at the very end",
         "Va bene, grazie.\n\nInviato dal mio iPhone\n",
         "Va bene, grazie."),
    ])
    func kept(_ shape: (String, String, String)) {
        #expect(ReplyText.extract(shape.1) == shape.2, "\(shape.0)")
    }

    @Test("Outlook's header block with its subject still ends the new text")
    func outlookBlock() {
        let text = "Ok.\n\nDa: Assistenza <assistenza@fornitore.example>\nInviato: lunedì 30 novembre 2026 10:15\nA: Mario\nOggetto: Ticket #1453\n\nTesto vecchio"
        #expect(ReplyText.extract(text) == "Ok.")
    }
}
