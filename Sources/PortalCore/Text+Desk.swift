// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// The operators' desk ("Coda ticket", the operator's ticket page) and its e-mails.
extension Text {
    public static let deskQueueTitle = "Coda ticket"
    public static let menuDesk = "Assistenza clienti"
    /// The desk menu's way to the chapter the issues call «Manuale operatori» (its title on the
    /// manual's site): named so in the menu, it was found with «Operatori» by a lookup of part
    /// of a link's name, on every desk page.
    public static let menuOperatorManual = "Manuale dell'assistenza"
    public static let deskFilters = "Filtri"
    public static let deskState = "Stato"
    public static let deskStateOpen = "Aperti"
    public static let deskStateAny = "Qualsiasi"
    public static let deskCompany = "Azienda"
    public static let deskAssignee = "Assegnato a"
    public static let deskAssigneeAnyone = "Chiunque"
    public static let deskAssigneeMe = "Me"
    public static let deskAssigneeNobody = "Nessuno"
    public static let deskArea = "Area"
    public static let deskType = "Tipologia"
    public static let deskSearch = "Cerca"
    public static let deskSearchIgnored =
        "La ricerca è stata ignorata: in «Cerca» scrivi almeno una parola (lettere o numeri), al massimo 200 caratteri."
    public static let deskApply = "Filtra"
    public static let deskCounts = "Ticket per stato"
    public static let deskNoTickets = "Nessun ticket per i filtri scelti."
    public static let deskNumber = "Numero"
    public static let deskTitle = "Titolo"
    public static let deskOperator = "Operatore"
    public static let deskWaiting = "Dall'ultimo messaggio del cliente"
    /// Beside that time, who writes next: the customer's message awaits an answer, or the
    /// desk's answer came after it.
    public static let deskOwesDesk = "da rispondere"
    public static let deskOwesCustomer = "risposto"
    public static func deskPageOf(_ page: Int, _ pages: Int, total: Int) -> String {
        "Pagina \(page) di \(pages) (\(total) ticket)"
    }
    public static func deskPageOfAtLeast(_ page: Int, total: Int) -> String {
        "Pagina \(page) (più di \(total) ticket: aggiungi parole o filtri per restringere)"
    }
    /// A page past the end of a search whose count stopped at its cap: how far it goes is not known.
    public static func deskPageBeyondCapped(_ page: Int, total: Int) -> String {
        "La pagina \(page) è vuota: la ricerca trova più di \(total) ticket, ma non tanti da arrivare fin qui. Aggiungi parole o filtri per restringerla."
    }
    public static let deskFirstPage = "Torna alla prima pagina"
    public static let deskBackToQueue = "Torna alla coda"

