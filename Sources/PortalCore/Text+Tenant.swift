// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// Company administration, the manual's chapter 2 ("Gestione account").
extension Text {
    public static let tenantTitle = "Tenant"
    public static let tabTenant = "Tenant"
    public static let tabRoles = "Ruoli"
    public static let tabUsers = "Utenti"
    public static let tabInvited = "Utenti invitati"
    public static let tabActivity = "Attività"
    public static let tenantTabs = "Sezioni della gestione tenant"
    public static let generalData = "Generale"
    public static let readOnlyCompany = "I dati dell'azienda sono gestiti dal fornitore: per correggerli contatta l'assistenza."

    public static let rolesIntro = "I ruoli disponibili e che cosa permettono."
    public static let adminRoleWarning =
        "Il ruolo amministratore deve essere abilitato solo agli utenti che possono abilitare a loro volta altri utenti: può invitare, cambiare ruolo e rimuovere chiunque nell'azienda."
    public static let roleColumn = "Ruolo"
    public static let roleAdministratorDescription =
        "Tutto: ticket, dashboard, il proprio profilo e la gestione dell'azienda (inviti, ruoli, utenti, attività)."
    public static let roleTechnicianDescription = "Ticket, dashboard e il proprio profilo."
    /// What a role allows, said to the person who has it now (the role-change e-mail).
    public static let roleAdministratorAllows =
        "i ticket, la dashboard, il tuo profilo e la gestione dell'azienda (inviti, ruoli, utenti, attività)"
    public static let roleTechnicianAllows = "i ticket, la dashboard e il tuo profilo"
    public static let roleDescription = "Che cosa può fare"

    public static let enabledUsers = "Utenti abilitati"
    public static let activeSince = "Utente attivo dal"
    public static let changeRole = "Cambia ruolo"
    public static let removeUser = "Rimuovi utente"
    public static let you = "(tu)"
    public static let roleChanged = "Ruolo aggiornato."
    public static func roleChangedMailSubject(company: String) -> String { "Il tuo ruolo in \(company) è cambiato" }
    /// To the person whose role an administrator changed: what they may do now, and who to ask
    /// when they did not expect it (a change they are not told of is found only by a missing menu).
    public static func roleChangedMailBody(
        company: String, by actor: String, from: String, to: String, allows: String, portalURL: String
    ) -> String {
        """
        \(actor) ha cambiato il tuo ruolo nell'azienda \(company): il tuo ruolo ora è «\(to)» (prima era «\(from)»).

        Con il ruolo «\(to)» puoi usare \(allows).

        Se non te lo aspettavi, chiedi a un amministratore della tua azienda. Portale: \(portalURL)

        \(mailSignature)
        """
    }
    public static let roleUnchanged = "Nessuna modifica: l'utente aveva già il ruolo scelto."
    public static let userRemoved =
        "Utente rimosso dall'azienda: le sue sessioni sono state chiuse. I suoi ticket restano. Per 15 minuti puoi annullare con «Ripristina utente» in «Rimossi di recente»."
    public static let recentlyRemoved = "Rimossi di recente"
    public static func recentlyRemovedLink(_ count: Int) -> String {
        count == 1 ? "Rimossi di recente: 1 utente si può ripristinare" : "Rimossi di recente: \(count) utenti si possono ripristinare"
    }
    public static let nobodyRecentlyRemoved = "Nessun utente rimosso negli ultimi 15 minuti."
    public static let backToMembers = "Torna agli utenti abilitati"
    public static let memberGone = "Quell'utente non è più tra gli utenti abilitati: nel frattempo è stato rimosso."
    public static let recentlyRemovedHint =
        "Per 15 minuti dalla rimozione puoi riportare l'utente con il suo ruolo e la sua data di attivazione. Le sessioni chiuse e i dispositivi sicuri rimossi non tornano."
    public static let restoreUser = "Ripristina utente"
    public static let userRestored = "Utente ripristinato con il suo ruolo e la sua data di attivazione."
    public static let restoreTooLate =
        "Non è più possibile ripristinare l'utente: sono passati più di 15 minuti dalla rimozione. Invitalo di nuovo."
    public static let lastAdministrator =
        "L'azienda deve avere almeno un Amministratore: assegna prima il ruolo a un altro utente."

