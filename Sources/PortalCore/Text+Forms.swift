/// The texts of customer-forms' work: kept forms, the ticket list's feedback, the code
/// limit, the company switch for a ticket of another company.
extension Text {
    /// Above a form whose required fields carry the manual's "*".
    public static let requiredLegend = "I campi contrassegnati da * sono obbligatori."

    // MARK: E-mail code limit
    public static func codeLimitReached(until time: String) -> String {
        "Per sicurezza inviamo al massimo 3 codici ogni 15 minuti e li hai già ricevuti: questa volta non ti abbiamo inviato nessun codice. Potrai chiederne uno nuovo dalle \(time) con «\(sendNewCode)»."
    }

    // MARK: Activity trail details, as people read them (stored as codes)
    public static let auditDetails: [String: String] = [
        "trusted device": "Dispositivo sicuro", "too many codes": "3 codici in 15 minuti",
        "throttled": "Troppi tentativi", "provisional password expired": "Password provvisoria scaduta",
        "company deactivated": "Azienda disattivata, invito sospeso", "invitation removed": "Invito rimosso",
        "operator deactivated": "Operatore disattivato", "first access pending": "Primo accesso da completare",
        "unknown": "P.IVA non registrata", "has_users": "Azienda con utenti del nuovo portale",
        "recorded": "Richiesta registrata", "recorded_mailed": "Richiesta registrata, assistenza avvisata",
    ]

    /// A line's detail as people read it: a code in words, and a count with what it counts
    /// ("Altre sessioni terminate | 1" was a bare number).
    public static func auditDetail(event: String, _ detail: String) -> String {
        if event == "sessions_ended", let count = Int(detail) { return count == 1 ? "1 sessione" : "\(count) sessioni" }
        return auditDetails[detail] ?? detail
    }

    // MARK: Messages over their limit
    public static let descriptionRequired = "La descrizione è obbligatoria."
    public static func messageTooLong(limit: Int) -> String {
        "Il testo supera il limite di \(thousands(limit)) caratteri: accorcialo, oppure allega il resto come file."
    }
    public static let messageControlCharacters = "Il testo contiene caratteri di controllo non ammessi: rimuovili e invia di nuovo."