    // The operator's ticket page
    public static let deskReply = "Rispondi al cliente"
    public static let deskNote = "Nota interna"
    public static let deskNoteHint = "Visibile solo agli operatori: mai al cliente né nelle e-mail."
    /// The desk's one file field serves both buttons: which one is pressed decides who gets them.
    public static let deskFilesGoWith =
        "I file vanno con il pulsante che premi: con «\(deskSendReply)» al cliente, con «\(deskSaveNote)» solo agli operatori."
    public static let deskControlsHint =
        "Assegna a, Stato, Priorità, Area e Tipologia cambiati qui sono salvati anche con «Rispondi al cliente» o «Nota interna»."
    /// The buttons say what the boxes say: "Rispondi al cliente" sends the reply, "Nota
    /// interna" saves the note.
    public static let deskSendReply = "Rispondi al cliente"
    public static let deskSaveNote = "Nota interna"
    public static let deskTake = "Prendi in carico"
    public static let deskAssign = "Assegna a"
    public static let deskAssignButton = "Assegna"
    public static let deskStatusButton = "Cambia stato"
    public static let deskPriorityButton = "Cambia priorità"
    public static let deskAreaButton = "Cambia area"
    public static let deskTypeButton = "Cambia tipologia"
    public static let deskCompanyGlance = "L'azienda"
    public static let deskCompanyUsers = "Utenti"
    public static let deskOtherOpen = "Altri ticket aperti"
    public static let deskNoOtherOpen = "Nessun altro ticket aperto."
    public static let deskInternalNoteBadge = "Nota interna"
    public static func deskNumberMissing(_ number: Int64) -> String { "Nessun ticket ha il numero #\(number)." }
    public static let deskNoteFile = " · nota interna, il cliente non lo vede"
    public static let deskReplySaved = "Risposta inviata al cliente."
    public static let deskNoteSaved = "Nota interna salvata."
    public static let deskCompanyDeactivated =
        "L'azienda di questo ticket è disattivata: i suoi utenti non possono accedere al portale e non ricevono e-mail. Le risposte restano nel ticket e le vedranno se l'azienda sarà riattivata."
    /// Nobody of the company hears of a reply by e-mail: the desk said "Risposta inviata al
    /// cliente" and no e-mail went to anyone.
    public static let deskNobodyMailed =
        "Nessuno dell'azienda riceve per e-mail le risposte a questo ticket: chi l'ha aperto non è più un utente dell'azienda o ha scelto di non riceverle, e nessun collega segue i ticket dell'azienda. Le risposte restano nel ticket, visibili dal portale."
    public static let deskReplySavedNotMailed = "Risposta salvata nel ticket: nessuno dell'azienda la riceve per e-mail."
    public static let deskControlsSavedToo =
        "Salvate anche le modifiche scelte accanto: ciascuna è una riga della conversazione."
    public static let deskTaken = "Ticket preso in carico."
    public static let deskAssigned = "Operatore assegnato."
    public static let deskStatusSaved = "Stato cambiato."
    public static let deskUnassigned = "Ticket rimesso in coda: ora è «Non assegnato»."
    /// A remembered "Assegnato a" whose operator is no longer among the desk's people.
    public static let deskAssigneeGone = "un operatore non più presente"
    public static let deskPrioritySaved = "Priorità cambiata."
    public static let deskAreaSaved = "Area cambiata."
    public static let deskTypeSaved = "Tipologia cambiata."
    // Said so: the usual case is an operator deactivated while the page was open.
    public static let deskUnknownOperator =
        "L'operatore scelto non è (più) tra gli operatori attivi: scegline un altro dall'elenco."
    public static let deskUnknownStatus = "Scegli uno stato dell'elenco."
    public static let deskUnknownPriority = "Scegli una priorità dell'elenco."
    public static let deskUnknownArea = "Scegli un'area dell'elenco."
    public static let deskUnknownType = "Scegli una tipologia dell'elenco."
    public static func deskChangedMeanwhile(_ changes: [String]) -> String {
        "Nel frattempo il ticket è cambiato: " + changes.joined(separator: "; ") + "."
    }
    public static func deskNewReply(_ name: String) -> String { "nuova risposta di \(name)" }
    public static func deskNewNote(_ name: String) -> String { "nuova nota interna di \(name)" }
    /// Under "Rispondi al cliente" on a closed ticket: what the reply does to it.
    public static let deskReplyClosedHint =
        "Il ticket è chiuso: con «Stato» lasciato su «Chiuso» la risposta arriva al cliente e il ticket resta chiuso; per riaprirlo scegli un altro stato."
    /// A reply sent from a page drawn before the ticket was closed (by the customer, by a
    /// colleague): it lands, and the ticket stays closed, as an answer by e-mail leaves it. It
    /// reopened it, undoing the customer's «Chiudo io» with a page that had not seen it.
    public static let deskReplyKeptClosed =
        "Il ticket era stato chiuso nel frattempo e resta chiuso: per riaprirlo scegli un altro «Stato»."
    /// «Stato» e «Priorità»: the controls' labels as the desk's messages name them.
    static func quotedList(_ names: [String]) -> String { names.map { "«\($0)»" }.joined(separator: " e ") }

