extension Migrations {
    /// A person's replies of the last hour are counted at every reply of theirs (the limit of
    /// `TicketService.customerReply`): a range of this index; `(author_id)` alone read the row
    /// of every message the person ever wrote. The status and panel lines a reply writes with
    /// it (kind 'event') are not counted. The name rectification's lookups by author use its
    /// first column as before.
    static let replyLimit = Migration(
        name: "0032_reply_limit",
        sql: """
            DROP INDEX messages_by_author;
            CREATE INDEX messages_by_author ON messages(author_id, kind, created_at);
            """)
}
