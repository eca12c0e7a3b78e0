/// Refusals of the operations limits: the companies' storage quota, files kept too long
/// after a refused form, invitation limits.
extension Text {
    /// `adding`: what the refused files weigh. "esaurito (usati 5 MB su 6 MB)" was said of a
    /// company with 2 MB free (rounded up, and not full) that sent a 3 MB file.
    public static func storageQuotaExceeded(used: Int64, adding: Int64, quota: Int64) -> String {
        // Less than a tenth of a megabyte left reads "0,0 MB": that is full.
        guard quota - used >= 104_858 else {
            return "Lo spazio per gli allegati della tua azienda è esaurito (usati \(megabytes(quota)) MB su \(megabytes(quota)) MB): "
                + "i file non sono stati salvati. Invia il messaggio senza allegati o contatta l'assistenza."
        }
        return "I file scelti (\(tenthsOfMegabyte(adding, roundingUp: true)) MB) non entrano nello spazio per gli allegati della tua azienda: "
            + "ne restano \(tenthsOfMegabyte(quota - used)) MB su \(megabytes(quota)) MB. I file non sono stati salvati: "
            + "scegline di più piccoli o invia il messaggio senza allegati; per avere più spazio contatta l'assistenza."
    }

    /// Megabytes with one decimal, Italian style ("2,0"): what is left rounded down (never
    /// more than there is), what was sent rounded up (never reading as if it fitted).
    static func tenthsOfMegabyte(_ bytes: Int64, roundingUp: Bool = false) -> String {
        let tenths = (max(bytes, 0) * 10 + (roundingUp ? 1_048_575 : 0)) / 1_048_576
        return "\(tenths / 10),\(tenths % 10)"
    }

    public static func keptFileGone(_ name: String) -> String {
        "Il file «\(name)» scelto prima non è più disponibile: sceglilo di nuovo."
    }

    public static func invitationLimitForAddress(_ address: String, perHour: Int) -> String {
        perHour == 1
            ? "A \(address) è già stato inviato 1 invito nell'ultima ora: riprova più tardi."
            : "A \(address) sono già stati inviati \(perHour) inviti nell'ultima ora: riprova più tardi."
    }

    public static func invitationLimitForCompany(perDay: Int) -> String {
        "La tua azienda ha già inviato \(perDay == 1 ? "1 invito" : "\(perDay) inviti") nelle ultime 24 ore: riprova domani."
    }

    public static func ticketLimitForPerson(perHour: Int) -> String {
        "Hai già aperto \(perHour == 1 ? "1 richiesta" : "\(perHour) richieste") nell'ultima ora, il massimo: la richiesta non è stata inviata. "
            + "Il testo è ancora qui: inviala più tardi, o aggiungi queste informazioni a una richiesta già aperta."
    }

    /// `mayClose`: the ticket is open, and closing it (which the limit never holds back) is said.
    public static func replyLimitForPerson(perHour: Int, from time: String, mayClose: Bool) -> String {
        "Hai già scritto \(perHour == 1 ? "1 messaggio" : "\(perHour) messaggi") nell'ultima ora, il massimo: la risposta non è stata inviata. "
            + "Il testo è ancora qui: potrai inviarla dalle \(time)."
            + (mayClose ? " Puoi comunque chiudere il ticket con un messaggio." : "")
    }

    public static func deskReplyLimit(perHour: Int, from time: String) -> String {
        "Hai già inviato \(perHour) risposte ai clienti nell'ultima ora, il massimo: la risposta non è stata inviata. "
            + "Il testo è ancora qui: potrai inviarla dalle \(time). Le note interne si possono salvare."
    }

    public static func ticketLimitForCompany(perHour: Int) -> String {
        "La tua azienda ha già aperto \(perHour == 1 ? "1 richiesta" : "\(perHour) richieste") nell'ultima ora, il massimo: la richiesta non è stata inviata. "
            + "Il testo è ancora qui: inviala più tardi."
    }

    /// Rounded up, so that a nearly full quota never reads as its whole size.
    static func megabytes(_ bytes: Int64) -> String {
        let value = (bytes + 1_048_575) / 1_048_576
        return value >= 1000 ? "\(value / 1000).\(String(repeating: "0", count: 3 - String(value % 1000).count))\(value % 1000)" : "\(value)"
    }
}
