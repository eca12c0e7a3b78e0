extension Migrations {
    /// The company content stamp goes: the workers kept a ticket's thread, panel and record per
    /// company while its stamp was unchanged, and the many-company benchmark showed that almost
    /// no request found them kept (each request is another company's), while every ticket,
    /// message, file and membership written moved the stamp in the same transaction and every
    /// authenticated request read it with its session. Pages are made on every request now.
    static let noContentStamp = Migration(
        name: "0020_no_content_stamp",
        sql: """
            DROP TRIGGER tenants_insert_content;
            DROP TRIGGER tenants_update_content;
            DROP TRIGGER memberships_insert_content;
            DROP TRIGGER memberships_update_content;
            DROP TRIGGER memberships_delete_content;
            DROP TRIGGER tickets_insert_content;
            DROP TRIGGER tickets_update_content;
            DROP TRIGGER tickets_delete_content;
            DROP TRIGGER messages_insert_content;
            DROP TRIGGER messages_update_content;
            DROP TRIGGER messages_delete_content;
            DROP TRIGGER attachments_insert_content;
            DROP TRIGGER attachments_update_content;
            DROP TRIGGER attachments_delete_content;
            DROP TRIGGER users_update_content;
            DROP TABLE tenant_content;
            """)
}
