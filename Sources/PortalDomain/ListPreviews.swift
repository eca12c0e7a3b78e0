import PortalMarkdown
import PortalStore

/// The list's preview of tickets opened before it passed over a greeting alone on its line
/// (`MessageText.firstLine`): recomputed once, by `portal-admin migrate`, for the tickets
/// whose stored first line is such a greeting. SQL cannot read Markdown, so this is no
/// migration of its own; a row in `settings` says it was done, in the same transaction.
public enum ListPreviews {
    static let doneMarker = "list_previews_greetings_v2"

    /// Returns how many previews changed; 0 when done before.
    @discardableResult
    public static func passOverGreetings(_ database: Database) throws -> Int {
        try database.write { _ in
            guard try SettingsStore(database).value(doneMarker) == nil else { return 0 }
            // A greeting is short: only short first lines are looked at, and only a greeting's
            // ticket has its description (its first message) read.
            let candidates = try database.query("SELECT id, first_line FROM tickets WHERE length(first_line) <= 60")
            var changed = 0
            for row in candidates where MessageText.isGreeting(Substring(row.string("first_line"))) {
                let id = row.int("id")
                guard let body = try database.queryOne(
                    "SELECT body FROM messages WHERE ticket_id = ? AND kind = 'reply' ORDER BY id LIMIT 1", [id])?.string("body")
                else { continue }
                let line = MessageText.firstLine(body)
                guard line != row.string("first_line") else { continue }
                try database.run("UPDATE tickets SET first_line = ? WHERE id = ?", [line, id])
                changed += 1
            }
            try database.run("INSERT INTO settings (name, value) VALUES (?, ?)", [doneMarker, [UInt8(1)]])
            return changed
        }
    }
}