    /// "20.000", as Italians group digits.
    public static func thousands(_ value: Int) -> String {
        var digits = String(value)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: ".")
    }

    // MARK: Ticket list feedback
    public static let searchText = "Testo"
    public static let searchTextHint = "Parole del titolo o dei messaggi, anche solo l'inizio dell'ultima."
    public static func ticketCodeInvalid(_ typed: String) -> String {
        "«\(typed)» non è un codice ticket: scrivi solo il numero, per esempio 1453."
    }
    /// Under a date field (`FormField.dateInput`).
    public static let dateFieldHint = "gg/mm/aaaa"
    public static func dateInvalid(_ typed: String) -> String {
        "«\(typed)» non è una data valida: scrivila come gg/mm/aaaa, per esempio 28/02/2026."
    }
    public static func dateOutOfRange(_ typed: String, years: ClosedRange<Int>) -> String {
        "«\(typed)» è fuori dal calendario del portale: scegli una data tra il \(years.lowerBound) e il \(years.upperBound)."
    }
    public static let searchTextInvalid =
        "Scrivi almeno una parola (lettere o numeri), al massimo 200 caratteri, senza caratteri di controllo."
    public static let activityRangeReversed = "«A data» viene prima di «Da data»: scambia le due date."
    public static let dateRangeReversed =
        "«A data» viene prima di «Da data»: nessun ticket può essere stato creato in quell'intervallo. Scambia le due date."
    public static let fixFilters = "Correggi i filtri segnalati e premi «Cerca Ticket»: finché non sono corretti l'elenco resta vuoto."
    public static let resetFilters = "Azzera filtri"
    public static func rememberedFilters(_ filters: String) -> String {
        "L'elenco mostra i filtri della tua ultima ricerca (\(filters)): non tutti i ticket sono visibili."
    }
    public static let showFilters = "Filtri"
    /// Beside «Filtri» on a phone, where the filters are folded away after a search.
    public static func activeFilters(_ filters: String) -> String { "Filtri applicati: \(filters)." }

    // MARK: Kept forms
    /// A kept form back on its page: after a session that ended, a company switch in another
    /// tab or a company deactivated meanwhile alike, so the words name none of them.
    public static let formKept =
        "Il modulo non era stato inviato: lo ritrovi qui come l'avevi compilato, allegati compresi. Controllalo e invialo di nuovo."
    /// A kept form that had no files: "allegati compresi" spoke of files nobody chose.
    public static let formKeptNoFiles =
        "Il modulo non era stato inviato: lo ritrovi qui come l'avevi compilato. Controllalo e invialo di nuovo."
    public static let formKeptWithoutFiles =
        "Il modulo non era stato inviato: lo ritrovi qui come l'avevi compilato, ma gli allegati vanno scelti di nuovo. Controllalo e invialo di nuovo."
    /// Past the forms one address may leave at once: nothing kept, and said.
    public static let loginForLostForm =
        "Non sei più collegato (la sessione è scaduta o è stata chiusa): accedi di nuovo. Il modulo che stavi inviando questa volta non è stato conservato (troppi moduli dallo stesso indirizzo di rete): se questo browser ne ha una bozza la ritrovi con «Ripristina bozza», altrimenti compilalo di nuovo; gli allegati vanno scelti di nuovo."
    public static let loginForUnsentForm =
        "Non eri più collegato (la sessione è scaduta o è stata chiusa, per esempio uscendo da un'altra scheda): il modulo che stavi inviando non è stato salvato. Accedi di nuovo: tornerai alla stessa pagina, dove va compilato di nuovo."
    /// The same after «Termina» from another browser.
    public static let loginForUnsentFormEndedByOwner =
        "L'accesso su questo browser è stato terminato da «Sessioni attive» del tuo profilo: il modulo che stavi inviando non è stato salvato. Accedi di nuovo: tornerai alla stessa pagina, dove va compilato di nuovo."
    public static let loginForKeptForm =
        "Non sei più collegato (la sessione è scaduta o è stata chiusa, per esempio uscendo da un'altra scheda o cambiando la password): accedi di nuovo. Il modulo che stavi inviando è stato conservato e lo ritroverai compilato, con i suoi allegati."

    /// The same, when its files could not be kept (`KeptFormStore`'s caps): it promised them.
    public static let loginForKeptFormEndedByOwner =
        "L'accesso su questo browser è stato terminato da «Sessioni attive» del tuo profilo: accedi di nuovo. Il modulo che stavi inviando è stato conservato e lo ritroverai compilato, con i suoi allegati."
    public static let loginForKeptFormWithoutFilesEndedByOwner =
        "L'accesso su questo browser è stato terminato da «Sessioni attive» del tuo profilo: accedi di nuovo. Il modulo che stavi inviando è stato conservato e lo ritroverai compilato, ma gli allegati andranno scelti di nuovo."
    public static let loginForKeptFormWithoutFiles =
        "Non sei più collegato (la sessione è scaduta o è stata chiusa, per esempio uscendo da un'altra scheda o cambiando la password): accedi di nuovo. Il modulo che stavi inviando è stato conservato e lo ritroverai compilato, ma gli allegati andranno scelti di nuovo."
    public static let formKeptForCompanyWithoutFiles =
        "Il modulo che stavi inviando non è stato inviato: l'azienda per cui lo avevi aperto non è più disponibile. Resta conservato per due ore: lo ritroverai compilato se rientri in quell'azienda; gli allegati andranno scelti di nuovo."

    /// The company of the form was deactivated (or left) while it was being written.
    public static let formKeptForCompany =
        "Il modulo che stavi inviando non è stato inviato: l'azienda per cui lo avevi aperto non è più disponibile. Resta conservato per due ore: lo ritroverai compilato, con i suoi allegati, se rientri in quell'azienda."
    /// A form of another company of the user, sent after a switch in another tab.
    public static func formKeptForOtherCompany(_ company: String, current: String) -> String {
        "Il modulo che stavi inviando era per \(company), ma nel frattempo (forse in un'altra scheda) sei passato a \(current): non è stato inviato. È conservato: passa a \(company) e lo ritroverai compilato, con i suoi allegati."
    }
    public static func formNotSentForOtherCompany(_ company: String, current: String) -> String {
        "Il modulo che stavi inviando era per \(company), ma nel frattempo (forse in un'altra scheda) sei passato a \(current): non è stato inviato. Torna indietro con il browser per recuperare il testo, poi passa a \(company) e invialo di nuovo."
    }
    public static let formForAnotherCompany =
        "Questo modulo era stato scritto per un'altra delle tue aziende: controlla l'azienda indicata qui sotto prima di inviarlo."
    public static let formForCompanyNoLongerYours =
        "Il modulo era stato aperto per un'altra azienda, in cui ora non puoi entrare: non è stato inviato. Controlla i dati e invialo per l'azienda qui sotto."

    // MARK: A ticket of the user's other company
    public static func otherCompanyTicketTitle(_ number: Int64) -> String { "Ticket #\(number) di un'altra azienda" }
    public static func otherCompanyTicket(_ number: Int64, company: String, current: String) -> String {
        "Il ticket #\(number) appartiene all'azienda «\(company)», non a «\(current)» per cui stai lavorando ora. Passa a «\(company)» per aprirlo: potrai tornare a «\(current)» dall'icona dell'azienda in alto."
    }
    public static func switchTo(_ company: String) -> String { "Passa a \(company)" }
    public static func stayIn(_ company: String) -> String { "Resta in \(company)" }

    // MARK: Drafts and limits before sending (assets/drafts.js)
    /// {quando} is replaced by the script with the draft's date and time.
    public static let draftOffer = "Hai una bozza di questo modulo non ancora inviata, salvata in questo browser il {quando}."
    public static let draftRestore = "Ripristina bozza"
    public static let draftDiscard = "Scarta bozza"
    public static let draftRestored = "Bozza ripristinata: gli allegati vanno scelti di nuovo."
    /// {nome} and {peso} are replaced by the script with the file's name and size.
    public static let fileTooLargeBeforeSending =
        "Il file «{nome}» pesa {peso}: ogni file può pesare al massimo 4 MB. Toglilo o riducilo (per esempio in un archivio ZIP), poi invia di nuovo."
    /// The same for a file that is an archive already: "riducilo in un archivio ZIP" was no advice for one.
    public static let archiveTooLargeBeforeSending =
        "Il file «{nome}» pesa {peso}: ogni file può pesare al massimo 4 MB. Toglilo, oppure dividi il contenuto in più archivi da 4 MB al massimo, poi invia di nuovo."
    public static let filesTooLargeTogether =
        "Gli allegati scelti pesano in tutto {peso}: al massimo 40 MB per invio. Togline alcuni e allegali a un messaggio successivo."

    /// The page's answer to a ticket form whose files were more than a request may carry;
    /// `kept`: the files that arrived whole before the cut, listed under "File già scelti".
    public static func filesNotReceived(kept: Int) -> String {
        if kept == 0 {
            return "Gli allegati scelti superavano in tutto i 40 MB e non sono arrivati: il testo è conservato qui. Scegli file più piccoli o meno file (al massimo 4 MB ciascuno) e invia di nuovo."
        }
        let arrived = kept == 1 ? "è arrivato solo il file elencato" : "sono arrivati solo i \(kept) file elencati"
        return "Gli allegati scelti superavano in tutto i 40 MB: \(arrived) sotto «File già scelti», gli altri no. Il testo è conservato qui: invia di nuovo e allega gli altri file con un messaggio successivo."
    }
}

