// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// What `portal-admin` says to the vendor's staff who run it: usage, help of each command and
/// option, results and refusals. The command words and option names (`tenant add`, `--vat`)
/// stay as scripts and the README write them; everything a person reads is Italian.
extension Text {
    public enum Console {
        // MARK: Usage
        /// The handlers, the mailer and the mail gate: `--help` prints this and exits 0, anything
        /// unknown prints it after why and exits 64 (a `--help` started a second live mailer).
        public static func handlerUsage(_ name: String) -> String {
            "uso: \(name) --socket PERCORSO [--workers N] [--threads N] [--socket-mode 660]\n"
                + "  avvia il gestore FastCGI sul socket PERCORSO con N processi di N thread ciascuno (4 e 8 se non indicati).\n"
        }
        public static let mailerUsage =
            "uso: portal-mailer [--once]\n  consegna le e-mail in coda ogni secondo fino a SIGTERM; con --once consegna quelle dovute, legge le risposte ed esce.\n"
        public static let mailGateUsage =
            "uso: portal-mailgate [--recipient INDIRIZZO] < messaggio.eml\n  aggiunge al suo ticket la risposta per e-mail letta dallo standard input.\n"
        public static func unknownArgument(_ argument: String) -> String { "argomento sconosciuto '\(argument)'" }
        public static let socketRequired = "--socket è obbligatorio"
        public static let workersRange = "--workers vuole un numero da 1 a 64"
        public static let threadsRange = "--threads vuole un numero da 1 a 256"
        public static let socketModeInvalid = "--socket-mode vuole un modo ottale come 660"
        public static let usage = "uso: portal-admin COMANDO [opzioni]\n\ncomandi:\n"
        public static func groupUsage(_ group: String) -> String { "uso: portal-admin \(group) COMANDO [opzioni]\n\ncomandi:\n" }
        public static func usageLine(_ synopsis: String) -> String { "uso: portal-admin \(synopsis)" }
        public static func unknownCommand(_ words: String) -> String { "comando sconosciuto '\(words)'" }
        public static let settings =
            "Le impostazioni vengono da PORTAL_CONFIG (un file CHIAVE=valore) e dalle variabili PORTAL_* (PORTAL_DB, PORTAL_PUBLIC_URL, …)."

        // MARK: Options
        public static func unexpectedArgument(_ key: String) -> String { "argomento inatteso '\(key)'" }
        public static func givenTwice(_ key: String) -> String { "\(key) è indicato due volte" }
        public static func needsValue(_ key: String) -> String { "\(key) vuole un valore" }
        public static func requiredOption(_ name: String) -> String { "--\(name) è obbligatorio" }
        public static func invalidVAT(_ text: String) -> String { "'\(text)' non è una P.IVA valida" }
        public static func invalidEmail(_ text: String) -> String { "'\(text)' non è un indirizzo e-mail valido" }

        // MARK: Database
        public static let migrateAbstract = "Crea il database se manca e applica le migrazioni in sospeso."
        public static func upToDate(_ path: String) -> String { "il database \(path) è aggiornato" }
        /// By name: applied in the order they were written, whose numbers are not in order
        /// (two sessions' "0012"), and the list read as shuffled.
        public static func applied(_ names: [String]) -> String { "migrazioni applicate: \(names.sorted().joined(separator: ", "))" }
        public static func cannotOpen(_ path: String) -> String {
            "impossibile aprire il database \(path): avvia portal-admin nella cartella del portale, o imposta PORTAL_VAR "
                + "(la cartella dei dati del portale) o PORTAL_DB; portal-admin migrate ne crea uno nuovo"
        }
        /// The attachments' folder cannot be written at a handler's start.
        public static func attachmentsFolderRefused(_ reason: String) -> String {
            "la cartella degli allegati (PORTAL_ATTACHMENTS_DIR) non è utilizzabile: \(reason)"
        }
        /// A database that misses migrations (a handler started on it, a command): which, in their order.
        public static func notMigrated(_ path: String, pending: [String]) -> String {
            "il database \(path) non è migrato (mancano: \(pending.sorted().joined(separator: ", "))): esegui portal-admin migrate"
        }
        public static func migratedByNewer(_ path: String, unknown: [String]) -> String {
            "il database \(path) è stato migrato da una versione più recente (sconosciute: \(unknown.joined(separator: ", "))); "
                + "usa la versione più recente o ripristina una copia"
        }

