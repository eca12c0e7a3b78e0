// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// The dashboard of the manual's chapter 1: widgets the user adds, places and sizes.
/// Strings with `{name}` placeholders are filled in by the dashboard script.
extension Text {
    // MARK: Toolbar and panel
    public static let dashboardRefresh = "Aggiorna"
    public static let dashboardEdit = "Modifica"
    public static let dashboardDone = "Fatto"
    public static let dashboardGrid = "Widget della dashboard"
    public static let dashboardAddWidget = "Aggiungi Widget"
    public static let dashboardSearchWidgets = "Ricerca widgets"
    public static let dashboardClosePanel = "Chiudi il pannello dei widget"
    public static let dashboardPanelHint =
        "Trascina un widget nella dashboard e scegline posizione e dimensioni, oppure premi «Aggiungi»."
    public static let dashboardAlreadyPlaced = "Già nella dashboard"
    public static let dashboardNoWidgetFound = "Nessun widget corrisponde alla ricerca."
    public static let dashboardNeedsScript =
        "Senza JavaScript i widget si aggiungono e si rimuovono con i pulsanti qui sotto e si dispongono da soli; per spostarli o ridimensionarli attiva JavaScript nel browser."
    public static let dashboardWidgetAdded = "Widget aggiunto alla dashboard."
    public static let dashboardWidgetRemoved = "Widget rimosso dalla dashboard."
    public static func dashboardNoRoom(_ widget: String) -> String {
        "Non c'è spazio per «\(widget)»: rimuovi un altro widget o rimpiccioliscilo (con JavaScript attivo)."
    }
    public static let dashboardEditingHint =
        "Trascina i widget per spostarli, l'angolo in basso a destra per ridimensionarli, oppure usa i pulsanti di ogni widget; poi premi «Fatto»."
    /// Said while editing on a narrow screen, where the widgets are stacked: a move to the
    /// left or a wider widget changed the saved layout and nothing on the screen.
    public static let dashboardNarrowHint =
        "Su questo schermo stretto i widget sono uno sotto l'altro, nell'ordine della disposizione (riga per riga): le colonne e le larghezze scelte si vedono su uno schermo più largo."

    // MARK: Widgets
    public static let widgetTicketList = "Elenco ticket"
    public static let widgetTicketListSummary = "I ticket dell'azienda, dal più recente, con priorità, stato e operatore."
    public static let widgetTicketStatus = "Stato Ticket"
    public static let widgetTicketStatusSummary = "Un grafico a torta dei ticket aperti e chiusi dell'azienda."
    public static let widgetNoTickets = companyHasNoTickets
    public static let widgetAllTickets = "Tutti i ticket"
    public static func widgetRecentTickets(_ shown: Int, of total: Int) -> String {
        shown == total ? "\(total) ticket" : "I \(shown) ticket più recenti su \(total)"
    }
    public static let widgetResizeHandle = "Ridimensiona: trascina l'angolo"
    public static func openTickets(_ count: Int64) -> String { "Aperto: \(count) Ticket" }
    public static func closedTickets(_ count: Int64) -> String { "Chiuso: \(count) Ticket" }
    public static func totalTickets(_ count: Int64) -> String { "Totale \(count) Ticket" }

    // MARK: Keyboard controls of a widget
    public static func widgetControls(_ widget: String) -> String { "Posizione e dimensioni di \(widget)" }
    public static let widgetMoveLeft = "Sposta a sinistra"
    public static let widgetMoveRight = "Sposta a destra"
    public static let widgetMoveUp = "Sposta in alto"
    public static let widgetMoveDown = "Sposta in basso"
    public static let widgetWider = "Aumenta la larghezza"
    public static let widgetNarrower = "Riduci la larghezza"
    public static let widgetTaller = "Aumenta l'altezza"
    public static let widgetShorter = "Riduci l'altezza"
    public static let widgetRemove = "Rimuovi il widget"
    /// A tool's name with its widget's, as the panel's «Aggiungi Elenco ticket»: two widgets'
    /// «Rimuovi» were one name twice on the page.
    public static func widgetTool(_ action: String, _ widget: String) -> String { "\(action) \(widget)" }
    public static let widgetRemoveShort = "Rimuovi"

    // MARK: What the script announces (aria-live) and shows
    public static let announceMoved = "{widget}: colonna {x}, riga {y}."
    public static let announceResized = "{widget}: {w} colonne per {h} righe."
    public static let announceAdded = "{widget} aggiunto alla dashboard: colonna {x}, riga {y}, {w} colonne per {h} righe."
    public static let announceRemoved = "{widget} rimosso dalla dashboard."
    public static let announceBlocked = "{widget}: non c'è spazio in quella direzione."
    public static let announceNoRoom = "Non c'è spazio per {widget}: rimpicciolisci o rimuovi un altro widget."
    public static let announceEditing = "Modifica della dashboard."
    public static let announceSaved = "Dashboard salvata."
    public static let announceRefreshed = "Dati aggiornati."
    public static let announceFailed = "Il portale non risponde: riprova tra poco."
    public static let announceFound = "{count} widget trovati."
    public static let announceFoundOne = "1 widget trovato."
    public static let announceFoundNone = "Nessun widget trovato."

    // MARK: Layout refused (400): the saved one stays
    public static func layoutTooManyWidgets(_ limit: Int) -> String {
        "La dashboard può contenere al massimo \(limit) widget: la disposizione non è stata salvata."
    }
    public static let layoutUnknownWidget = "La disposizione contiene un widget sconosciuto: non è stata salvata."
    public static func layoutRepeatedWidget(_ widget: String) -> String {
        "«\(widget)» compare due volte: ogni widget può stare una sola volta nella dashboard."
    }
    public static func layoutOutOfGrid(_ widget: String, _ columns: Int, _ rows: Int) -> String {
        "«\(widget)» esce dalla dashboard, che ha \(columns) colonne e \(rows) righe: la disposizione non è stata salvata."
    }
    public static func layoutTooSmall(_ widget: String, _ width: Int, _ height: Int) -> String {
        "«\(widget)» deve occupare almeno \(width) colonne per \(height) righe: la disposizione non è stata salvata."
    }
    public static func layoutOverlapping(_ first: String, _ second: String) -> String {
        "«\(first)» e «\(second)» si sovrappongono: la disposizione non è stata salvata."
    }
    public static let layoutMalformed = "La disposizione inviata non è leggibile: non è stata salvata."
    public static let layoutNotJSON = "La disposizione va inviata in formato JSON."
    public static let layoutTooLarge = "La disposizione inviata è troppo grande: non è stata salvata."
}
