// A catalogue, not logic (see Text.swift).
/// Access hardening: the brake on failed logins, "Sessioni attive", the recovery code and
/// the security e-mails.
extension Text {
    // MARK: Failed logins
    /// Shown instead of checking the password while this source must wait.
    public static func loginThrottled(seconds: Int64) -> String {
        let minutes = (seconds + 59) / 60
        let wait = seconds < 60 ? (seconds == 1 ? "1 secondo" : "\(seconds) secondi") : (minutes == 1 ? "1 minuto" : "\(minutes) minuti")
        return "Troppi tentativi non riusciti per questo indirizzo email da questa rete: riprova tra \(wait)."
    }

    // MARK: Sessioni attive (profile)
    public static let activeSessions = "Sessioni attive"
    public static let activeSessionsIntro =
        "I browser nei quali è aperto il tuo accesso. Se ne vedi uno che non riconosci, terminalo e cambia la password."
    /// Not «Browser»: «Dispositivi sicuri» above has that column, and a lookup of the column
    /// found both tables.
    public static let sessionBrowser = "Dispositivo"
    public static let sessionAddress = "Indirizzo"
    public static let sessionCompany = "Azienda"
    public static let sessionStarted = "Accesso il"
    public static let sessionLastActivity = "Ultima attività"
    public static let endSession = "Termina"
    public static func endSessionLabel(device: String, address: String, started: String, lastSeen: String) -> String {
        "Termina: \(device), \(address), accesso il \(started), ultima attività \(lastSeen)"
    }
    public static let endOtherSessions = "Termina tutte le altre"
    public static let thisSession = "(questa sessione)"
    public static let sessionEnded = "Sessione terminata: da quel browser servirà un nuovo accesso."
    public static let sessionAlreadyEnded = "Quella sessione era già terminata (è scaduta o è stata chiusa nel frattempo)."
    public static let otherSessionsEnded = "Le altre sessioni sono terminate: da quei browser servirà un nuovo accesso."
    public static let deskSession = "Assistenza"
    public static let sessionWithoutCompany = "Nessuna (scelta dell'azienda in corso)"

    // MARK: Recovery code (no JavaScript, or a link that lost its code)
    public static let recoveryCode = "Codice di recupero"
    public static let recoveryCodeHint = "Il codice di 12 caratteri che trovi nell'email di recupero."
    public static let recoveryCodeFromLink = "Il codice del link è già stato inserito."
    public static let recoveryCodeMissing =
        "Scrivi il codice di recupero che trovi nell'email (o apri il link dell'email in un browser con JavaScript attivo)."
    public static let recoveryCodeInvalid = "Il codice non è valido o è scaduto: controlla l'email o richiedi un nuovo link."
    /// Said as soon as the page opens from a link already used or expired (the page's script asks).
    public static let recoveryLinkClosed =
        "Questo link di recupero non è più valido: è già stato usato oppure è scaduto. Richiedi un nuovo link da «" + recoveryTitle + "» qui sotto."
    /// The same link sent from another browser at the same moment chose the password first.
    public static let recoveryLinkJustUsed =
        "Questo link è appena stato usato, da un'altra scheda o finestra, per scegliere la nuova password: accedi con quella, oppure richiedi un nuovo link."

    // MARK: Security e-mails
    /// The facts every security e-mail gives: when, from which browser, from which address.
    static func securityFacts(when: String, browser: String, address: String) -> String {
        """
        - Quando: \(when)
        - Browser: \(browser)
        - Indirizzo di rete: \(address)
        """
    }

    static func securityAdvice(portalURL: String) -> String {
        """
        Se non eri tu, scegli subito una nuova password da \(portalURL)/password/recupero \
        e controlla le sessioni attive e i dispositivi sicuri nel tuo profilo (\(portalURL)/profilo).
        """
    }

    public static func passwordChangedMailSubject() -> String { "\(productName): la tua password è stata cambiata" }
    public static func passwordChangedMailBody(when: String, browser: String, address: String, portalURL: String) -> String {
        """
        La password del tuo account è stata cambiata dal profilo.

        \(securityFacts(when: when, browser: browser, address: address))

        Tutte le sessioni sono state chiuse e i dispositivi sicuri rimossi. \(securityAdvice(portalURL: portalURL))

        \(mailSignature)
        """
    }

    public static func passwordResetMailSubject() -> String { "\(productName): la tua password è stata reimpostata" }
    public static func passwordResetMailBody(when: String, browser: String, address: String, portalURL: String) -> String {
        """
        La password del tuo account è stata reimpostata con un link di recupero.

        \(securityFacts(when: when, browser: browser, address: address))

        Tutte le sessioni sono state chiuse e i dispositivi sicuri rimossi. \(securityAdvice(portalURL: portalURL))

        \(mailSignature)
        """
    }

    public static func trustedDeviceMailSubject() -> String { "\(productName): nuovo dispositivo sicuro" }
    public static func trustedDeviceMailBody(when: String, browser: String, address: String, portalURL: String) -> String {
        """
        Un browser è stato aggiunto ai dispositivi sicuri del tuo account: da lì per 90 giorni \
        l'accesso non chiederà il codice inviato per email.

        \(securityFacts(when: when, browser: browser, address: address))

        \(securityAdvice(portalURL: portalURL))

        \(mailSignature)
        """
    }

    public static func newDeviceMailSubject() -> String { "\(productName): nuovo accesso al tuo account" }
    public static func newDeviceMailBody(when: String, browser: String, address: String, portalURL: String) -> String {
        """
        È stato effettuato un accesso al tuo account da un browser che non avevamo ancora visto.

        \(securityFacts(when: when, browser: browser, address: address))

        Se eri tu, non devi fare nulla. \(securityAdvice(portalURL: portalURL))

        \(mailSignature)
        """
    }

    public static func failedLoginsMailSubject() -> String { "\(productName): tentativi di accesso non riusciti" }
    public static func failedLoginsMailBody(count: Int, when: String, address: String, portalURL: String) -> String {
        """
        Negli ultimi 15 minuti ci sono stati \(count) tentativi di accesso non riusciti al tuo account \
        (password o codice errati), l'ultimo alle \(when) dall'indirizzo di rete \(address).

        Il tuo account non è bloccato: finché i tentativi continuano, a ogni accesso ti chiederemo \
        il codice inviato per email, anche da un dispositivo sicuro, così chi non legge la tua posta \
        non può entrare.

        Se eri tu, puoi ignorare questa email. Se non eri tu, ti consigliamo di scegliere una nuova \
        password da \(portalURL)/password/recupero.

        \(mailSignature)
        """
    }
}
