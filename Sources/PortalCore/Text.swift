// A catalogue, not logic: its runs of constants look alike on purpose (one string a line,
// findable by its Italian words), here and in the `Text+*.swift` files.
/// Every string a person reads in the portal, in Italian, in one place. Labels follow the
/// manual of the portal we replace, so that its users find the same words.
public enum Text {
    // MARK: Product and layout
    /// The product's name from the configuration (`Branding`), "Customer Portal" by default.
    public static var productName: String { Branding.current.productName }
    public static let skipToContent = "Vai al contenuto"
    /// On the ticket list, where the filters come after the page's cards in the keyboard's order.
    public static let skipToFilters = "Vai ai filtri"
    /// Not «Mostra …»: «Andamento»'s button «Mostra» was two buttons for a lookup by that name.
    public static let toggleMenu = "Apri o chiudi il menu"
    public static let mainMenu = "Menu principale"
    public static let menuDashboard = "Dashboard"
    public static let menuTenantAdministration = "Gestione Tenant"
    public static let menuTenant = "Tenant"
    public static let menuAccessConfiguration = "Configurazione Accessi"
    public static let menuSupport = "Servizi di Supporto"
    public static let menuNewTicket = "Nuova richiesta di assistenza"
    public static let menuTicketList = "Elenco richieste di assistenza"
    public static let menuUtility = "Utility"
    public static let menuManual = "Manuale utente"
    public static let menuHelp = "Aiuto"
    public static let menuPrivacy = "Informativa Privacy"
    public static let currentCompany = "Azienda corrente"
    public static let userProfile = "Profilo utente"
    public static let logout = "Esci"
    /// The button's name for assistive technology and lookups: the manual calls it "logout".
    public static let logoutName = "Esci (logout)"
    public static let footerNote = "Assistenza ai clienti diretti del software gestionale"
    public static let menuContacts = "Contatti"

    // MARK: Documentation pages
    public static let docsChapters = "Capitoli"
    public static let docsOnThisPage = "In questa pagina"
    public static let docsPager = "Pagine"
    public static let vatShort = "P.IVA"

    // MARK: Login
    public static let loginTitle = "Login"
    public static let email = "Email"
    public static let password = "Password"
    public static let rememberMe = "Ricordami"
    public static let signIn = "Accedi"
    /// The login page opened (from an e-mail's link) for another address while someone is signed in.
    public static func signedInAsOther(_ current: String, wanted: String) -> String {
        "Su questo browser è aperta la sessione di \(current). Per accedere come \(wanted) premi «Esci»: la sessione si chiude e torni al login."
    }
    public static func continueAs(_ name: String) -> String { "Continua come \(name)" }
    public static let forgotPasswordPrefix = "Hai dimenticata la password?"
    public static let forgotPasswordLink = "clicca qui"
    /// Said after "clicca qui" to a screen reader (and to a lookup by the link's name).
    public static let forgotPasswordLinkMore = " (Password smarrita: Recupera password)"
    /// "Scelta Tenant" opened from the company icon: back without changing anything.
    public static let stayInCompany = "Annulla"
    public static let loginFailed = "Email o password non corrette."
    public static let loginFieldsRequired = "Scrivi l'email e la password."
    public static let fieldRequired = "Campo obbligatorio."
    public static let emailInvalid = "Indirizzo email non valido."
    public static let emailHiddenCharacters =
        "L'indirizzo contiene caratteri invisibili, spesso copiati insieme al testo: scrivilo di nuovo a mano."
    public static let emailWithSpaces = "Indirizzo email non valido: non può contenere spazi."
    public static let emailLocalPartNotASCII =
        "Indirizzo email non valido: prima della @ non può contenere lettere accentate, emoji o altri simboli speciali."
    public static let loggedOut = "Sei uscito dal portale."
    public static let sessionExpired = "La sessione è scaduta: accedi di nuovo."
    /// «Termina» in «Sessioni attive» on another browser (or this one's own list, elsewhere).
    public static let sessionEndedByOwner =
        "L'accesso su questo browser è stato terminato da «Sessioni attive» del tuo profilo: accedi di nuovo."
    /// A browser signed out by a password changed elsewhere (the profile, a recovery link).
    public static let sessionEndedByPasswordChange =
        "La password del tuo utente è stata cambiata, e gli accessi aperti con quella precedente sono terminati: accedi con la nuova password."
    public static let provisionalExpired =
        "Le credenziali provvisorie non valgono più (sono scadute o l'invito è stato ritirato): chiedi all'amministratore della tua azienda un nuovo invito."
    /// To a company's first administrator: the company has no administrator to ask.
    public static let provisionalExpiredAskSupport =
        "Le credenziali provvisorie non valgono più (sono scadute o l'invito è stato ritirato): chiedi un nuovo invito all'assistenza."
    /// The provisional password of an invitation withdrawn by the company's deactivation.
    public static let provisionalCompanyDeactivated =
        "L'azienda che ti ha invitato è stata disattivata dal servizio di assistenza: se verrà riattivata, queste credenziali torneranno valide. Per informazioni contatta l'assistenza."
    public static let noCompany =
        "Il tuo utente non è abilitato su nessuna azienda: chiedi un invito all'amministratore della tua azienda."

