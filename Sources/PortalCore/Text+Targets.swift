// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// "Tempi di risposta" (the desk's response targets in working hours), the time left shown in
/// "Coda ticket", and the customer's "Risposta prevista entro".
extension Text {
    public static let responseTargetsTitle = "Tempi di risposta"
    public static let responseTargetsIntro =
        "Gli obiettivi valgono in ore lavorative, dall'apertura del ticket: la prima risposta finché un operatore non ha risposto, poi la risoluzione. Ogni modifica ricalcola le scadenze dei ticket aperti."
    public static let targetFirstAnswer = "Prima risposta"
    public static let targetResolution = "Risoluzione"
    public static let targetsLegend = "Obiettivi per priorità, in ore lavorative"
    public static let targetsHint = "Ore intere (8), ore e minuti (1:30) o ore con la virgola (1,5)."
    public static func targetField(_ kind: String, _ priority: String) -> String { "\(kind) – \(priority)" }
    public static let workingHours = "Orario di lavoro"
    public static let workingHoursHint =
        "Dal lunedì al venerdì, ora italiana. Più intervalli separati da virgole, ad esempio 09:00-13:00, 14:00-18:00."
    public static let holidaysAdded = "Festività aggiunte"
    public static let holidaysAddedHint =
        "Una data per riga: 24/12/2026 per un solo giorno, 29/06 per lo stesso giorno di ogni anno (ad esempio il santo patrono)."
    /// Not «Festività …» as its neighbour: a lookup by the label «Festività» found both.
    public static let holidaysRemoved = "Giorni festivi lavorati"
    public static let holidaysRemovedHint = "Una data per riga, come sopra: giorni festivi in cui l'assistenza lavora."
    public static let nationalHolidays =
        "Festività nazionali sempre escluse: 1 e 6 gennaio, Lunedì dell'Angelo (calcolato dalla Pasqua), 25 aprile, 1 maggio, 2 giugno, 15 agosto, 4 ottobre (dal 2026), 1 novembre, 8, 25 e 26 dicembre."
    public static let targetsSave = "Salva"
    public static let targetsSaved = "Tempi di risposta salvati: le scadenze dei ticket aperti sono state ricalcolate."
    public static let targetsRefused = "Correggi i campi indicati: non è stato salvato nulla."
    public static let targetsSavedMeanwhileRefused =
        "I Tempi di risposta sono stati salvati da un'altra pagina dopo che hai aperto questa: non è stato salvato nulla. Qui sotto ci sono i valori salvati nel frattempo, con le sole modifiche che hai fatto tu; correggi i campi indicati e premi di nuovo «Salva»."
    public static func targetsSavedMeanwhile(_ changes: [String]) -> String {
        "I Tempi di risposta sono stati salvati da un'altra pagina dopo che hai aperto questa: non è stato salvato nulla. "
            + "Qui sotto ci sono i valori salvati nel frattempo, con le sole modifiche che hai fatto tu; premi di nuovo «Salva» per applicare queste modifiche: "
            + changes.joined(separator: "; ") + "."
    }

    public static let targetRequired = "Indica il tempo in ore lavorative."
    public static let targetNotANumber = "Scrivi le ore lavorative come numero, ad esempio 8, 1:30 o 1,5."
    public static let targetZero = "Il tempo deve essere maggiore di zero."
    public static let targetAboveAYear = "Il tempo non può superare un anno (8760 ore)."
    public static let targetBeyondCalendar =
        "Con l'orario di lavoro indicato questo tempo non si raggiunge in vent'anni: riducilo o allarga l'orario."
    public static let targetResolutionBeforeAnswer = "La risoluzione non può richiedere meno tempo della prima risposta."
    public static let hoursRequired = "Indica almeno un intervallo, ad esempio 09:00-18:00."
    public static func hoursInvalid(_ part: String) -> String {
        "«\(part.quotable)» non è un intervallo di ore: scrivi ad esempio 09:00-13:00, 14:00-18:00."
    }
    public static func hoursBackwards(_ part: String) -> String { "«\(part.quotable)»: l'ora di fine deve venire dopo quella di inizio." }
    public static let hoursOverlap = "Gli intervalli si sovrappongono: ogni ora può stare in un solo intervallo."
    public static func holidaysInvalid(_ values: [String]) -> String {
        let quoted = values.prefix(10).map { "«" + String($0.quotable.prefix(40)) + "»" }
        let more = values.count > 10 ? " e altre \(values.count - 10)" : ""
        let subject = values.count == 1
            ? quoted[0] + " non è una data" : quoted.joined(separator: ", ") + more + " non sono date"
        return subject + ": scrivi ad esempio 24/12/2026, oppure 29/06 per ogni anno."
    }

    public static func holidaysNotNational(_ values: [String]) -> String {
        let quoted = values.prefix(10).map { "«" + $0 + "»" }
        let more = values.count > 10 ? " e altre \(values.count - 10)" : ""
        let subject = values.count == 1
            ? quoted[0] + " non è una festività nazionale" : quoted.joined(separator: ", ") + more + " non sono festività nazionali"
        return subject
            + ": qui vanno solo i giorni festivi in cui l'assistenza lavora (il Lunedì dell'Angelo con l'anno, ad esempio 06/04/2026); gli altri giorni sono già lavorativi."
    }