    /// `controls`: the labels of the controls chosen with the message (it named all five
    /// whatever was chosen).
    public static func deskMessageSavedControlsNot(isReply: Bool, _ changes: [String], controls: [String]) -> String {
        let with = isReply ? "la risposta" : "la nota"
        let list = quotedList(controls)
        return (isReply ? "Risposta inviata al cliente. " : "Nota salvata. ") + deskChangedMeanwhile(changes)
            + (controls.count == 1
                ? " La modifica scelta con \(with) (\(list)) non è stata salvata: controllala e premi il suo pulsante"
                    + " (un'altra risposta o nota non la applica)."
                : " Le modifiche scelte con \(with) (\(list)) non sono state salvate: controllale e premi il loro pulsante"
                    + " (un'altra risposta o nota non le applica).")
    }
    public static func deskAlreadyAssigned(_ name: String) -> String {
        "Il ticket è già assegnato a \(name): scegli un altro operatore dell'elenco."
    }
    public static let deskNothingChanged = "Nessuna modifica: il ticket aveva già il valore scelto."
    /// Not «dell'azienda»: the box's heading is «L'azienda», and a lookup of that text found both.
    public static let deskAllOpenOfCompany = "Tutti i ticket aperti di questa azienda nella coda"
    public static func mailFilesOnPortal(_ names: [String]) -> String {
        "Allegati (da scaricare dal portale): " + names.joined(separator: ", ") + "."
    }
    /// The desk's side panel: the ticket's files, folded under this line.
    public static func deskAllFiles(_ count: Int) -> String { count == 1 ? "Il file del ticket (1)" : "Tutti i file del ticket (\(count))" }
    /// A control's button pressed with files chosen: they wait, kept, for the reply or the note.
    public static let deskFilesNotSent = "I file scelti non sono stati inviati: restano tra i «File già scelti» per la risposta o la nota."
    /// A control's button pressed with other controls changed too: only its own is saved (the
    /// others were reset without a word). `names`: the labels of those left.
    /// After a message from a page whose stale choices wait for their own buttons.
    public static func deskPendingControls(_ names: [String]) -> String {
        names.count == 1
            ? "La modifica di \(quotedList(names)) scelta prima non è stata salvata con il messaggio: se serve ancora, premi il suo pulsante."
            : "Le modifiche di \(quotedList(names)) scelte prima non sono state salvate con il messaggio: se servono ancora, premi il loro pulsante."
    }

    public static func deskOtherControlsNotSaved(_ names: [String]) -> String {
        let list = quotedList(names)
        if names.count == 1 {
            return "La modifica di " + list + " non è stata salvata: ogni pulsante salva solo la sua scelta. "
                + "La trovi qui sotto come l'avevi scelta: premi il suo pulsante, oppure inviala con la risposta o la nota."
        }
        return "Le modifiche di " + list + " non sono state salvate: ogni pulsante salva solo la sua scelta. "
            + "Le trovi qui sotto come le avevi scelte: premi i loro pulsanti, oppure inviale con la risposta o la nota."
    }
    /// A control's button ("Cambia stato"…) pressed with a reply or a note typed: the change is
    /// saved, the texts come back unsent (they were shown again without a word).
    public static func deskTypedNotSent(reply: Bool, note: Bool) -> String {
        let what = reply && note ? "La risposta e la nota che hai scritto non sono state inviate; le trovi"
            : reply ? "La risposta che hai scritto non è stata inviata; la trovi" : "La nota che hai scritto non è stata salvata; la trovi"
        let press = reply && note ? "«\(deskSendReply)» o «\(deskSaveNote)»" : reply ? "«\(deskSendReply)»" : "«\(deskSaveNote)»"
        return what + " qui sotto: premi " + press + "."
    }
    /// "Cerca" found nothing open, and `count` closed tickets (at least, past the count's cap).
    public static func deskOnlyClosedMatch(_ count: Int, isAtLeast: Bool) -> String {
        let number = isAtLeast ? "più di \(count)" : String(count)
        return "Nessun ticket aperto con questi filtri contiene le parole cercate, ma "
            + (count == 1 && !isAtLeast ? "le contiene 1 ticket chiuso." : "le contengono \(number) ticket chiusi.")
    }
    public static let deskSearchClosedToo = "Cerca anche nei ticket chiusi"
    public static let deskAlreadyUnassigned = "Il ticket è già senza operatore: scegli un operatore dell'elenco."
    public static let deskUnassignClosed =
        "Un ticket chiuso resta a chi l'ha seguito: per rimetterlo in coda scegli prima lo stato «Non assegnato»."
    public static let deskUnassignWithStatus =
        "«Nessun operatore» rimette il ticket in coda come «Non assegnato»: non si può scegliere insieme a un altro stato."
    public static let deskUnassignedWithAssignee =
        "«Non assegnato» rimette il ticket in coda senza operatore: non si può scegliere insieme a un operatore in «Assegna a»."
    public static func operatorNoLongerActive(_ name: String) -> String { "\(name) (disattivato)" }
    public static let deskJumpToControls = "Vai ai comandi"
    public static func operatorFirstAccessPending(_ name: String) -> String { "\(name) (primo accesso non ancora fatto)" }
    public static func deskNumberFound(_ number: Int64, title: String) -> String { "Il numero cercato è quello del ticket #\(number) «\(title)»:" }
    public static let deskOpenTicket = "apri il ticket"
    /// The action was not done: the operator reads what changed and presses again.
    /// The files chosen stay chosen (under «File già scelti»): no word of choosing them again.
    public static func deskChangedNotSaved(_ changes: [String]) -> String {
        deskChangedMeanwhile(changes) + " Non è stato salvato niente: rileggi il ticket e premi di nuovo il pulsante."
    }