    // MARK: First access ("Creazione Utente")
    public static let firstAccessTitle = "Creazione Utente"
    public static let firstAccessIntro =
        "Benvenuto! Completa i tuoi dati e scegli la password personale che userai da ora in poi."
    public static let firstName = "Nome"
    public static let lastName = "Cognome"
    public static let confirmPassword = "Conferma Password"
    public static let privacyConsentPrefix = "Ho preso visione dell'"
    public static let privacyConsentLink = "Informativa Privacy"
    public static let privacyRequired = "Per continuare spunta «Ho preso visione dell'Informativa Privacy» (puoi leggerla dal link)."
    public static let createUser = "Crea utente"
    public static let userCreated = "Utente creato: accedi con la password che hai scelto."
    /// "Crea utente" pressed in two tabs at once with different passwords: the other one won.
    public static let userCreatedElsewhere =
        "L'utente era già stato creato da un'altra scheda o finestra, con un'altra password: accedi con quella."
    public static let nameTooLong = "Al massimo 100 caratteri, senza caratteri di controllo."
    public static let nameInvisible =
        "Il testo contiene caratteri invisibili, che invertono il testo o con troppi accenti sovrapposti (spesso copiati da un altro programma): scrivilo di nuovo."
    public static let passwordTooShort = "La password deve avere almeno 12 caratteri."
    public static let passwordGuessable =
        "Password troppo facile da indovinare: evita caratteri ripetuti, sequenze (come 1234… o abcd…) e password comuni. Prova con una frase di alcune parole."
    public static let passwordTooLong = "La password può avere al massimo 256 caratteri."
    public static let passwordControlCharacter =
        "La password contiene un carattere che non si può digitare (un a capo, una tabulazione o un carattere di controllo): riscrivila."
    public static let passwordPersonal =
        "La password non deve contenere il tuo nome, il tuo cognome o la parte della tua email prima della @."
    public static let passwordMismatch = "Le due password non coincidono."
    public static let passwordSameAsProvisional = "Scegli una password diversa da quella provvisoria."
    public static let passwordHint =
        "Almeno 12 caratteri, senza il tuo nome, il tuo cognome o la parte della tua email prima della @; puoi usare spazi e qualsiasi simbolo. Una frase lunga è la scelta migliore."
    public static let loginStepExpired = "La procedura di accesso è scaduta: inserisci di nuovo email e password."

