// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// What the site's build says to the people who edit `site/` (`portal-admin site build` and
/// `site watch`, `make run`): its summary and each refusal, with the file and line it names.
extension Text {
    public enum SiteBuild {
        // MARK: Steps and summary
        public static let stepLoad = "lettura"
        public static let stepFrontMatter = "intestazione"
        public static let stepLinks = "collegamenti"
        public static let stepAssets = "file del sito"
        public static let stepServiceWorker = "service worker"
        public static let stepWrite = "scrittura"
        public static func failed(step: String, at place: String, _ message: String) -> String {
            "generazione del sito non riuscita (\(step)): \(place): \(message)"
        }
        public static func built(pages: Int, assets: Int, milliseconds: Int) -> String {
            "sito generato: \(pages) pagine, \(assets) file in \(milliseconds) ms"
        }

        // MARK: Front matter ("---" block)
        public static let frontMatterMissing = "la pagina deve iniziare con un blocco di intestazione tra due righe '---'"
        public static let frontMatterOpen = "l'intestazione non è chiusa da una riga '---'"
        public static let frontMatterLine = "attesa una riga 'chiave: valore'"
        public static func unknownKey(_ key: String) -> String { "chiave sconosciuta '\(key)'" }
        public static func keyTwice(_ key: String) -> String { "'\(key)' è indicata due volte" }
        public static let titleRequired = "'title' è obbligatorio"
        public static let orderNotNumber = "'order' deve essere un numero intero"
        public static let sectionInIndex =
            "'section' dà il nome al gruppo di una cartella nel menu laterale: scrivilo nell'index.md della cartella"
        public static func titleTaken(_ title: String, by other: String) -> String {
            "il titolo '\(title)' è anche quello di \(other), nello stesso gruppo del menu laterale: dai a una delle due un altro titolo"
        }

        // MARK: Pages and folders
        public static func folderWithoutIndex(_ folder: String) -> String {
            "la sua cartella \(folder)/ non ha un index.md: una cartella di pagine è una sezione del menu laterale, "
                + "e il suo index.md le dà il nome (title, o section:) e la posizione (order)"
        }
        public static func addressOfPortal(_ address: String, prefix: String) -> String {
            "il suo indirizzo \(address) appartiene al portale (\(prefix)…), che risponderebbe 404: rinomina la pagina"
        }
        public static func pathTaken(_ path: String) -> String {
            "la sua pagina \(path) è un file che la generazione crea da sé o un file del sito: rinomina la pagina"
        }
        public static func unknownPlaceholder(_ written: String) -> String {
            "segnaposto sconosciuto \(written): il sito conosce {{ prodotto }}, {{ fornitore }}, "
                + "{{ recapiti }} e {{ titolare }}, e {{ tabella FILE.csv }} su una riga a sé"
        }
        public static let htmlNotAllowed =
            "l'HTML non è ammesso nelle pagine (verrebbe tolto): scrivilo in Markdown, o tra `apici inversi` per mostrarlo"
        public static let sourceMissing = "cartella sorgente non trovata"
        public static let linkOutside = "un collegamento a un file fuori dalla cartella del sito"
        public static let markdownSuffix = "il nome di una pagina termina in .md (minuscolo): rinominala"
        public static let outputInsideSource = "la cartella di destinazione non deve stare dentro i sorgenti del sito"
        public static let notUTF8 = "non è leggibile come UTF-8"
        public static let unreadable = "non leggibile"
        public static let logoUnreadable = "PORTAL_LOGO non leggibile"
        public static func templateLacks(_ placeholder: String) -> String { "al modello manca \(placeholder)" }
        public static let folderInTheWay = "c'è una cartella con lo stesso nome"

        // MARK: Tables ({{ tabella FILE.csv }})
        public static let tableLineAlone = "la riga di una tabella deve stare da sola, con una riga vuota prima e dopo"
        public static func tableNotCSV(_ name: String) -> String { "una tabella deve essere un file .csv dentro la cartella del sito: \(name)" }
        public static func tableMissing(_ name: String) -> String { "file della tabella non trovato: \(name)" }
        public static func tableEmpty(_ name: String) -> String { "\(name) è vuoto" }
        public static func tableCells(_ name: String, line: Int, cells: Int, headings: Int) -> String {
            "\(name), riga \(line): \(cells) celle, le intestazioni sono \(headings)"
        }

        // MARK: Links and images
        public static func imageWithoutText(_ url: String) -> String {
            "immagine senza testo alternativo: \(url) (scrivilo tra le parentesi quadre: ![Login](\(url)))"
        }
        public static func missingHeading(_ url: String) -> String { "collegamento a un titolo che non esiste: \(url)" }
        public static func missingHeading(_ url: String, in page: String) -> String {
            "collegamento a un titolo che non esiste: \(url) (\(page) non ha un titolo con quell'ancora)"
        }
        public static func remoteImage(_ url: String) -> String {
            "immagine da un altro sito: \(url) (copiala nella cartella del sito e collega il file)"
        }
        public static func absoluteLink(_ url: String) -> String {
            "collegamento assoluto a una pagina: \(url) (scrivilo relativo a questa pagina, per esempio ../manuale/accesso.md)"
        }
        public static func missingTarget(_ url: String) -> String { "collegamento a una pagina o a un file che non esiste: \(url)" }
        public static func missingFile(_ url: String) -> String { "collegamento a un file che non esiste: \(url)" }
        public static func missingImage(_ url: String) -> String { "immagine da un file che non esiste: \(url)" }
        public static func unpublishedScheme(_ url: String) -> String {
            "collegamento di un tipo che il sito non pubblica: \(url) (scrivi https://…, mailto: o tel:, o una pagina del sito)"
        }
        public static func linkToBuiltPage(_ url: String, write: String) -> String {
            "collegamento a \(url): scrivi il nome del sorgente della pagina, \(write)"
        }
        public static func fenceNotClosed(_ fence: String) -> String {
            "blocco di codice aperto qui (\(fence)) e mai chiuso: il resto della pagina sarebbe pubblicato come codice; chiudilo con una riga \(fence)"
        }
        public static func tableSeparator(columns: Int, separators: Int) -> String {
            "la riga di separazione della tabella ha \(separators) colonne, l'intestazione \(columns): la tabella sarebbe pubblicata come testo; scrivi lo stesso numero di colonne"
        }
        public static func tableRowTooLong(cells: Int, columns: Int) -> String {
            "questa riga della tabella ha \(cells) celle, l'intestazione \(columns) colonne: le celle in più andrebbero perse; aggiungi le colonne all'intestazione o togli le celle"
        }
        public static func fileNotPublished(_ path: String) -> String {
            "un file di questo tipo non si pubblica (il sito pubblica pagine .md, immagini, PDF, CSV, CSS, JavaScript e font); toglilo dalla cartella del sito, o aggiungi ~ alla fine del nome per tenerlo come bozza non pubblicata"
        }
        public static let levelOneHeading =
            "titolo di primo livello (#): il titolo della pagina viene dal front matter (title:); per le sezioni usa ## e ###"
        public static func pageWithoutSuffix(_ url: String, write: String) -> String {
            "collegamento a \(url), che non esiste: la pagina è \(write)"
        }
        public static func portalLinkMissing(_ url: String, problem: String) -> String {
            "il portale collega \(url) dai menu, dal piè di pagina o dalle sue pagine, e qui non c'è più (\(problem)): ripristina la pagina o il titolo con quel nome"
        }
        public static func linkToFolder(_ url: String, write: String) -> String {
            "collegamento alla cartella \(url): scrivi la sua pagina, \(write)"
        }
    }
}