    // The short lines of changes that the thread shows to both sides
    public static func eventTaken(_ name: String) -> String { "\(name) ha preso in carico la richiesta" }
    public static func eventOpenedByDesk(_ name: String) -> String { "Richiesta aperta da \(name) dell'assistenza per conto del cliente" }
    public static func eventReleased(_ name: String) -> String { "\(name) non segue più la richiesta" }
    public static func eventAssigned(_ name: String, to operatorName: String) -> String {
        "\(name) ha assegnato la richiesta a \(operatorName)"
    }
    public static func eventStatus(_ status: String) -> String { "Stato: \(status)" }
    public static func eventPriority(_ priority: String) -> String { "Priorità: \(priority)" }
    /// A misfiled request moved by the desk: both sides read where it went.
    public static func eventArea(_ area: String) -> String { "Area: \(area)" }
    public static func eventType(_ type: String) -> String { "Tipologia: \(type)" }
    public static func eventReferent(_ name: String) -> String { "Referente ticket: \(name)" }

    // E-mails: to the support address, to the assigned operator, to the customer
    public static let mailEventNewTicket = "nuova richiesta"
    public static let mailEventHandedOver = "passato a un collega"
    public static let mailEventBackToQueue = "rimesso in coda"
    public static func mailLineKeptClosed(until date: String) -> String {
        "La richiesta resta chiusa. Se serve ancora, puoi riaprirla rispondendo entro il \(date)."
    }
    public static let mailLineKeptClosedPlain = "La richiesta resta chiusa."
    public static let mailLineKeptClosedFinal =
        "La richiesta resta chiusa e non può più essere riaperta: per un nuovo problema apri una nuova richiesta dal portale."
    /// To the operator who had the ticket: `holder` has it now (nil: back in the queue), `by`
    /// gave it (nil: the holder took it).
    public static func deskHandedOverMailBody(
        number: Int64, title: String, company: String, holder: String?, by name: String?, link: String
    ) -> String {
        let what = holder.map { holder in name.map { "\($0) ha assegnato a \(holder)" } ?? "\(holder) ha preso in carico" }
            ?? "\(name ?? supportTeam) ha rimesso in coda («Non assegnato»)"
        return """
            \(what) la richiesta #\(number): \(title), che era assegnata a te.
            Da ora le risposte del cliente arrivano \(holder.map { "a " + $0 } ?? "all'indirizzo generale dell'assistenza").

            Azienda: \(company)

            Apri il ticket sul banco dell'assistenza:
            \(link)
            """
    }
    public static let mailEventAssigned = "assegnato a te"
    public static func deskAssignedMailBody(
        number: Int64, title: String, company: String, by name: String, priority: String, link: String
    ) -> String {
        """
        \(name) ti ha assegnato la richiesta #\(number): \(title)

        Azienda: \(company)
        Priorità: \(priority)

        Apri il ticket sul banco dell'assistenza:
        \(link)
        """
    }
    public static let mailOpenedByLabel = "Aperta da"
    public static func mailOpenedByDesk(_ name: String) -> String {
        "\(name) dell'assistenza, per conto del cliente; la segue già"
    }
    /// `files`: the names of the attachments, which are on the desk only.
    /// `facts`: the request's other choices as the desk's page names them (contact and call-back,
    /// "Tipologia", "Area"): an operator answering from the mail wrote to a customer who had
    /// asked to be called. `details`: the ERP's "Dettagli tecnici", when the request came with them.
    public static func deskNewTicketMailBody(
        number: Int64, title: String, company: String, vat: String, priority: String, requester: String,
        facts: [(String, String)], text: String, details: String, files: [String], link: String
    ) -> String {
        let attached = files.isEmpty ? "" : "\n" + mailFilesOnPortal(files) + "\n"
        let lines = facts.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
        let technical = details.isEmpty ? "" : "\n\(technicalDetails):\n\(details)\n"
        return """
        Nuova richiesta di assistenza #\(number): \(title)

        Azienda: \(company) (P.IVA \(vat))
        Richiedente: \(requester)
        Priorità: \(priority)
        \(lines)

        Descrizione:
        \(text)
        \(technical)\(attached)
        Apri il ticket sul banco dell'assistenza:
        \(link)
        """
    }
    public static func deskCustomerReplyMailBody(number: Int64, title: String, company: String, text: String, link: String)
        -> String
    {
        """
        Ticket #\(number): \(title)
        Il cliente \(company) ha risposto:

        \(text)

        Apri il ticket sul banco dell'assistenza:
        \(link)
        """
    }
    /// Its first words are the mail's name in the issues («L'assistenza ha risposto alla tua
    /// richiesta»), now with the reply's text after them.
    /// `files`: the names of the files sent with the reply, which are on the portal only (no
    /// e-mail carries attachments). The request is "tua" to its requester only: colleagues who
    /// follow the company's tickets read whose it is.
    public static func customerReplyMailBody(
        number: Int64, title: String, company: String, author: String, text: String, status: String? = nil,
        files: [String] = [], link: String, toContact: Bool = false, toRequester: Bool = false, requester: String,
        answerable: Bool = true
    ) -> String {
        """
        Ticket #\(number): \(title)
        Azienda: \(company)

        L'assistenza ha risposto alla \(toRequester ? "tua richiesta" : "richiesta di " + requester). Ha scritto \(author):

        \(text)
        \(files.isEmpty ? "" : "\n" + mailFilesOnPortal(files) + "\n")\(status.map { "\n" + $0 + "\n" } ?? "")
        \(toContact ? mailContactNote(requester, link: link) : (answerable ? mailOpenToAnswer : mailOpenToRead) + "\n" + link)

        \(mailSignature)
        """
    }