    // MARK: E-mail code ("Autenticazione a 2 fattori")
    public static let codeTitle = "Autenticazione a 2 fattori"
    /// The manual's own sentence, word for word, as the page it pictures says it.
    public static let codeIntro =
        "Indicare il codice che vi è stato recapitato per email. Se non ricevete l'email provate a controllare che non sia stata intercettata dalla Posta Indesiderata."
    public static let code = "Codice"
    public static let trustedDevice = "Dispositivo sicuro"
    public static let trustedDeviceHint =
        "Su questo browser non ti chiederemo più il codice per 90 giorni, a meno che tu non rimuova il dispositivo dal profilo o cancelli i cookie."
    public static let send = "Invia"
    public static let sendNewCode = "Richiedi un nuovo codice"
    public static let codeWrong = "Codice non corretto."
    public static let codeReplaced =
        "Questo codice è stato sostituito da uno più recente: usa il codice dell'email inviata per ultima (guarda l'ora di invio)."
    public static let codeRequired = "Scrivi il codice che hai ricevuto per email."
    public static let codeExpired = "Il codice è scaduto o non è più valido: richiedi un nuovo codice."
    public static let codeNoLongerValid = "Il codice non è più valido."
    public static let codeTooManyAttempts = "Troppi tentativi errati: richiedi un nuovo codice."
    public static let codeSent = "Ti abbiamo inviato un nuovo codice: quello dell'email precedente non vale più."
    public static let codeDespiteTrustedDevice =
        "Questo browser è un dispositivo sicuro, ma ci sono stati tentativi di accesso non riusciti al tuo account: per qualche minuto ti chiediamo il codice anche qui. Ti abbiamo scritto un'email al riguardo."
    /// The «Dispositivo sicuro» hint while the code is asked on a trusted device anyway.
    public static let trustedDeviceHintDespiteAttempts =
        "Il browser resta un dispositivo sicuro: quando i tentativi non riusciti saranno finiti, non ti chiederemo più il codice."
    public static func codeMailSubject() -> String { "\(productName): Codice autenticazione a 2 fattori" }
    public static func codeMailBody(code: String, portalURL: String) -> String {
        """
        Il codice temporaneo da utilizzare per l'autenticazione a 2 fattori è: \(code)

        Il codice vale 10 minuti e può essere usato una sola volta. Non comunicarlo a nessuno: \
        l'assistenza non te lo chiederà mai.

        Se non hai provato tu ad accedere, qualcuno conosce la tua password: cambiala subito da \
        \(portalURL)/password/recupero.

        \(mailSignature)
        """
    }

    // MARK: Company choice ("Scelta Tenant")
    public static let companyChoiceTitle = "Scelta Tenant"
    public static let companyChoiceIntro = "Scegli l'azienda per la quale vuoi lavorare."
    public static let pendingInvitations = "Inviti ricevuti"
    /// The dashboard of someone already in the portal who was invited to another company: the
    /// invitation's e-mail says to accept it on «Scelta Tenant», which nothing else announced.
    public static func dashboardInvitation(_ company: String, role: String) -> String {
        "L'azienda \(company) ti ha invitato come \(role). Per accettare apri "
    }
    public static func dashboardInvitations(_ count: Int) -> String {
        "Hai \(count) inviti di altre aziende. Per accettarli apri "
    }
    public static func invitationFrom(_ company: String, role: String) -> String { "\(company) ti ha invitato come \(role)." }
    public static let accept = "Accetta"
    public static let yourCompanies = "Le tue aziende"
    public static let invitationAccepted = "Invito accettato."
    public static let noCompanyYet = "Non sei ancora abilitato su nessuna azienda: accetta un invito qui sopra."

    // MARK: Profile
    public static let profileTitle = "Profilo utente"
    public static let personalData = "Dati personali"
    public static let save = "Salva"
    public static let profileSaved = "Dati salvati."
    public static let changePassword = "Cambia password"
    public static let currentPassword = "Password attuale"
    public static let newPassword = "Nuova password"
    public static let currentPasswordWrong = "La password attuale non è corretta."
    public static let passwordChanged = "Password cambiata: per sicurezza abbiamo chiuso tutte le sessioni e rimosso i dispositivi sicuri. Accedi con la nuova password."
    public static let picture = "Immagine"
    /// The section's heading: the field inside is «Immagine», and a lookup by text found both.
    public static let pictureSection = "Immagine del profilo"
    public static let pictureHint = "Un'immagine PNG, JPEG, GIF o WebP di al massimo 1 MB."
    public static let pictureInvalid = "Il file scelto non è un'immagine PNG, JPEG, GIF o WebP."
    public static let pictureTooLarge = "L'immagine supera 1 MB."
    public static let pictureDamaged = "L'immagine è danneggiata o incompleta: aprila e salvala di nuovo, poi riprova."
    public static func pictureTooManyPixels(width: Int, height: Int, limit: Int) -> String {
        "L'immagine misura \(thousands(width)) × \(thousands(height)) pixel: al massimo \(thousands(limit)) pixel in tutto"
            + " (per esempio \(thousands(Int(Double(limit).squareRoot()))) × \(thousands(Int(Double(limit).squareRoot()))))."
            + " Riducila e riprova."
    }
    public static let pictureMissing = "Scegli un file da caricare."
    public static let uploadPicture = "Carica immagine"
    public static let removePicture = "Rimuovi immagine"
    public static let pictureRemoved = "Immagine rimossa: al suo posto compare l'icona dell'utente."
    public static let pictureSaved = "Immagine salvata."
    public static let trustedDevices = "Dispositivi sicuri"
    public static let noTrustedDevices = "Nessun dispositivo sicuro: a ogni accesso ti chiederemo il codice inviato per email."
    public static let browser = "Browser"
    public static let addedOn = "Aggiunto il"
    public static let lastUsed = "Ultimo utilizzo"
    public static let remove = "Rimuovi"
    public static let deviceRemoved = "Dispositivo rimosso: da quel browser ti chiederemo di nuovo il codice."
    public static let deviceAlreadyRemoved = "Quel dispositivo non era più tra i dispositivi sicuri (è scaduto o è stato rimosso nel frattempo)."
    public static let thisDevice = "(questo browser)"
    public static let unknownBrowser = "Browser sconosciuto"
    public static func browserOnSystem(_ browser: String, _ system: String) -> String { "\(browser) su \(system)" }

