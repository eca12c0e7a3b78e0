// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// The Responsabile's pages on the desk: "Aziende", "Portale classico", "Operatori",
/// "Registro attività", and what users are told when a company or an operator is deactivated.
extension Text {
    // MARK: Menu and shared words
    public static let companiesTitle = "Aziende"
    public static let legacyRequestsTitle = "Portale classico"
    /// The public transition page is titled "Portale classico" too.
    public static let legacyRequestsWindowTitle = "Portale classico: richieste di accesso"
    /// The hidden heading of a company's facts on its desk page.
    public static let companyFactsTitle = "Dati dell'azienda"
    public static let operatorsTitle = "Operatori"
    public static let auditLogTitle = "Registro attività"
    public static let companyVATNumber = "Partita IVA"
    public static let active = "Attiva"
    public static func deactivatedOn(_ date: String) -> String { "Disattivata dal \(date)" }
    public static let statusColumn = "Stato"
    public static let actionsColumn = "Azioni"
    public static let createdOnColumn = "Creata il"
    /// A ticket's creation date in a table of tickets ("il ticket", masculine).
    public static let ticketCreatedOnColumn = "Creato il"

    // MARK: Aziende
    /// Issue 13's words («search by name or P.IVA»): a lookup by «P.IVA» found no field.
    public static let companySearch = "Nome o P.IVA"
    public static let companySearchButton = "Cerca"
    public static let newCompany = "Nuova azienda"
    public static let createCompany = "Crea azienda"
    public static let companyUsersColumn = "Utenti"
    public static let companyOpenTicketsColumn = "Ticket aperti"
    public static let noCompanies = "Nessuna azienda corrisponde alla ricerca."
    public static func companiesCount(_ count: Int) -> String { count == 1 ? "1 azienda" : "\(count) aziende" }
    public static let companyCreated = "Azienda creata. Ora puoi invitarne l'amministratore."
    public static let companyUsers = "Utenti dell'azienda"
    public static let noCompanyUsers = "L'azienda non ha ancora utenti."
    public static let companyInvitations = "Inviti in attesa"
    public static let companySuspendedInvitations = "Inviti sospesi"
    /// A deactivated company's name in "Coda ticket".
    public static func companyDeactivatedName(_ name: String) -> String { "\(name) (disattivata)" }
    public static let companySuspendedInvitationsHint =
        "Sospesi con la disattivazione dell'azienda: con «Riattiva» tornano in attesa, se non sono scaduti."
    public static let removeInvitation = "Rimuovi"
    public static let companyTickets = "Ticket dell'azienda"
    public static let noCompanyTickets = "L'azienda non ha ticket."
    public static let inviteAdministrator = "Invita amministratore"
    public static let inviteAdministratorIntro =
        "L'amministratore riceve due email: le credenziali provvisorie per il primo accesso e l'invito a entrare nell'azienda."
    /// Said also when the same press comes again, when nobody knows any more whether the
    /// address had an account before it.
    public static let administratorInvited =
        "Invito inviato: l'amministratore riceve l'invito per email e, se non ha ancora un account, anche le credenziali del primo accesso."
    public static let deactivateCompany = "Disattiva azienda"
    public static let reactivateCompany = "Riattiva"
    public static let deactivateCompanyHint =
        "Gli utenti dell'azienda non potranno più entrarvi; i suoi dati, utenti e ticket restano e «Riattiva» annulla la disattivazione."
    public static let reactivateCompanyHint =
        "Con «Riattiva» gli utenti dell'azienda possono di nuovo entrarvi, con i ruoli che avevano."
    public static let companyDeactivatedNotice = "Azienda disattivata: i suoi utenti non possono più entrarvi."
    public static let companyReactivatedNotice = "Azienda riattivata: i suoi utenti possono di nuovo entrarvi."
    public static let companyDeactivatedNoInvitation =
        "L'azienda è disattivata: riattivala prima di invitare qualcuno."
    public static let backToCompany = "Torna all'azienda"
    public static let emailOfOperator =
        "Questo indirizzo appartiene a un operatore dell'assistenza: indica l'indirizzo di una persona dell'azienda."
    public static let companyActivity = "Attività dell'azienda"

