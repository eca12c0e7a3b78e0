// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// The support requests of the manual's chapter 3.
extension Text {
    // MARK: New ticket ("Creazione Ticket")
    public static let newTicketTitle = "Creazione Ticket"
    public static let newTicketSection = "Nuovo Ticket"
    public static let ticketSection = "Ticket"
    public static let descriptionSection = "Descrizione Ticket"
    public static let companyVAT = "Partita IVA"
    /// Before the number, beside the company's name («ROSSI SRL · P.IVA 02740123456»).
    public static let companyVATShort = "P.IVA"
    public static let companyName = "Ragione sociale"
    public static let requesterFull = "Richiedente (nome e cognome)"
    public static let ticketContact = "Contatto"
    public static let phone = "Telefono"
    public static let contactPreference = "Preferenza contatto"
    public static let requestType = "Tipologia richiesta"
    public static let requestArea = "Area richiesta"
    public static let priority = "Priorità"
    /// The manual's own explanation, word for word.
    public static let blockingExplanation =
        "La richiesta si intende \"bloccante\" solo se il problema che viene segnalato impedisce all'operatore di procedere con operazioni inderogabili e urgenti (ad esempio: non riesco a emettere un DDT per una spedizione che deve partire ora). Non deve essere qualificata come \"bloccante\" per problemi che possono trovare soluzione anche nell'arco di alcune ore senza creare blocchi all'operatività dell'azienda (per esempio, se non tornano i registri iva e ho tempo ancora 2 giorni per chiudere il periodo iva, non è da considerarsi una situazione bloccante)."
    public static let title = "Titolo"
    public static let titleHint = "L'oggetto della richiesta, per esempio: Domanda su esito Fattura Elettronica"
    public static let description = "Descrizione"
    public static let descriptionHint = "Indica il modulo del programma e descrivi la richiesta nel dettaglio."
    /// Said only where the formatting editor runs: without JavaScript the text stays as typed.
    public static let formattingHint = "Puoi usare il grassetto, il corsivo, gli elenchi e i link."
    public static let technicalDetails = "Dettagli tecnici"
    public static let technicalDetailsHint =
        "Compilati dal programma gestionale: puoi correggerli o cancellarli prima di inviare."
    public static let technicalDetailsOptionalHint =
        "Facoltativi: programma, versione o messaggio d'errore del gestionale. Se apri il ticket dal gestionale li compila il gestionale stesso."
    public static let attachments = "Allegati"
    public static let attachmentsHint =
        "Puoi allegare più file, ognuno di al massimo 4 MB: documenti (PDF, Office, OpenDocument, RTF), immagini, archivi (ZIP, 7-Zip, RAR) e file di testo."
    public static let keptFiles = "File già scelti (deseleziona per toglierli)"
    public static let sendTicket = "Invia Ticket"
    public static let preview = "Anteprima"
    public static let previewEmpty = "Niente da mostrare."
    /// Each with what its button shows («B», «I», «•», «1.»), as WCAG 2.5.3 asks: a button
    /// found by its visible letter was not found by name.
    public static let toolbarBold = "Grassetto (B)"
    public static let toolbarItalic = "Corsivo (I)"
    public static let toolbarList = "Elenco puntato (•)"
    public static let toolbarNumbered = "Elenco numerato (1.)"
    public static let toolbarLink = "Link"
    public static let formatting = "Formattazione"
    public static func referenceToOldTicket(_ number: Int64) -> String {
        "Riferimento al ticket #\(number), chiuso da più di 15 giorni."
    }

    // MARK: Links from the ERP
    public static let erpOpenedFrom = "Aperto da"
    public static let erpOriginMenu = "menu principale"
    public static let erpOriginContext = "menu contestuale del programma"
    public static let erpOriginError = "messaggio di errore"
    public static let erpProgram = "Programma"
    public static let erpVersion = "Versione"
    public static let erpError = "Errore"