        // MARK: Companies, invitations, operators
        public static let tenantAddAbstract = "Aggiunge un'azienda (tenant); la cifra di controllo della P.IVA viene verificata."
        public static let tenantNameHelp = "il nome dell'azienda"
        public static let tenantVATHelp = "la sua P.IVA, con o senza il prefisso IT"
        public static func tenantAdded(id: Int64, name: String, vat: String) -> String { "azienda \(id): \(name) (P.IVA \(vat))" }
        public static let inviteAbstract = "Invita una persona in un'azienda; a un indirizzo nuovo arrivano anche le credenziali provvisorie."
        public static let inviteVATHelp = "la P.IVA dell'azienda"
        public static let inviteEmailHelp = "l'indirizzo e-mail della persona"
        public static let inviteRoleHelp = "il ruolo della persona in quell'azienda"
        public static func roleTakes(_ labels: [String]) -> String { "--role accetta \(labels.joined(separator: " o "))" }
        public static func noCompany(_ vat: String) -> String { "nessuna azienda con P.IVA \(vat)" }
        public static func invited(_ email: String, company: String, role: String, newAccount: Bool) -> String {
            "\(email) invitato in \(company) come \(role)"
                + (newAccount ? " (nuovo account: e-mail di benvenuto con le credenziali provvisorie in coda)" : "")
        }
        public static let operatorAddAbstract = "Aggiunge un operatore dell'assistenza; l'e-mail di benvenuto porta le credenziali provvisorie."
        public static let operatorEmailHelp = "l'indirizzo e-mail dell'operatore, dove arriva l'e-mail di benvenuto"
        public static let operatorNameHelp = "il nome e cognome dell'operatore"
        public static let operatorRoleHelp =
            "Operatore (lavora i ticket, il valore predefinito) o Responsabile (gestisce anche l'amministrazione del fornitore)"
        public static func notADeskRole(_ text: String) -> String { "'\(text)' non è un ruolo: Operatore o Responsabile" }
        public static func operatorAdded(_ email: String, role: String) -> String { "operatore \(email) aggiunto come \(role)" }

        // MARK: Mail
        public static let mailListAbstract = "Elenca le e-mail più recenti della coda d'uscita con il loro stato di consegna."
        public static func mailSent(_ date: String) -> String { "inviata \(date)" }
        public static func mailDropped(_ date: String) -> String { "non inviata: scartata da un ripristino \(date)" }
        public static func mailQueued(attempts: Int, lastError: String?) -> String {
            "in coda (tentativi \(attempts)\(lastError.map { ", ultimo errore: \($0)" } ?? ""))"
        }

        // MARK: Site
        public static let siteBuildAbstract = "Genera le pagine Markdown e i file di site/ nella cartella servita da nginx."
        public static let siteWatchAbstract =
            "Genera il sito, poi lo rigenera a ogni modifica di un file della cartella sorgente (Ctrl-C lo ferma)."
        public static let siteSourceHelp = "la cartella delle pagine Markdown e dei file (predefinita: PORTAL_SITE_SOURCE)"
        public static let siteOutHelp = "la cartella servita da nginx (predefinita: PORTAL_SITE_OUT)"
        public static func notSiteFolder(_ source: String, missing: [String]) -> String {
            "\(source) non è la cartella del sito del portale (manca \(missing.joined(separator: ", "))): "
                + "indica --source o PORTAL_SITE_SOURCE; il sito servito è rimasto com'era"
        }
        public static func watching(_ source: String, _ output: String) -> String { "osservo \(source) → \(output) (Ctrl-C per fermare)" }

