/// Every string a person reads in the portal, in Italian, in one place. Labels follow the
/// manual of the portal we replace, so that its users find the same words.
public enum Text {
    // MARK: Product and layout
    public static let productName = "Customer Portal"
    public static let skipToContent = "Vai al contenuto"
    public static let toggleMenu = "Mostra o nascondi il menu"
    public static let mainMenu = "Menu principale"
    public static let menuDashboard = "Dashboard"
    public static let menuTenantAdministration = "Gestione Tenant"
    public static let menuTenant = "Tenant"
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
    public static let footerNote = "Assistenza ai clienti diretti del software gestionale"

    // MARK: Login
    public static let loginTitle = "Login"
    public static let email = "Email"
    public static let password = "Password"
    public static let rememberMe = "Ricordami"
    public static let signIn = "Accedi"
    public static let forgotPasswordPrefix = "Hai dimenticata la password?"
    public static let forgotPasswordLink = "clicca qui"
    public static let loginFailed = "Email o password non corretti."
    public static let loginThrottled = "Troppi tentativi non riusciti: attendi qualche secondo e riprova."
    public static let fieldRequired = "Campo obbligatorio."
    public static let emailInvalid = "Indirizzo email non valido."
    public static let loggedOut = "Sei uscito dal portale."
    public static let sessionExpired = "La sessione è scaduta: accedi di nuovo."
    public static let provisionalExpired =
        "Le credenziali provvisorie sono scadute: chiedi all'amministratore della tua azienda un nuovo invito."
    public static let noCompany =
        "Il tuo utente non è ancora abilitato su nessuna azienda: chiedi un invito all'amministratore della tua azienda."

    // MARK: Dashboard
    public static let dashboardTitle = "Dashboard"
    public static let dashboardEmptyTitle = "Questa dashboard non ha ancora widget!"
    public static let dashboardEmptyHint = "Aggiungi i widget per monitorare la tua azienda"
    public static let dashboardAdd = "Aggiungi"

    // MARK: Errors
    public static let errorTitle = "Si è verificato un errore"
    public static let errorBadRequest = "La richiesta non è valida. Controlla i dati inviati e riprova."
    public static let errorNotFound = "La pagina richiesta non esiste o non è più disponibile."
    public static let errorForbiddenCSRF =
        "Il modulo è scaduto o non è valido. Ricarica la pagina e riprova: i dati non sono stati salvati."
    public static let errorTooLarge = "I dati inviati superano la dimensione massima consentita."
    public static let errorMethod = "Operazione non consentita su questa pagina."
    public static let errorInternal =
        "Si è verificato un errore imprevisto. Riprova tra qualche istante; se il problema persiste contatta l'assistenza."
    public static let errorUnavailable = "Il servizio è momentaneamente non disponibile. Riprova tra qualche istante."
    public static let backToHome = "Torna alla pagina iniziale"

    // MARK: Roles and ticket vocabulary
    public static let roleAdministrator = "Amministratore"
    public static let roleTechnician = "Tecnico"
    public static let statusUnassigned = "Non assegnato"
    public static let statusWaiting = "In attesa"
    public static let statusPostponed = "Rinviato"
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
    public static let mailSignature = "Il team di assistenza"
    public static func welcomeSubject() -> String { "Benvenuto su \(productName)" }
    public static func welcomeBody(portalURL: String, email: String, password: String, expiresOn: String) -> String {
        """
        L'utente è stato attivato, potrai accedere al portale (\(portalURL)) utilizzando le credenziali:

        - Nome utente: \(email)
        - Password: \(password)

        La password è provvisoria e vale fino al \(expiresOn): al primo accesso ti chiederemo \
        i tuoi dati e una password personale.

        \(mailSignature)
        """
    }
    public static func invitationSubject(company: String) -> String { "Invito a unirti a \(company)" }
    public static func invitationBody(company: String, portalURL: String) -> String {
        """
        Sei stato invitato a unirti all'azienda \(company) sul \(productName).

        Accedi al portale (\(portalURL)) e accetta l'invito nella pagina "Scelta Tenant".

        \(mailSignature)
        """
    }
}