    // MARK: Password recovery ("Password smarrita")
    public static let recoveryTitle = "Recupera password"
    public static let recoveryIntro =
        "Password smarrita? Indica l'indirizzo email con il quale sei registrato. Se l'indirizzo ha accesso al portale, riceverai un'email con la procedura per generare una nuova password."
    /// The manual's words («…email con la procedura per generare una nuova password»).
    public static let recoverySent =
        "Se l'indirizzo ha accesso al portale, riceverai a breve un'email con la procedura per generare una nuova password: un link che vale un'ora."
    public static let recoveryNewTitle = "Nuova password"
    public static let recoveryDone = "Password aggiornata: accedi con la nuova password."
    public static let setPassword = "Salva la nuova password"
    public static let backToLogin = "Torna al login"
    public static func recoveryMailSubject() -> String { "\(productName): scelta di una nuova password" }
    /// For an account that gets no new password (first access pending, deactivated).
    public static func recoveryRequestMailSubject() -> String { "\(productName): richiesta di recupero della password" }
    /// Asked for a deactivated operator's account: why no new password would let them in.
    public static var recoveryDeactivated: String {
        """
        Abbiamo ricevuto una richiesta di recupero della password del tuo account dell'assistenza, che però è stato disattivato: una nuova password non ti permetterebbe di accedere.

        Per informazioni rivolgiti al Responsabile dell'assistenza. Se non hai chiesto tu il recupero, ignora questa e-mail.

        \(mailSignature)
        """
    }

    /// To an address whose first access is still to be done: a new password would skip
    /// "Creazione Utente" (names, privacy), and revive an invitation withdrawn or expired.
    public static func recoveryFirstAccessPending(loginPage: String) -> String {
        """
        Abbiamo ricevuto una richiesta di recupero della password del tuo account, ma il tuo primo accesso non è ancora stato completato: non c'è una password da recuperare.

        Accedi con le credenziali provvisorie dell'e-mail di benvenuto:
        \(loginPage)

        Se l'e-mail si è persa o le credenziali sono scadute, chiedi all'amministratore della tua azienda di premere «Invia di nuovo» accanto al tuo indirizzo: riceverai nuove credenziali.

        Se non hai chiesto tu il recupero, ignora questa e-mail.

        \(mailSignature)
        """
    }
    public static func recoveryMailBody(link: String, page: String, code: String) -> String {
        """
        Abbiamo ricevuto una richiesta di recupero della password del tuo account.

        Per scegliere una nuova password apri questo link entro un'ora:
        \(link)

        Se il link non si apre correttamente, vai su \(page) e inserisci il codice di recupero:
        \(code)

        Il link e il codice possono essere usati una sola volta. Se non hai chiesto tu il recupero, \
        ignora questa email: la password attuale resta valida.

        \(mailSignature)
        """
    }

    // MARK: Dashboard
    public static let dashboardTitle = "Dashboard"
    public static let dashboardEmptyTitle = "Questa dashboard non ha ancora widget!"
    public static let dashboardEmptyHint = "Aggiungi i widget per monitorare la tua azienda"
    public static let dashboardAdd = "Aggiungi"