    // MARK: What a company's users are told
    public static let companyDeactivatedForUsers =
        "L'azienda è stata disattivata dal fornitore: non è possibile entrarvi. I dati restano conservati; per informazioni contatta l'assistenza."
    public static let companyDeactivatedBadge = "Azienda disattivata"
    public static let invitationRoleChangedMeanwhile =
        "Nel frattempo l'amministratore dell'azienda ha cambiato il ruolo dell'invito: l'invito non è stato accettato. Controlla il ruolo qui sotto e premi di nuovo «Accetta»."
    public static let invitationOfDeactivatedCompany =
        "L'invito non è più valido: l'azienda è stata disattivata dal fornitore del gestionale, e nessuno può entrarvi."
    /// "Invia di nuovo", "Rimuovi" or a role pressed on an invitation that a colleague removed,
    /// or that was accepted or expired, since the page was read.
    public static let invitationNotPending =
        "Quell'invito non è più in attesa: nel frattempo è stato rimosso, accettato oppure è scaduto."
    public static let invitationNoLongerValid =
        "L'invito non è più valido: è stato ritirato dall'amministratore dell'azienda oppure è scaduto. Per entrare chiedigli di invitarti di nuovo."

    // MARK: Portale classico
    public static let legacyRequestsIntro =
        "Le aziende che hanno chiesto l'accesso dalla pagina del portale classico e non hanno ancora nessun utente sul nuovo portale, dalla richiesta più recente."
    public static let legacyLastRequest = "Ultima richiesta"
    public static let legacyRequestCount = "Richieste"
    public static let legacyPendingInvitations = "Inviti in attesa"
    public static let noLegacyRequests = "Nessuna azienda in attesa: tutte quelle che hanno scritto hanno già un utente."

    // MARK: Operatori
    public static let inviteOperator = "Invita operatore"
    public static let operatorName = "Nome e cognome"
    public static let operatorRole = "Ruolo"
    public static func operatorRoleOf(_ name: String) -> String { "Ruolo di \(name)" }
    public static let deactivateOperator = "Disattiva"
    public static let reactivateOperator = "Riattiva"
    public static let operatorActive = "Attivo"
    public static func operatorDeactivatedOn(_ date: String) -> String { "Disattivato dal \(date)" }
    public static let operatorFirstAccessPending = "In attesa del primo accesso"
    public static let operatorNameInvalid = "Indica nome e cognome su una riga: da 1 a 200 caratteri stampabili, senza accenti sovrapposti."
    public static let operatorInvited = "Operatore invitato: riceverà per email le credenziali provvisorie."
    public static let operatorWelcomeResent =
        "Credenziali provvisorie inviate di nuovo: quelle dell'e-mail precedente non valgono più."
    public static let operatorRoleChanged = "Ruolo cambiato."
    /// On "Coda ticket", to a Responsabile who made themself Operatore.
    public static let ownRoleNowOperator =
        "Il tuo ruolo è ora Operatore: l'amministrazione (aziende, operatori, tempi di risposta, andamento) è dei Responsabili."
    public static func operatorRoleMailSubject() -> String { "\(productName): il tuo ruolo sul banco dell'assistenza è cambiato" }
    public static func operatorRoleMailBody(by actor: String, from: String, to: String, portalURL: String) -> String {
        """
        \(actor) ha cambiato il tuo ruolo sul banco dell'assistenza: il tuo ruolo ora è «\(to)» (prima era «\(from)»).

        Il cambio vale dalla prossima pagina che apri: \(portalURL)/desk/

        \(mailSignature)
        """
    }
    public static func operatorDeactivated(tickets: Int) -> String {
        "Operatore disattivato: le sue sessioni sono chiuse"
            + (tickets == 0 ? "." : tickets == 1 ? " e 1 ticket è tornato in coda." : " e \(tickets) ticket sono tornati in coda.")
    }
    public static func operatorReactivated(tickets: Int) -> String {
        "Operatore riattivato: può di nuovo accedere"
            + (tickets == 0 ? "." : tickets == 1
                ? " e 1 ticket tornato in coda con la disattivazione, e non toccato da allora, è di nuovo suo, con il suo stato."
                : " e \(tickets) ticket tornati in coda con la disattivazione, e non toccati da allora, sono di nuovo suoi, con il loro stato.")
    }
    public static func operatorReactivatedDetail(_ email: String, tickets: Int) -> String {
        "\(email), ticket restituiti: \(tickets)"
    }
    public static func operatorOpenTickets(_ count: Int) -> String {
        count == 1
            ? "1 ticket aperto: con «Disattiva» torna in coda come «Non assegnato» («Riattiva» glielo restituisce se nessuno lo tocca)."
            : "\(count) ticket aperti: con «Disattiva» tornano in coda come «Non assegnato» («Riattiva» glieli restituisce se nessuno li tocca)."
    }
    public static let operatorRoleHint =
        "Un Operatore lavora i ticket; un Responsabile gestisce anche aziende, operatori e registro attività."
    public static let lastManagerDemote =
        "Sei l'ultimo Responsabile attivo: nomina prima un altro Responsabile e attendi il suo primo accesso, poi potrai cambiare il tuo ruolo."
    public static let lastManagerDeactivate =
        "Sei l'ultimo Responsabile attivo: nomina prima un altro Responsabile e attendi il suo primo accesso, poi potrai disattivarti."
    public static let operatorDeactivatedLogin =
        "Il tuo utente dell'assistenza è stato disattivato: non puoi più accedere. Per informazioni rivolgiti al Responsabile dell'assistenza."
    public static func operatorDeactivatedDetail(_ email: String, tickets: Int) -> String {
        "\(email), ticket tornati in coda: \(tickets)"
    }