    public static let invitedUsers = "Utenti invitati"
    public static let inviteUser = "Invita utente"
    public static let invite = "Invita"
    public static let cancel = "Annulla"
    public static let invitedOn = "Invitato il"
    public static let expiresOn = "Scade il"
    public static let assignedRoles = "Ruoli assegnati"
    public static let removeInvitedUser = "Rimuovi utente invitato"
    public static let resendInvitation = "Invia di nuovo"
    public static let noInvitations = "Nessun invito in attesa."
    public static let invitationSentNotice = "Invito inviato."
    public static let invitationResent = "Invito inviato di nuovo."
    public static let invitationResentNewPassword =
        "Invito inviato di nuovo, con nuove credenziali provvisorie: quelle dell'e-mail precedente non valgono più."
    /// A company administrator's «Invia di nuovo»: the same words whether or not the address
    /// has an account, which they must not learn (issue 3).
    /// «Dispositivo sicuro rimosso» when the browsers went with something else: whose, how
    /// many and why.
    public static func devicesRemovedDetail(_ email: String, count: Int, because reason: String) -> String {
        "\(email): " + (count == 1 ? "1 dispositivo" : "\(count) dispositivi") + " (\(reason))"
    }
    public static let devicesRemovedWithRemoval = "utente rimosso dall'azienda"
    public static let devicesRemovedWithPasswordChange = "password cambiata"
    public static let devicesRemovedWithPasswordReset = "password reimpostata"
    public static let devicesRemovedWithDeactivation = "operatore disattivato"
    public static let invitationResentWithNewRole =
        "Invito inviato di nuovo con il ruolo scelto ora, che sostituisce quello dell'invito precedente. Se la persona non aveva ancora completato il primo accesso, l'e-mail porta nuove credenziali provvisorie: quelle dell'e-mail precedente non valgono più."
    public static let invitationResentEitherWay =
        "Invito inviato di nuovo. Se la persona non aveva ancora completato il primo accesso, l'e-mail porta nuove credenziali provvisorie: quelle dell'e-mail precedente non valgono più."
    public static let invitationRemoved = "Invito rimosso: non potrà più essere accettato."
    public static let invitationRoleChanged = "Ruolo salvato: l'utente lo avrà quando accetterà l'invito."
    public static let alreadyMember = "Questo indirizzo è già un utente dell'azienda."
    public static let companyNameInvalid = "La ragione sociale va indicata su una riga: da 1 a 200 caratteri stampabili, senza accenti sovrapposti."
    public static func companyExists(_ vat: String) -> String { "Esiste già un'azienda con Partita IVA \(vat)." }
    public static func accountExists(_ email: String) -> String { "Esiste già un utente con l'indirizzo \(email)." }
    public static func ticketNotFound(_ number: Int64) -> String { "Il ticket #\(number) non esiste." }
    /// The trail's word for a login whose "Email" was not an address.
    public static let auditNotAnAddress = "(non un indirizzo e-mail)"
    public static let tenantAdministratorsOnlyTitle = "Pagina riservata agli amministratori"
    /// An operator, signed in, at an address of the customers' pages (a bookmark, the
    /// customers' manual): the page's words were those of an ended session.
    public static let customerPageForOperatorsTitle = "Pagina delle aziende clienti"
    public static let customerPageForOperators =
        "Questa pagina è delle aziende clienti e non esiste per l'assistenza: le loro richieste sono nella «Coda ticket»."
    /// `sent`: a form was pressed (its administrator demoted while the page was open), not a
    /// page opened.
    public static func tenantAdministratorsOnly(_ role: String, sent: Bool) -> String {
        "Questa pagina è riservata agli amministratori dell'azienda, e il tuo ruolo è «\(role)»"
            + (sent ? ": se fino a poco fa eri amministratore, il ruolo è stato cambiato e l'operazione non è stata eseguita." : ".")
    }

