extension Migrations {
    /// The desk's counts per filter combination get a version row, moved by triggers with
    /// every change of a cell: a worker keeps the cells while it is unchanged
    /// (`DeskStore.filterCells`), where checking every commit of the database (sessions
    /// touched once a minute, replies that change no filter) dropped them every few requests
    /// and made each drop cost a read of every cell. The counts per status above the queue go:
    /// they are the cells' sums per status, and the table cost a write on every new ticket
    /// and change of status.
    static let deskCellsVersion = Migration(
        name: "0021_desk_cells_version",
        sql: """
            DROP TRIGGER tickets_insert_status_count;
            DROP TRIGGER tickets_update_status_count;
            DROP TRIGGER tickets_delete_status_count;
            DROP TABLE ticket_status_counts;

            CREATE TABLE ticket_filter_counts_version (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL
            ) STRICT;
            INSERT INTO ticket_filter_counts_version (id, version) VALUES (1, 0);
            CREATE TRIGGER ticket_filter_counts_insert_version AFTER INSERT ON ticket_filter_counts BEGIN
                UPDATE ticket_filter_counts_version SET version = version + 1;
            END;
            CREATE TRIGGER ticket_filter_counts_update_version AFTER UPDATE ON ticket_filter_counts BEGIN
                UPDATE ticket_filter_counts_version SET version = version + 1;
            END;
            CREATE TRIGGER ticket_filter_counts_delete_version AFTER DELETE ON ticket_filter_counts BEGIN
                UPDATE ticket_filter_counts_version SET version = version + 1;
            END;
            """)
}