    // MARK: Registro attività
    public static let auditLogIntro = "Tutte le azioni registrate dal portale, dalla più recente: accessi, inviti, aziende, operatori."
    public static let auditCompanyFilter = "Azienda (nome o Partita IVA)"
    public static let auditDetail = "Dettaglio"
    /// "Chi" of a change made on the server with `portal-admin`, by nobody signed in.
    public static let auditByScript = "riga di comando (portal-admin)"
    public static let auditByVisitor = "visitatore (senza accesso)"
    /// Lines written by someone who had not signed in: the classic portal's P.IVA page.
    public static let auditVisitorEvents: Set<String> = ["legacy_vat_login"]

    /// Who a line of the trail names when it has no address: a visitor, or for the vendor the
    /// command line and for a company the support team (the same lines: `portal-admin`).
    public static func auditActor(_ email: String, event: String, forCustomers: Bool) -> String {
        if !email.isEmpty { return email }
        if auditVisitorEvents.contains(event) { return auditByVisitor }
        return forCustomers ? supportTeam : auditByScript
    }

    /// An operator in a company's trail: by name, never by address.
    public static func auditBySupport(_ name: String) -> String { "\(name) (\(supportTeam))" }

    /// The events of the vendor administration, beside the customers' (`auditEvents`).
    public static let vendorAuditEvents: [String: String] = [
        "tenant_deactivated": "Azienda disattivata", "tenant_reactivated": "Azienda riattivata",
        "operator_created": "Operatore invitato", "operator_role_changed": "Ruolo operatore cambiato",
        "operator_deactivated": "Operatore disattivato", "operator_reactivated": "Operatore riattivato",
        "ticket_operator_reply": "Risposta dell'assistenza", "ticket_note": "Nota interna",
        "operator_welcome_resent": "Credenziali operatore inviate di nuovo",
        "ticket_taken": "Ticket preso in carico", "ticket_assigned": "Ticket assegnato",
        "ticket_released": "Ticket rimesso in coda", "ticket_status": "Stato cambiato",
        "ticket_priority": "Priorità cambiata", "ticket_area": "Area cambiata", "ticket_type": "Tipologia cambiata",
    ]
}