    // MARK: Errors
    public static let errorTitle = "Si è verificato un errore"
    public static let errorBadRequest = "La richiesta non è valida. Controlla i dati inviati e riprova."
    public static let errorNotFound = "La pagina richiesta non esiste o non è più disponibile."
    /// The same 404 to someone not signed in: an operator's bookmark of the desk after their
    /// session ended looked like "the desk is gone".
    public static let errorNotFoundSignedOut =
        "La pagina richiesta non esiste o non è più disponibile. Se stavi lavorando nel portale, il tuo collegamento è terminato: accedi di nuovo dalla pagina iniziale."
    public static let errorForbiddenCSRF =
        "Il modulo è scaduto o non è valido. Ricarica la pagina e riprova: i dati non sono stati salvati."
    /// One text for nginx's page and the handlers' (a search, a profile form, a ticket with
    /// files): it named only attachments, on forms that have none.
    public static let errorTooLarge =
        "I dati inviati superano la dimensione massima consentita e non sono arrivati al portale. Torna alla pagina precedente con il pulsante «Indietro» del browser e invia di nuovo con meno dati: un testo più breve o, se hai scelto degli allegati, senza i più grandi (al massimo 4 MB ciascuno; un'immagine del profilo al massimo 1 MB). Alcuni browser ripresentano il modulo vuoto: in quel caso il testo va inserito di nuovo."
    /// The same refusal for a script (the dashboard's API): no page, no «Indietro».
    public static let apiTooLarge = "La richiesta supera la dimensione massima consentita e non è stata salvata."
    /// /api/ asked for by a session that has no company (deactivated meanwhile, or not chosen).
    public static let apiNoCompany = "Questa sessione non ha un'azienda: scegli l'azienda e riprova."
    public static let errorMethod = "Operazione non consentita su questa pagina."
    public static let errorInternal =
        "Si è verificato un errore imprevisto. Riprova tra qualche istante; se il problema persiste contatta l'assistenza."
    /// The same after a form was sent: said to check it, not that it was kept (Firefox and
    /// WebKit show some forms empty again after «Indietro»; the ticket forms come back filled
    /// in by themselves, `SaveFault`).
    public static let errorInternalAfterForm =
        "Si è verificato un errore imprevisto: quanto inviato potrebbe non essere stato salvato. Torna alla pagina precedente con il pulsante «Indietro» del browser, controlla i dati e riprova tra qualche istante; se il problema persiste contatta l'assistenza."
    /// nginx's page when a handler did not answer: a form sent then may have been saved (a
    /// worker stopped past the timeout saves when it resumes), and one typed again was a second.
    public static let errorUnavailable =
        "Il servizio è momentaneamente non disponibile. Riprova tra qualche istante. Se stavi inviando un modulo, potrebbe essere stato salvato comunque: prima di inviarlo di nuovo controlla (per esempio nell'elenco dei ticket), e ricorda di scegliere di nuovo gli eventuali allegati."
    /// The storage refused a save (a full disk): the transaction was undone.
    public static let errorStorage =
        "Non è stato possibile salvare per un problema del server: quanto inviato non è stato salvato. Torna alla pagina precedente con il pulsante «Indietro» del browser e riprova più tardi; se il problema persiste contatta l'assistenza."
    /// The database stayed locked past its wait (another save held it): the save was undone.
    public static let errorBusy =
        "Il portale è momentaneamente occupato e non ha potuto salvare quanto inviato. Torna alla pagina precedente con il pulsante «Indietro» del browser e riprova tra qualche istante."
    public static let backToHome = "Torna alla pagina iniziale"

    // MARK: Roles and ticket vocabulary
    public static let roleAdministrator = "Amministratore"
    public static let roleTechnician = "Tecnico"
    public static let statusUnassigned = "Non assegnato"
    public static let statusWaiting = "In attesa"
    public static let statusPostponed = "Rinviato"
    /// As the issues write it, and as "In attesa" and "Non assegnato" (the manual's legend
    /// capitalises it once).
    public static let statusInDevelopment = "In sviluppo"
    public static let statusClosed = "Chiuso"
    public static let priorityLow = "Bassa"
    public static let priorityNormal = "Normale"
    public static let priorityHigh = "Alta"
    public static let priorityBlocking = "Bloccante"
    public static let requestTypeAssistance = "Richiesta assistenza"
    public static let requestTypeAppointment = "Richiesta appuntamento (a pagamento)"
    public static let areaAdministrative = "Richiesta su tematiche gestionali di tipo amministrativo"
    public static let areaManagement = "Richiesta su altre tematiche gestionali"
    public static let areaSystems = "Richiesta su tematiche di tipo sistemistico"
    public static let areaAdministrativeShort = "Amministrativa"
    public static let areaManagementShort = "Gestionale"
    public static let areaSystemsShort = "Sistemistica"
    public static let contactWeb = "Web"
    public static let contactPhone = "Telefono"

