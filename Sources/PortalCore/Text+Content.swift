// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// Ticket content: files, the formatting editor, the closed ticket's warning, notifications.
extension Text {
    // MARK: Files
    public static func fileEmpty(_ name: String) -> String { "Il file «\(name)» è vuoto: non è stato allegato." }
    /// What a refusal names for a file whose name makes it run when opened.
    public static func fileRunnable(_ suffix: String) -> String { "un file .\(suffix) si avvia come programma con un doppio clic" }

    public static func fileTypeRefused(_ name: String, found: String) -> String {
        "Il file «\(name)» è di un tipo non ammesso (\(found)): puoi allegare documenti (PDF, Office, OpenDocument, RTF), immagini, archivi (ZIP, 7-Zip, RAR) e file di testo."
    }
}

extension Text {
    // MARK: Closed ticket
    public static let closedReplyWarning =
        "Questo ticket è chiuso: se invii una risposta verrà riaperto. Per aggiungere solo un messaggio e lasciarlo chiuso, spunta «Chiudere il ticket all'invio del messaggio»."
    public static let messageAddedKeptClosed = "Messaggio aggiunto: il ticket resta chiuso."
    public static let panelClosed = "Il ticket è chiuso: priorità e referente si cambiano insieme a una risposta, che lo riapre."

    // MARK: Notifications ("Notifiche" in the profile)
    public static let notifications = "Notifiche"
    public static let notificationsHint =
        "Scegli di quali ticket ricevere un'email: «I miei ticket» sono quelli che hai aperto tu o di cui sei il Referente ticket. La conferma di un ticket che hai aperto arriva sempre; l'indirizzo email indicato su un ticket riceve quello che riceve chi l'ha aperto."
    public static func notificationsCompany(_ name: String) -> String {
        "Queste scelte valgono per l'azienda \(name): se lavori anche per un'altra azienda, entra in quella per scegliere le sue."
    }
    public static let notifyReplies = "Risposte dell'assistenza"
    public static let notifyStatusChanges = "Cambi di stato"
    /// The issue's words alone: what they cover is said in `notificationsHint`.
    public static let notifyMine = "I miei ticket"
    public static let notifyCompany = "Tutti i ticket della mia azienda"
    public static let notifyNone = "Nessuno"
    // Without «notifiche»: the section's heading «Notifiche» was two texts for a lookup.
    public static let saveNotifications = "Conferma le scelte"
    public static let notificationsSaved = "Notifiche salvate."
    public static let notificationsInvalid = "Scegli una delle opzioni."

    // MARK: Notification e-mails
    public static let mailEventReopened = "riaperto"
    public static let mailEventClosedByCustomer = "chiuso dal cliente"
    public static func customerClosedMailLine(_ author: String) -> String {
        "\(author) ha chiuso la richiesta. Puoi riaprirla rispondendo entro 15 giorni."
    }
    public static func customerReopenedMailLine(_ author: String, status: String) -> String {
        "\(author) ha riaperto la richiesta con un nuovo messaggio. Lo stato della richiesta è ora: \(status)."
    }
    public static func customerAnsweredMailLine(_ author: String, status: String) -> String {
        "\(author) ha risposto all'assistenza. Lo stato della richiesta è ora: \(status)."
    }
    /// `notes`: what came with the message, a line each (its files, the panel's changes).
    public static func deskCustomerMailBody(
        number: Int64, title: String, company: String, author: String, line: String, text: String, notes: [String] = [],
        link: String
    ) -> String {
        """
        Ticket #\(number): \(title)

        \(line)

        \(text)
        \(notes.isEmpty ? "" : "\n" + notes.joined(separator: "\n") + "\n")
        Azienda: \(company)
        Scritto da: \(author)

        Apri il ticket sul banco dell'assistenza:
        \(link)
        """
    }
    public static func deskMailChanges(_ lines: [String]) -> String { "Cambiato dal cliente: " + lines.joined(separator: "; ") }
    public static let mailEventCustomerChange = "modifica del cliente"
    public static let mailEventReferent = "affidato a te come referente"
    /// To the colleague a customer made "Referente ticket": the e-mails of the ticket that
    /// start reaching them say why.
    /// `replies`, `statusChanges`: which of the ticket's e-mails their "Notifiche" let through.
    public static func referentMailBody(
        number: Int64, title: String, company: String, author: String, replies: Bool, statusChanges: Bool, link: String
    ) -> String {
        let what = [replies ? "le risposte dell'assistenza" : nil, statusChanges ? "i cambi di stato" : nil]
            .compactMap { $0 }.joined(separator: " e ")
        return """
        \(author) ti ha indicato come referente del ticket #\(number) «\(title)» dell'azienda \(company)\(company.hasSuffix(".") ? "" : ".")

        Da ora riceverai per e-mail \(what) di questo ticket \
        (puoi scegliere quali e-mail ricevere in Profilo, sezione Notifiche).

        Apri il ticket: \(link)

        \(mailSignature)
        """
    }
    public static func deskPanelMailBody(number: Int64, title: String, company: String, author: String, lines: [String], link: String)
        -> String
    {
        """
        Ticket #\(number): \(title)

        \(author) ha cambiato il ticket:
        \(lines.map { "- " + $0 }.joined(separator: "\n"))

        Azienda: \(company)

        Apri il ticket sul banco dell'assistenza:
        \(link)
        """
    }
    public static let deskLineCustomerReply = "Il cliente ha risposto:"
    public static let deskLineCustomerClosed = "Il cliente ha chiuso il ticket con questo messaggio:"
    public static let deskLineCustomerReopened = "Il cliente ha riaperto il ticket con questo messaggio:"
    public static let deskLineCustomerKeptClosed = "Il cliente ha aggiunto un messaggio al ticket chiuso, che resta chiuso:"
}

extension Text {
    // MARK: The formatting editor
    public static let editorLinkAddress = "Indirizzo del link"
    public static let editorLinkApply = "Inserisci link"
    public static let editorLinkInvalid = "Scrivi un indirizzo web (https://…) o email."
    /// `%s` becomes the names of the files.
    public static let editorImagePasted = "Immagine incollata aggiunta agli allegati: %s"
}

extension Text {
    // MARK: Branding in the static site (SiteBranding)
    public static let siteVendorFallback = "il fornitore del software gestionale"
    public static let siteEmail = "E-mail"
    public static let sitePhone = "Telefono"
    public static let siteControllerEmail = "e-mail"
    public static let siteContactsFallback =
        "I recapiti telefonici e l'indirizzo e-mail del servizio di assistenza sono indicati nel contratto di assistenza della tua azienda."
    public static let siteControllerFallback = "il **fornitore del software gestionale**, indicato nel contratto di assistenza"
}
