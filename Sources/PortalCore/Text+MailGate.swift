// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// Answering by e-mail: the hint in ticket e-mails and the answers to refused messages.
extension Text {
    public static let mailReplyHintCustomer =
        "Puoi rispondere anche a questa e-mail, allegati compresi: quello che scrivi sopra il messaggio citato sarà aggiunto al ticket."
    public static let mailReplyHintDesk =
        "Rispondi a questa e-mail per rispondere al cliente; se la prima riga è «#nota» diventa una nota interna."

    /// Never the received subject: the sender is not verified, and the portal's own address
    /// carried anyone's words ("URGENTE: aggiorna la carta su …") to any address.
    public static let mailRefusedSubject = "Messaggio non accettato"
    /// `portal`: nil for a sender who can no longer write there (removed, company deactivated).
    /// `ticket`: the ticket it was refused for, when the sender may be told (`Refusal.namedTicket`).
    public static func mailRefusedBody(reason: String, ticket: Int64?, portal: String?) -> String {
        let portalLine = portal.map { "Puoi sempre scrivere dal portale: \($0)\n\n" } ?? ""
        let target = ticket.map { "al ticket #\($0)" } ?? "a nessun ticket"
        return """
            Il tuo messaggio non è stato aggiunto \(target): \(reason)

            \(portalLine)Questa è una risposta automatica (al massimo una all'ora per indirizzo): non rispondere.

            \(mailSignature)
            """
    }
    public static let mailRefusedNotAReply =
        "non risponde a un'e-mail di un ticket."
    public static let mailRefusedForged =
        "l'indirizzo a cui hai scritto non è valido. Rispondi all'e-mail del ticket senza cambiarne l'indirizzo."
    public static let mailRefusedWrongSender =
        "l'indirizzo a cui hai scritto appartiene a un'altra persona. Rispondi dall'indirizzo che ha ricevuto l'e-mail del ticket."
    public static let mailRefusedNotAnOperator =
        "l'indirizzo a cui hai scritto è quello dell'assistenza, da cui rispondono soltanto i suoi operatori."
    public static let mailRefusedOperatorDeactivated = "il tuo account di operatore è stato disattivato."
    public static let mailRefusedNotAMember = "il tuo account non fa parte dell'azienda di questo ticket."
    public static let mailRefusedCompanyDeactivated = "l'azienda di questo ticket è stata disattivata."
    public static let mailRefusedClosed =
        "il ticket è chiuso da più di 15 giorni e non può più essere riaperto: apri una nuova richiesta dal portale con questo numero come riferimento (il link qui sotto, se c'è, lo inserisce da solo)."
    /// The thread's words for a reply by e-mail that brought files and no text of its own.
    public static let mailFilesOnly = "(Allegati inviati per e-mail, senza testo.)"
    public static let mailRefusedEmpty = "non contiene testo nuovo oltre alla citazione dei messaggi precedenti."
    public static let mailRefusedTooLong =
        "il testo supera i 20.000 caratteri: accorcialo, oppure scrivilo dal portale allegando il resto come file."
    public static func mailRefusedTooLarge(megabytes: Int) -> String {
        "supera la dimensione massima di \(megabytes) MB (allegati compresi): invia gli allegati più grandi dal portale (al massimo 4 MB ciascuno)."
    }
    /// The file's own refusal ends «non è stato allegato», as on the portal's forms: the rest of
    /// the message was not added either, which the sentence after it says.
    public static func mailRefusedFile(_ reason: String) -> String {
        "un allegato non rispetta le regole del portale. \(reason) Nessuna parte del messaggio è stata aggiunta: rimandalo senza quel file."
    }
}