    // MARK: Validation
    public static let phoneRequired = "Indica il numero di telefono: la preferenza di contatto scelta è «Telefono»."
    /// The words before an extension after a phone number, as typed (lower-cased).
    public static let phoneExtensionMarkers = ["int", "int.", "interno", "ext", "ext."]
    public static let phoneInvalid =
        "Numero di telefono non valido: da 6 a 20 cifre, con spazi, punti, trattini, barre o parentesi se vuoi, al più un + iniziale e, alla fine, un interno come «int. 22»."
    public static let choiceRequired = "Scegli una delle opzioni."
    public static func externalContactLimit(_ count: Int64) -> String {
        "Nelle ultime 24 ore hai già indicato \(count) volte un indirizzo che non è di nessun utente dell'azienda: per questa richiesta indica il tuo indirizzo o quello di un collega."
    }
    public static let titleInvisible =
        "Il titolo contiene caratteri invisibili, che invertono il testo o con troppi accenti sovrapposti (spesso copiati da un altro programma): scrivilo di nuovo."
    public static let titleRequired = "Il titolo è obbligatorio."
    /// A title too long or with a line break or control character: "obbligatorio" was said
    /// of a title of 151 characters.
    public static let titleInvalid = "Il titolo può avere al massimo 150 caratteri, su una riga, senza caratteri di controllo."
    public static let messageRequired = "Scrivi un messaggio."
    public static let technicalDetailsInvalid = "Al massimo 4.000 caratteri, senza caratteri di controllo."
    public static func fileTooLarge(_ name: String) -> String { "Il file «\(name)» supera 4 MB: non è stato allegato." }
    public static let tooManyFiles = "Puoi allegare al massimo 10 file per messaggio."
    public static let formHasErrors = "Alcuni campi non sono validi: correggili e invia di nuovo. Nulla è stato salvato."
    /// A save that failed for the server's reasons (`SaveFault`): the text is on the page again.
    public static func saveFailed(filesLost: Bool) -> String {
        "Non è stato possibile salvare per un problema del server: nulla è stato salvato, ma quello che hai scritto è ancora qui."
            + (filesLost ? " Gli allegati vanno scelti di nuovo." : "")
            + " Riprova tra qualche istante; se il problema persiste contatta l'assistenza."
    }

    // MARK: List ("Elenco richieste di assistenza")
    public static let ticketListTitle = "Elenco richieste di assistenza"
    /// The list's form of order and filters, as a landmark (not «Filtri», the phone's switch).
    public static let ticketSearchForm = "Ricerca nei ticket"
    public static let searchTickets = "Cerca Ticket"
    public static let ticketCode = "Codice Ticket"
    public static let ordering = "Ordinamento"
    public static let orderCreated = "Data creazione"
    public static let orderLastReply = "Data ultima risposta"
    public static let orderPriority = "Priorità"
    public static let filters = "Filtri"
    public static let requestState = "Stato richiesta"
    public static let stateAny = "Qualsiasi"
    public static let stateOpen = "Aperto"
    public static let stateClosed = "Chiuso"
    public static let requestPriority = "Priorità richiesta"
    public static let fromDate = "Da data"
    public static let toDate = "A data"
    public static let creationDate = "Data creazione"
    public static let closingDate = "Data Chiusura"
    public static let requester = "Richiedente"
    public static let waitingFor = "In attesa da"
    public static let closedFor = "Chiuso da"
    public static let state = "Stato"
    public static let operatorInCharge = "Operatore"
    public static let noOperator = "Nessun operatore"
    public static let viewTicket = "Visualizza ticket"
    public static let noTickets = "Nessun ticket corrisponde ai filtri scelti."
    /// The list without a filter, of a company without tickets: no filter is there to blame.
    public static let companyHasNoTickets = "L'azienda non ha ancora ticket."
    public static func ticketHiddenByFilters(_ number: Int64) -> String {
        "Il ticket #\(number) esiste, ma gli altri filtri scelti lo nascondono."
    }
    public static func openTicketNumber(_ number: Int64) -> String { "Apri il ticket #\(number)" }
    public static func ticketTotal(_ total: Int) -> String { "\(total) ticket" }
    public static func ticketCount(_ total: Int, page: Int, pages: Int) -> String {
        "\(total) ticket · pagina \(page) di \(max(pages, 1))"
    }
    public static let previousPage = "Pagina precedente"
    public static let nextPage = "Pagina successiva"
    public static func pageBeyondLast(_ page: Int, pages: Int) -> String {
        pages == 1 ? "La pagina \(page) non esiste: l'elenco ha una sola pagina." : "La pagina \(page) non esiste: l'elenco ha \(pages) pagine."
    }
    public static let lastPageLink = "Vai all'ultima pagina"
    public static let invalidFilters = "Alcuni filtri non erano validi e sono stati ignorati."

