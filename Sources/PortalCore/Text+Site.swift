// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// The static site (manual, help, search, offline notice, error pages), the installable app
/// and the classic portal's transition page.
extension Text {
    // MARK: Documentation layout
    public static let docsNavigation = "Documentazione"
    /// On a phone the chapters and the search follow the text: this link at the top leads there.
    public static let docsJumpToChapters = "Capitoli e ricerca"
    public static let docsJumpToContents = "Vai all'indice della pagina"
    public static let docsPrevious = "Precedente:"
    public static let docsNext = "Successiva:"
    public static let docsOtherPages = "Informazioni"
    public static let docsSearchLabel = "Cerca nel manuale e nell'aiuto"
    public static let docsSearchButton = "Cerca"
    public static let menuBrowser = "Browser e app"

    // MARK: Search page
    public static let searchTitle = "Cerca"
    public static let searchDescription = "Cerca una parola nelle pagine del manuale utente e dell'aiuto."
    public static let searchIntro =
        "Scrivi una o più parole: troverai le pagine del manuale e dell'aiuto che le contengono tutte."
    public static let searchResults = "Risultati"
    public static let searchAllPages = "Tutte le pagine"
    /// Filled in by the search script: {q} is the text searched, {n} the number of pages.
    public static let searchNone = "Nessuna pagina contiene «{q}». Prova con un'altra parola o scorri l'elenco qui sotto."
    public static let searchOne = "Una pagina contiene «{q}»."
    public static let searchMany = "{n} pagine contengono «{q}»."
    /// Text with no letter or digit («?», «--»): there is nothing to look for.
    public static let searchNoWords = "«{q}» non contiene parole da cercare: scrivi almeno una parola di lettere o numeri."

    // MARK: Offline notice (shown by the service worker)
    public static let offlineTitle = "Sei offline"
    public static let offlineMessage =
        "Il portale non è raggiungibile in questo momento: controlla la connessione a Internet e riprova."
    public static let offlineHint =
        "Le pagine del manuale e dell'aiuto che hai già aperto restano consultabili anche senza connessione."
    public static let offlineRetry = "Riprova"

    // MARK: Installable app (web manifest)
    public static let appShortName = "Assistenza"
    public static let appDescription =
        "Il portale di assistenza per i clienti del software gestionale: richieste, risposte e manuale."

    // MARK: Error pages served by nginx
    public static let errorNotFoundTitle = "Pagina non trovata"
    public static let errorTooLargeTitle = "Dati troppo grandi"
    public static let errorTooManyTitle = "Troppe richieste"
    public static let errorTooMany =
        "Troppi tentativi in poco tempo: attendi un minuto e riprova. Ciò che avevi già salvato non va perso."
    public static let errorUnavailableTitle = "Servizio non disponibile"
    public static let errorBadRequestTitle = "Richiesta non valida"
    public static let errorMethodTitle = "Operazione non consentita"
    public static let errorURITooLongTitle = "Indirizzo troppo lungo"
    public static let errorURITooLong =
        "L'indirizzo della pagina è troppo lungo. Se l'hai copiato da un messaggio, controlla di averlo copiato intero e solo una volta; altrimenti torna alla pagina iniziale."
    public static let errorHelpHint = "Se ti serve aiuto, consulta il manuale o le domande frequenti."

    // MARK: Classic portal ("Accesso attraverso portale classico")
    public static let legacyTitle = "Portale classico"
    public static var legacyIntro: String {
        "Il portale di assistenza classico è stato sostituito dal nuovo portale \(productName): da qui puoi aprire le richieste di assistenza, seguirne le risposte e consultare il manuale."
    }
    public static func legacyClosing(_ date: String) -> String {
        "Portale classico IN DISMISSIONE: la chiusura definitiva è prevista il \(date)."
    }
    public static func legacyClosed(_ date: String) -> String {
        "Il portale classico è stato chiuso definitivamente il \(date): l'assistenza si richiede solo dal nuovo portale \(productName)."
    }
    public static let legacyNewPortal = "Il nuovo portale"
    public static let legacyGoToNewPortal = "Nuovo portale assistenza"
    public static let legacyManuals = "Manuali"
    public static let legacyNewManual = "Manuale utente del nuovo portale"
    public static let legacyClassicManual = "Manuale utente del portale classico"
    /// Where no manual of the classic portal is configured, the link leads to our manual's
    /// chapter about it, and says so.
    public static let legacyClassicChapter = "Manuale del portale classico (capitolo sull'accesso)"
    public static let legacyFormTitle = "Accesso con Partita IVA"
    public static let legacyFormIntro =
        "Se finora entravi nel portale classico con la Partita IVA della tua azienda, indicala qui: ti diremo come raggiungere il nuovo portale."
    public static let legacyVATLabel = "Partita IVA"
    public static let vatFieldName = "Partita IVA (P.IVA)"
    public static let legacyVATHint = "11 cifre, con o senza il prefisso IT."
    public static let legacySubmit = "Accedi"
    public static let legacyVATFormat = "La Partita IVA è formata da 11 cifre (il prefisso IT è facoltativo)."
    public static let vatNoTaxpayer = "La Partita IVA non è valida: le prime sette cifre non possono essere tutte zero."
    public static let legacyVATChecksum =
        "La Partita IVA non è valida: l'ultima cifra di controllo non corrisponde. Controlla di averla scritta correttamente."
    public static let legacyAnswerTitle = "Richiesta ricevuta"
    /// The same answer for every valid number: it never says whether the number is a customer.
    public static let legacyAnswer = [
        "Se la Partita IVA corrisponde a un cliente dell'assistenza, il servizio di assistenza riceverà la segnalazione e, se la tua azienda non ha ancora utenti sul nuovo portale, invierà l'invito alla persona di riferimento della tua azienda.",
        "Se la tua azienda usa già il nuovo portale, accedi con il tuo indirizzo email e la tua password personale dalla pagina di Login. Se non hai ancora un utente, chiedi all'amministratore della tua azienda di invitarti: riceverai le credenziali per email.",
        "Non ricordi la password? Usa «Hai dimenticata la password?» nella pagina di Login.",
    ]

    // MARK: E-mail to the vendor's support
    public static func legacyMailSubject(company: String, vat: String) -> String {
        "Portale classico: richiesta di accesso di \(company) (P.IVA \(vat))"
    }
    /// `inviteLink`: the desk's invitation page of the company (through the login): the
    /// support people who read this mail work there, not at the server's command line.
    /// `deactivated`: the company was deactivated, so the link leads to its page (with «Riattiva»)
    /// rather than to an invitation that would be refused.
    public static func legacyMailBody(company: String, vat: String, when: String, link: String, deactivated: Bool) -> String {
        let next = deactivated
            ? "L'azienda è disattivata: un Responsabile dell'assistenza può riattivarla dalla sua pagina, con «Riattiva», e poi invitare il suo referente:"
            : "L'azienda non ha ancora utenti attivi sul nuovo portale: un Responsabile dell'assistenza può invitare il suo referente con «Invita amministratore»:"
        return """
        Dalla pagina del portale classico è arrivata una richiesta di accesso con la Partita IVA \(vat).

        Azienda: \(company)
        Data: \(when)

        \(next)
        \(link)

        Le richieste successive della stessa azienda nelle prossime 24 ore vengono registrate senza altre email.

        \(mailSignature)
        """
    }
}