    // The audit trail
    public static let targetsAuditEvents: [String: String] = ["response_targets_changed": "Tempi di risposta modificati"]
    public static func auditTargetChanged(_ field: String, from: String, to: String) -> String { "\(field): \(from) → \(to)" }

    // "Coda ticket"
    public static let deskDue = "Scadenza"
    /// The tooltip of the column heading «Scadenza», a link that sorts the queue.
    public static let deskSortByDue = "Ordina per scadenza: la più vicina per prima"
    public static let deskSortByActivity = "Torna all'ordine della coda: «Bloccante» e «Non assegnato» per primi, poi l'attività più recente"
    public static let deskOrder = "Ordina per"
    public static let deskOrderActivity = "Priorità e attività"
    public static let deskOrderDue = "Scadenza"
    public static func dueLeft(_ duration: String) -> String { "mancano \(duration)" }
    public static func dueOverdue(_ duration: String) -> String { "scaduto da \(duration)" }
    /// Overdue by less than a working minute (on a weekend, since Friday's last hour): a bare
    /// «scaduto» read as a word missing its amount beside «scaduto da 3 h»; the amount is
    /// working time, as the column's every other, and said to be (a bare «0 min» on a Saturday
    /// read as a contradiction of the deadline shown under it, Friday's).
    public static let dueOverdueNow = "scaduto da 0 min lavorativi"
    /// "Rinviato": the clock stands still while the vendor waits for the customer.
    public static let duePaused = "ferma: si attende il cliente"
    public static func dueBy(_ date: String) -> String { "entro il \(date)" }

    // The customer's ticket page
    public static func expectedAnswer(_ date: String) -> String { "Risposta prevista entro \(date)" }
    public static func expectedAnswerLate(_ date: String) -> String {
        "Risposta prevista entro \(date): siamo in ritardo, un operatore ti risponderà il prima possibile."
    }
}

/// "Andamento": the desk's figures for a period, each chart with its table and its CSV file.
extension Text {
    public static let figuresTitle = "Andamento"
    /// The name of a table that scrolls sideways in a box the keyboard can focus (a figure's,
    /// the dashboard's list): apart from its section's, which a screen reader listed twice
    /// among the page's regions.
    public static func tableRegion(_ title: String) -> String { "Tabella: \(title)" }
    public static func chartRegion(_ title: String) -> String { "Grafico: \(title)" }
    public static let figuresIntro =
        "I grafici contano i ticket aperti nel periodo scelto (i chiusi per settimana anche se aperti prima). I tempi sono in ore lavorative, gli obiettivi quelli attuali di «Tempi di risposta»."
    public static let periodFrom = "Dal"
    public static let periodTo = "Al"
    public static let periodShow = "Mostra"
    public static let periodDateRequired = "Indica una data."
    public static let calendarFieldTooLong = "Al massimo 4.000 caratteri: togli le righe che non servono più."
    public static let periodDateInvalid = "Scrivi una data valida, ad esempio 30/11/2026."
    public static let periodBackwards = "La data «Al» viene prima di «Dal»."
    public static let periodTooLong = "Il periodo può durare al massimo due anni."
    public static func periodShown(_ from: String, _ to: String) -> String { "Dal \(from) al \(to)" }
    public static let downloadCSV = "Scarica CSV"

    public static let figuresWeeks = "Ticket aperti e chiusi per settimana"
    public static let figuresWeek = "Settimana dal"
    public static let figuresOpened = "Aperti"
    public static let figuresClosed = "Chiusi"
    public static func figuresWeeksDescription(opened: Int, closed: Int) -> String {
        "In tutto \(opened) ticket \(opened == 1 ? "aperto" : "aperti") e \(closed) \(closed == 1 ? "chiuso" : "chiusi") nel periodo; "
            + "per ogni settimana una barra degli aperti e una dei chiusi."
    }
    public static let figuresByStatus = "Ticket ancora aperti per stato"
    public static let figuresByArea = "Ticket ancora aperti per area"
    public static let figuresStillOpen = "Ticket aperti"
    public static func figuresOpenDescription(_ total: Int) -> String {
        (total == 1 ? "1 ticket aperto nel periodo non è ancora chiuso" : "\(total) ticket aperti nel periodo non sono ancora chiusi")
            + "; una barra per ciascun gruppo."
    }
    public static let figuresAnswerTimes = "Tempo di prima risposta per priorità"
    public static let figuresAnswered = "Ticket con risposta"
    public static let figuresMedian = "Mediana"
    public static let figuresPercentile90 = "90° percentile"
    public static let figuresMedianHours = "Mediana (ore lavorative)"
    public static let figuresPercentile90Hours = "90° percentile (ore lavorative)"
    public static let figuresAnswerTimesDescription =
        "Per ogni priorità, la mediana e il 90° percentile delle ore lavorative fino alla prima risposta di un operatore."
    public static let figuresShares = "Ticket entro l'obiettivo per priorità"
    public static let figuresShareFirstAnswer = "Prima risposta entro l'obiettivo (%)"
    public static let figuresShareResolution = "Risoluzione entro l'obiettivo (%)"
    public static let figuresCounted = "Ticket valutati"
    public static let figuresWithin = "Entro l'obiettivo"
    public static let figuresSharesDescription =
        "Per ogni priorità, la percentuale di ticket con la prima risposta e con la risoluzione entro l'obiettivo, fra quelli già risposti o risolti o già in ritardo."
    public static let figuresNoData = "–"
}