    public static let activityIntro =
        "Accessi, inviti, ruoli, dispositivi e ticket dell'azienda, dal più recente. Scelto un utente, vedi ciò che ha fatto e i cambi che lo riguardano (il suo invito, il suo ruolo)."
    public static let activityWhen = "Data e ora"
    public static let activityWho = "Utente"
    public static let activityWhat = "Evento"
    public static let activityFrom = "Indirizzo IP"
    public static let activityUser = "Utente"
    public static let activityAllUsers = "Tutti gli utenti"
    public static let activityFormerMembers = "Non più nell'azienda"
    public static let activityFilter = "Filtra"
    public static let noActivity = "Nessun evento per i filtri scelti."

    /// An administrator who made themselves "Tecnico" (the dashboard says it was done).
    public static let ownRoleGivenUp =
        "Il tuo ruolo ora è «Tecnico»: la gestione dell'azienda resta agli altri amministratori, che possono ridartela."
    /// A form sent by someone just removed from their only company: it could never come back.
    /// An operator whose account a Responsabile deactivated while a desk form was open.
    public static let operatorDeactivatedForm =
        "Il tuo account dell'assistenza è stato disattivato: il modulo che stavi inviando non è stato salvato. Per informazioni rivolgiti al Responsabile dell'assistenza."
    public static let formNotKeptRemoved =
        "Non sei più un utente di nessuna azienda del portale: il modulo che stavi inviando non è stato salvato. Per rientrare chiedi all'amministratore della tua azienda «Ripristina utente» o un nuovo invito."
    /// Someone whose session an administrator's "Rimuovi utente" ended: «La sessione è scaduta»
    /// told them nothing of why.
    public static let removedByAdministrator =
        "Un amministratore ti ha rimosso dall'azienda per cui stavi lavorando, e la sessione è terminata. Se fai parte di altre aziende, accedi di nuovo e scegline una; per rientrare in questa chiedi all'amministratore «Ripristina utente» o un nuovo invito."
    /// The same, to a form sent after the removal: it is not kept.
    public static let removedByAdministratorForm =
        removedByAdministrator + " Il modulo che stavi inviando non è stato salvato."
    /// An administrator who removed themselves (the login says it was done).
    public static let removedYourself =
        "Ti sei rimosso dall'azienda: per rientrare chiedi a un altro amministratore «Ripristina utente» o un nuovo invito."

    /// Audit event codes as people read them.
    public static let auditEvents: [String: String] = [
        "login_ok": "Accesso riuscito", "login_failed": "Accesso non riuscito", "login_password_ok": "Password corretta",
        "login_refused": "Accesso rifiutato", "logout": "Uscita",
        "login_abandoned": "Accesso interrotto con «Esci»", "code_sent": "Codice inviato",
        "code_failed": "Codice errato", "code_ok": "Codice corretto", "code_refused": "Troppi codici richiesti",
        "device_trusted": "Dispositivo sicuro aggiunto", "device_removed": "Dispositivo sicuro rimosso",
        "password_changed": "Password cambiata", "password_reset": "Password reimpostata",
        "password_change_failed": "Password attuale errata",
        "password_reset_requested": "Recupero password richiesto", "invitation_sent": "Invito inviato",
        "invitation_resent": "Invito inviato di nuovo", "invitation_accepted": "Invito accettato",
        "invitation_cancelled": "Invito rimosso",
        "invitation_suspended": "Invito sospeso (azienda disattivata)", "invitation_restored": "Invito di nuovo valido (azienda riattivata)", "invitation_role_changed": "Ruolo dell'invito cambiato", "role_changed": "Ruolo cambiato", "member_removed": "Utente rimosso", "member_restored": "Utente ripristinato",
        "company_switched": "Cambio azienda", "tenant_created": "Azienda creata", "first_access_completed": "Primo accesso completato",
        "ticket_created": "Ticket creato", "ticket_reply": "Risposta a un ticket", "ticket_closed": "Ticket chiuso",
        "ticket_updated": "Ticket modificato", "login_new_device": "Accesso da un nuovo browser",
        "session_ended": "Sessione terminata", "sessions_ended": "Altre sessioni terminate",
        "legacy_vat_login": "Accesso al portale classico",
    ].merging(vendorAuditEvents) { customer, _ in customer }.merging(targetsAuditEvents) { earlier, _ in earlier }
}