        // MARK: Demo
        public static let demoAbstract = "Crea le aziende, gli utenti e i ticket dimostrativi (una volta sola) e stampa gli accessi."
        public static let demoCreated = "dati dimostrativi creati; accessi (e-mail, poi password):"
        public static let demoPresent = "dati dimostrativi già presenti; accessi (e-mail, poi password):"

        // MARK: Backup and restore
        public static let backupAbstract = "Scrive una copia coerente del database in uso (VACUUM INTO), poi ne verifica l'integrità."
        public static let backupToHelp = "il nuovo file in cui scrivere la copia (uno esistente è rifiutato), in una cartella che esiste"
        public static func backupExists(_ path: String) -> String {
            "\(path) esiste già: una copia si scrive in un file nuovo (un altro nome, o rimuovi quello)"
        }
        public static func noFolder(_ folder: String) -> String { "la cartella \(folder) non esiste: creala, o scrivi la copia altrove" }
        public static func backupWritten(_ path: String) -> String { "copia scritta in \(path) (integrità verificata)" }
        public static func attachmentsNotInCopy(_ folder: String) -> String {
            "gli allegati (\(folder)) sono file e non sono in questa copia: copia anche quella cartella, dopo il database "
                + "(rsync -a \(folder)/ DEST/; i suoi file non cambiano mai)"
        }
        public static let restoreAbstract =
            "Sostituisce il contenuto del database con quello di una copia; la posta che aveva in coda non viene inviata di nuovo."
        public static let restoreFromHelp = "una copia fatta con portal-admin backup; viene letta, mai modificata"
        public static let resendMailHelp = "invia anche le e-mail che la copia aveva in coda (altrimenti vengono scartate senza invio)"
        public static func restoreMissing(_ path: String) -> String { "\(path) non esiste: restore vuole un file scritto da portal-admin backup" }
        public static let restoreTakesBackup = " (restore vuole un file scritto da portal-admin backup)"
        public static let noQueuedMail = "nessuna e-mail era in coda"
        public static func queuedMailResent(_ count: Int) -> String {
            count == 1 ? "1 e-mail in coda verrà inviata" : "\(count) e-mail in coda verranno inviate"
        }
        public static func queuedMailDropped(_ count: Int) -> String {
            (count == 1 ? "1 e-mail in coda scartata" : "\(count) e-mail in coda scartate") + " senza invio (--resend-mail le invia)"
        }
        public static func restored(_ database: String, from source: String, mail: String) -> String {
            "\(database) ripristinato da \(source); \(mail)"
        }
        public static func filesMissing(_ count: Int, folder: String) -> String {
            "attenzione: \(count) file usati dai ticket e dai profili ripristinati non sono in \(folder): "
                + "ricopiali dalla copia di quella cartella (rsync -a COPIA/ \(folder)/)"
        }
        public static func cannotOpenBackup(_ path: String) -> String { "impossibile aprire la copia \(path)" }
        public static func notADatabase(_ path: String) -> String { "\(path) non è un database SQLite, né una copia di quello del portale" }
        public static func notABackup(_ path: String) -> String {
            "\(path) non è una copia del database del portale (non ha nessuna delle sue tabelle)"
        }
        public static func backupFromNewer(_ names: [String]) -> String {
            "la copia è stata fatta da una versione più recente (\(names.joined(separator: ", ")))"
        }
        public static let copyFailed = "la copia delle pagine del database non è riuscita"
        public static func integrityFailed(_ result: String) -> String { "il controllo d'integrità della copia non è riuscito: \(result)" }