    // MARK: Detail ("Informazioni Ticket")
    public static let ticketInfoTitle = "Informazioni Ticket"
    public static let backToList = "Torna all'elenco"
    public static let toggleChat = "Ingrandisci/Riduci chat"
    public static let refresh = "Aggiorna"
    public static let thread = "Conversazione"
    public static let referent = "Referente ticket"
    /// The select's accessible name: the label's words first (what is seen is what is heard).
    public static let referentName = "Referente ticket (persona di riferimento)"
    // Not "aggiornamenti": a lookup of the toolbar's «Aggiorna» by its text found this too.
    public static let referentHint = "La persona di riferimento riceve le e-mail del ticket come chi l'ha aperto."
    public static let technician = "Tecnico Ticket"
    public static let customer = "Cliente"
    public static let ticketState = "Stato Ticket"
    public static let ticketCreated = "Data Creazione Ticket"
    public static let ticketUpdated = "Data Ultimo Aggiornamento Ticket"
    public static let viewAttachments = "Visualizza allegati"
    public static func attachmentCount(_ count: Int) -> String { count == 1 ? "(1 file)" : "(\(count) file)" }
    public static func attachmentsPageTitle(_ number: Int64) -> String { "Allegati del ticket #\(number)" }
    public static let backToTicket = "Torna al ticket"
    public static let fileColumn = "File"
    public static let sizeColumn = "Dimensione"
    public static let sentByColumn = "Inviato da"
    public static let sentOnColumn = "Data"
    public static let confirm = "Conferma"
    public static let reply = "Risposta"
    public static let attachFiles = "Allega files"
    /// The button that opens the file picker (the manual's "+ Scegli"), shown where scripts run.
    public static let chooseFiles = "+ Scegli"
    public static let noFilesChosen = "Nessun file scelto"
    /// Beside "+ Scegli" when the files kept from a refused attempt are still ticked below.
    public static let noOtherFilesChosen = "Nessun altro file scelto"
    public static let closeWithMessage = "Chiudere il ticket all'invio del messaggio"
    public static let supportTeam = "Assistenza"
    public static let noAttachments = "Nessun allegato."
    public static let blockingNotAllowed =
        "Un ticket esistente non può diventare «Bloccante»: se il problema ora blocca l'azienda, apri una nuova richiesta."
    public static func closeAvailableFrom(_ time: String) -> String {
        "Un ticket nuovo si può chiudere dalle \(time); le risposte sono sempre possibili."
    }
    /// A reply from a page that showed the ticket open, to a ticket closed since: held.
    public static let replyWouldReopen =
        "Nel frattempo il ticket è stato chiuso: la tua risposta non è stata inviata. Se la invii ora, il ticket verrà riaperto."
    /// A close asked from a page drawn before someone wrote in the ticket (an operator's
    /// answer asking to try something first): not closed, the message kept.
    public static func closeAfterUnseenMessage(_ author: String) -> String {
        "Nel frattempo \(author) ha scritto nel ticket: leggi il messaggio prima di chiuderlo. Il tuo messaggio non è stato inviato."
    }
    public static func closeTooEarly(at time: String) -> String {
        "Un ticket può essere chiuso solo qualche minuto dopo la sua creazione: potrai chiuderlo dalle \(time)."
    }
    public static func replyRefusedClosedTooLong(text: Bool, files: Bool) -> String {
        "La risposta non è stata inviata: nel frattempo sono passati 15 giorni dalla chiusura del ticket, che non può più essere riaperto."
            + (text ? " Il testo che hai scritto è qui sotto: copialo in una nuova richiesta." : "")
            + (files ? " Gli allegati non sono stati salvati: sceglili di nuovo nella nuova richiesta." : "")
    }
    public static let unsentReply = "Testo non inviato"
    public static let closedTooLongAgo =
        "Questo ticket è chiuso da più di 15 giorni e non può essere riaperto. Se il problema si ripresenta, apri una nuova richiesta: riporterà da sola il riferimento a questo ticket."
    public static let newRequest = "Nuova richiesta"
    /// Beside "Nuova richiesta" under a ticket closed too long ago: what the new one will carry.
    public static func newRequestReferring(_ number: Int64) -> String { "con il riferimento al ticket #\(number)" }
    public static let replySaved = "Risposta inviata."
    public static let ticketClosed = "Ticket chiuso."
    public static let ticketReopened = "Risposta inviata: il ticket è stato riaperto."
    public static let panelSaved = "Modifiche salvate."
    public static let panelUnchanged = "Nessuna modifica da salvare: Priorità e Referente ticket erano già questi."
    public static let priorityInvalid = "Scegli una priorità dell'elenco."
    /// «Conferma» with «Chiudere il ticket…» ticked and no message: the manual closes a ticket
    /// with a message, sent with «Invia».
    public static func panelConfirmedNotClosed(changed: Bool) -> String {
        (changed ? "Modifiche salvate. " : "")
            + "Il ticket non è stato chiuso: per chiuderlo scrivi un messaggio e premi «Invia», con «Chiudere il ticket all'invio del messaggio» selezionato."
    }
    public static let panelSavedReplyKept =
        "Modifiche salvate. La risposta che hai scritto non è stata inviata: la trovi qui sotto, premi «Invia» per inviarla."
    public static let panelSavedFilesKept =
        "Modifiche salvate. I file scelti non sono stati inviati: li trovi qui sotto, premi «Invia» per inviarli."
    public static func referentGone(_ name: String) -> String { "\(name) (non più nell'azienda)" }
    public static let referentNone = "Nessun referente"
    public static let ticketCreatedNotice = "Ticket inviato: riceverai una conferma per email."
    // Said so: the usual case is a colleague removed while the page was open.
    public static let referentInvalid =
        "La persona scelta come referente non è (più) tra gli utenti della tua azienda: scegline un'altra."
    /// A choice made on a page drawn before someone else changed the same select.
    public static func priorityChangedMeanwhile(_ now: String) -> String {
        "Nel frattempo la priorità è diventata «\(now)»: la tua scelta non è stata salvata e non è stato inviato nulla. Per cambiarla comunque, sceglila di nuovo e premi di nuovo il pulsante."
    }
    public static func referentChangedMeanwhile(_ now: String) -> String {
        "Nel frattempo il referente è diventato «\(now)»: la tua scelta non è stata salvata e non è stato inviato nulla. Per cambiarlo comunque, sceglilo di nuovo e premi di nuovo il pulsante."
    }
    public static let referentNobody = "nessuno"
    /// A long conversation: straight to its end, or to the reply.
    public static let threadJumps = "Scorciatoie della conversazione"
    public static let jumpToLatest = "Vai all'ultimo messaggio"
    public static let jumpToReply = "Vai alla risposta"