    // MARK: E-mails
    public static let mailSignature = "Il servizio di assistenza"
    public static func welcomeSubject() -> String { "Benvenuto su \(productName)" }
    /// `replacesEarlier`: credentials sent again; those of an earlier e-mail no longer work.
    /// The portal's address on a line of its own: in brackets, a program that finds links
    /// took the ")" into it and opened a login without the address filled in.
    /// `intro`: who made the account and as what, before the credentials (an operator's).
    public static func welcomeBody(
        portalURL: String, email: String, password: String, expiresOn: String, replacesEarlier: Bool = false,
        intro: String? = nil
    ) -> String {
        let replaced = replacesEarlier
            ? "Queste credenziali sostituiscono quelle di un'e-mail precedente, che non valgono più.\n\n" : ""
        let opening = intro.map { $0 + "\n\n" } ?? ""
        return """
        \(opening)L'utente è stato attivato, potrai accedere al portale utilizzando le credenziali qui sotto:

        \(portalURL)

        - Nome utente: \(email)
        - Password: \(password)

        \(replaced)La password è provvisoria e vale fino al \(expiresOn): al primo accesso ti chiederemo \
        i tuoi dati e una password personale.

        \(mailSignature)
        """
    }
    /// An operator's welcome: the role on the desk, and who added them (nil: a script).
    public static func operatorWelcomeIntro(role: String, by actor: String?) -> String {
        (actor.map { "\($0) ti ha aggiunto" } ?? "Sei stato aggiunto") + " al banco dell'assistenza di \(productName) con il ruolo \(role)."
    }
    public static func invitationSubject(company: String) -> String { "Invito a unirti a \(company)" }
    /// An operator who sent an invitation, as the e-mail names them.
    public static func supportInviter(_ name: String?) -> String {
        name.map { "\($0) del servizio di assistenza" } ?? "Il servizio di assistenza"
    }
    /// `inviter`: who sent it ("Mario Rossi (mario.rossi@azienda.it)"), nil for a script on
    /// the server; an invitation from a stranger's name is one a person can question.
    /// `firstAccess`: the address has not done its first access yet; someone who already uses
    /// the portal is not pointed to credentials they never received.
    public static func invitationBody(
        company: String, role: String, inviter: String?, expiresOn: String, portalURL: String, firstAccess: Bool
    ) -> String {
        let who = inviter.map { "\($0) ti ha invitato" } ?? "Sei stato invitato"
        let access = firstAccess
            ? "Per il primo accesso usa le credenziali provvisorie dell'e-mail «Benvenuto su \(productName)»: "
                + "dopo la pagina «Creazione Utente» troverai l'invito."
            : "Accedi con il tuo indirizzo e la password che usi già sul portale."
        return """
        \(who) a unirti all'azienda \(company) su \(productName), con il ruolo \(role).

        Accedi al portale (\(portalURL)) e accetta l'invito nella pagina «Scelta Tenant». \
        L'invito vale fino al \(expiresOn).

        \(access)

        \(mailSignature)
        """
    }
    public static func invitationRoleMailSubject(company: String) -> String { "Invito a unirti a \(company): ruolo cambiato" }
    public static func invitationRoleMailBody(company: String, by actor: String, role: String, portalURL: String) -> String {
        """
        \(actor) ha cambiato il ruolo del tuo invito a unirti all'azienda \(company): il ruolo ora è «\(role)».

        L'invito resta valido: accedi al portale (\(portalURL)) e accettalo nella pagina «Scelta Tenant».

        \(mailSignature)
        """
    }
    /// To an operator whose address a company's administrator invited: the administrator is
    /// answered as for any address (which ones are the support's is not theirs to learn).
    public static func invitationToOperatorSubject(company: String) -> String { "Invito di \(company) non utilizzabile" }
    public static func invitationToOperatorBody(company: String) -> String {
        """
        Un amministratore dell'azienda \(company) ha invitato questo indirizzo come utente \
        dell'azienda su \(productName).

        L'indirizzo è quello di un operatore dell'assistenza, che non può essere anche utente di \
        un'azienda cliente: l'invito non si può accettare e scadrà da solo. Non devi fare nulla; \
        se l'azienda vuole coinvolgerti in una richiesta, può aprirla dal portale.

        \(mailSignature)
        """
    }
}