        // MARK: Tickets
        public static let ticketNumberHelp = "il numero del ticket, come 1453 o #1453"
        public static let ticketNumberTakes = "--number vuole un numero di ticket come 1453"
        public static func notAnOperator(_ email: String) -> String { "\(email) non è un operatore (portal-admin operator add)" }
        public static func operatorDeactivated(_ email: String) -> String {
            "\(email) è disattivato (lo riattiva un Responsabile: Operatori, \"Riattiva\")"
        }
        public static let replyAbstract = "Aggiunge la risposta di un operatore a un ticket (prendendolo in carico) e avvisa il richiedente."
        public static let replyOperatorHelp = "l'operatore che risponde (vedi operator add)"
        public static let replyTextHelp = "la risposta, come la leggerà il richiedente"
        public static func replied(_ number: Int64) -> String { "risposta aggiunta al ticket #\(number)" }
        public static let statusAbstract = "Cambia lo stato di un ticket (assegnandolo a un operatore, se indicato) e avvisa il richiedente."
        public static let statusHelp = "il nuovo stato (va bene anche la sua etichetta italiana)"
        public static let statusOperatorHelp = "l'operatore a cui assegnare il ticket"
        public static func statusTakes(_ values: [String]) -> String { "--status accetta \(values.joined(separator: ", "))" }
        public static func statusChanged(_ number: Int64, _ label: String) -> String { "il ticket #\(number) ora è \(label)" }
        public static let unassignedWithOperator =
            "--status unassigned rimette il ticket in coda senza operatore: non si usa insieme a --operator"
        public static func nobodyGiveOne(_ status: String) -> String {
            "il ticket non ha un operatore: indica con --operator chi lo prende per metterlo «\(status)»"
        }
        public static func operatorGoneGiveOne(_ name: String) -> String {
            "l'operatore del ticket, \(name), è disattivato: indica con --operator chi lo prende (o --status unassigned)"
        }
        public static let listAbstract =
            "Elenca i ticket di tutte le aziende come \"Coda ticket\": prima gli urgenti e quelli non assegnati, poi l'attività più recente."
        public static let listStatusHelp = "quali ticket (predefinito: quelli aperti)"
        public static let listCompanyHelp = "parte del nome dell'azienda, o la sua P.IVA"
        public static let listSearchHelp = "parole del titolo o di un messaggio"
        public static let listPageHelp = "la pagina di 50 ticket (predefinita: 1)"
        public static func pageTakes(_ page: String) -> String { "--page vuole un numero intero da 1, non '\(page)'" }
        public static func listStatusTakes(_ values: [String]) -> String { "accetta \(values.joined(separator: ", "))" }
        public static let listCompanyTakes = "accetta il nome o la P.IVA di un'azienda, al massimo 100 caratteri"
        public static let listSearchTakes = "accetta parole con lettere o cifre, al massimo 200 caratteri"
        public static let listPageTakes = "accetta un numero intero da 1"
        public static func unreadable(_ refused: [String]) -> String { "valore non leggibile: " + refused.joined(separator: "; ") }
        public static func listed(_ shown: Int, of total: Int) -> String { "\(shown) di \(total) ticket" }
        public static let showAbstract = "Stampa i dati di un ticket e tutta la conversazione, note interne comprese."
        public static let assignAbstract = "Assegna un ticket a un operatore (un ticket che non aveva nessuno diventa \"In attesa\")."
        public static let assignOperatorHelp = "l'operatore che prende il ticket"
        public static func assigned(_ number: Int64, to name: String) -> String { "il ticket #\(number) è assegnato a \(name)" }

        // MARK: Settings (PORTAL_CONFIG)
        public static func configUnreadable(_ path: String) -> String { "impossibile leggere il file di configurazione \(path)" }
        public static let publicURLMissing =
            "PORTAL_PUBLIC_URL non è impostato: l'indirizzo usato dai browser (https://…) è nei link di ogni e-mail"
        public static func publicURLInvalid(_ url: String) -> String {
            "PORTAL_PUBLIC_URL deve essere l'indirizzo usato dai browser, che inizia con https:// o http:// (è \"\(url)\")"
        }
        public static func configLine(_ source: String, _ line: Int) -> String { "\(source):\(line): atteso CHIAVE=valore" }
    }
}