    // MARK: Notifications (e-mails never carry the thread or a file)
    public static func ticketMailSubject(_ number: Int64, _ event: String, _ title: String) -> String {
        "Ticket #\(number) \(event): " + (title.count > 80 ? title.prefix(79) + "…" : title)
    }
    public static let mailEventCreated = "ricevuto"
    public static let mailEventReply = "nuova risposta"
    public static let mailEventStatus = "cambio di stato"
    public static let mailEventClosed = "chiuso"
    public static let mailEventCustomerReply = "risposta del cliente"
    /// The company is named: someone who works for two companies reads both's e-mails.
    /// `toContact`: to the address typed as the ticket's contact, of someone who may have no
    /// account (the link opens the requester's sign-in).
    public static func ticketMailBody(
        number: Int64, title: String, company: String, line: String, link: String, toContact: Bool = false, requester: String
    ) -> String {
        """
        Ticket #\(number): \(title)
        Azienda: \(company)

        \(line)

        \(toContact ? mailContactNote(requester, link: link) : "Per leggere la conversazione e rispondere apri il ticket sul portale:\n" + link)

        \(mailSignature)
        """
    }
    /// An outside contact (a consultant, a colleague without an account) was sent "open the
    /// ticket on the portal", where they cannot sign in: the link is there, said for whom.
    /// Read by a colleague with an account too: the way in first, the invitation only for
    /// those without one (it told a colleague signed in every day to ask for an invitation).
    public static func mailContactNote(_ requester: String, link: String) -> String {
        "Ricevi questa e-mail perché il tuo indirizzo è indicato come contatto del ticket aperto da \(requester). "
            + "Per leggere la conversazione accedi al portale con il tuo account:\n"
            + link + "\nSe non hai un account per questa azienda, chiedi a \(requester) di aggiornarti, "
            + "o all'amministratore della tua azienda di invitarti."
    }
    /// A colleague's message quoted in a status e-mail it caused (a reopening, "Rinviato" answered).
    public static func mailCustomerMessage(_ author: String, text: String) -> String {
        "Messaggio di \(author):\n\n\(text)"
    }
    /// Read by the requester and by the ticket's typed address alike ("la tua" told a colleague
    /// the request was theirs).
    public static let mailLineCreated = "Abbiamo ricevuto la richiesta di assistenza: risponderemo il prima possibile."
    public static func mailLineCreatedByDeskForContact(_ name: String, requester: String) -> String {
        "\(name) dell'assistenza ha aperto questa richiesta per conto di \(requester) e la segue."
    }
    public static func mailLineCreatedByDesk(_ name: String) -> String {
        "\(name) dell'assistenza ha aperto questa richiesta a tuo nome e la segue. "
            + "Nel portale trovi il testo della richiesta: se qualcosa non è corretto, scrivilo nel ticket."
    }
    public static func mailLineStatus(_ status: String) -> String { "Lo stato della richiesta è ora: \(status)." }
    /// The desk moved the request to another "Tipologia richiesta": one of them is paid for.
    public static let mailEventType = "tipologia cambiata"
    public static func mailLineType(_ type: String, by name: String) -> String {
        "La tipologia della richiesta è ora: \(type). L'ha cambiata \(name) dell'assistenza: per qualsiasi dubbio scrivi nel ticket."
    }
    public static func mailLineTaken(_ name: String, status: String) -> String {
        "La richiesta è stata presa in carico da \(name). Lo stato della richiesta è ora: \(status)."
    }
    /// "Rinviato" read alone sounds like "put off": the customer learns that the next step is
    /// theirs. Colleagues who follow every ticket of the company read the same e-mail: it asks
    /// for an answer, not for theirs. How to answer is the e-mail's own paragraph: "dal portale
    /// o a questa e-mail" was wrong for a contact without an account, and for every reader
    /// where answering by e-mail is not configured.
    public static func mailLinePostponed(_ status: String) -> String {
        "Lo stato della richiesta è ora: \(status). L'assistenza attende una risposta per proseguire."
    }
    public static let mailLineClosed = "La richiesta è stata chiusa. Puoi riaprirla rispondendo entro 15 giorni."
    public static let mailLineCustomerReply = "Il cliente ha risposto al ticket."
}
