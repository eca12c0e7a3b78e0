extension Migrations {
    /// A person's messages by author: correcting "Nome" or "Cognome" in the profile renames
    /// them on every message they wrote (`UserStore.setNames`), which without it read every
    /// message of every company, holding the single writer meanwhile.
    static let messagesByAuthor = Migration(
        name: "0028_messages_by_author",
        sql: """
            CREATE INDEX messages_by_author ON messages(author_id);
            """)
}