    public static let mailOpenToAnswer = "Per leggere la conversazione o rispondere apri il ticket sul portale:"
    /// A ticket closed for good (`mailLineKeptClosedFinal`): it can be read, not answered.
    public static let mailOpenToRead = "Per leggere la conversazione apri il ticket sul portale:"

    // "Nuovo ticket per un cliente": a request written by the desk for a customer on the phone
    public static let deskNewTicketTitle = "Nuovo ticket per un cliente"
    public static let deskNewTicketIntro =
        "Per un cliente che telefona o scrive fuori dal portale: cerca la sua azienda, poi scrivi la richiesta a suo nome. Il cliente riceve l'e-mail di conferma come se l'avesse aperta lui."
    public static let deskFindCompany = "Cerca azienda"
    public static let deskCompanyHint = "Una parte della ragione sociale, oppure la Partita IVA o le sue prime cifre."
    public static let deskNoCompanyFound = "Nessuna azienda trovata: controlla la ragione sociale o la Partita IVA."
    public static func deskCompaniesFound(_ count: Int) -> String {
        count == 1 ? "Un'azienda trovata." : "\(count) aziende trovate: scegli quella del cliente."
    }
    public static let deskCompanyWithoutUsers = "nessun utente del portale: invita prima un amministratore"
    public static func deskCompaniesTooMany(_ shown: Int) -> String { "Sono mostrate le prime \(shown): scrivi di più per trovarla." }
    public static let deskCompanyDeactivatedChoice = "disattivata: non si possono aprire richieste"
    public static let deskChooseCompany = "Scegli l'azienda"
    public static let deskOtherCompany = "Cambia azienda"
    public static let deskRequesterHint = "Riceve le e-mail della richiesta e la trova nel suo elenco."
    public static let deskChooseRequester = "Scegli un utente"
    public static let deskRequesterRequired = "Scegli l'utente dell'azienda per cui apri la richiesta."
    public static let deskRequesterNotMember = "Questo utente non fa parte dell'azienda (o non ne fa più parte): scegline uno dall'elenco."
    public static let deskCompanyInactive = "L'azienda è disattivata: i suoi utenti non possono accedere, quindi non si possono aprire richieste a suo nome."
    public static let deskCompanyNoUsers = "L'azienda non ha ancora utenti del portale: invitane uno prima di aprire una richiesta a suo nome."
    public static let deskEmailDefaultHint = "Lascia vuoto per usare l'e-mail del richiedente."
    public static let deskTicketCreatedForCustomer = "Richiesta aperta per il cliente, che riceve per e-mail la conferma con il numero del ticket."
    public static func auditOnBehalfOf(_ name: String) -> String { "per conto di \(name)" }
}
