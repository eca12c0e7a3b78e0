import PortalCore

/// One combination of the queue's filter values and how many tickets have it, as the
/// triggers keep them in `ticket_filter_counts` (migration 0015).
struct FilterCell {
    let status: TicketStatus
    let priority: Priority
    let area: RequestArea
    let type: RequestType
    /// 0: nobody's.
    let operatorID: Int64
    let tickets: Int

    /// `DeskStore.firstInOrder` of its tickets.
    var isFirstInOrder: Bool { status != .closed && (priority == .blocking || status == .unassigned) }
}

/// The cells with tickets, and their sums per status (the counts above the queue).
struct FilterCells {
    let cells: [FilterCell]
    let byStatus: [TicketStatus: Int64]

    init(_ cells: [FilterCell]) {
        self.cells = cells
        // Summed by position: a dictionary keyed by the status hashes its name per cell.
        var sums = [Int64](repeating: 0, count: TicketStatus.allCases.count)
        for cell in cells { sums[TicketStatus.allCases.firstIndex(of: cell.status)!] += Int64(cell.tickets) }
        byStatus = Dictionary(uniqueKeysWithValues: zip(TicketStatus.allCases, sums))
    }
}

extension DeskStore {
    /// Kept while the cells' version row (migration 0021) is unchanged: a session touched or
    /// a reply that changes no filter leaves them.
    static let cellsKey = DerivedKey<FilterCells>(versionSQL: "SELECT version FROM ticket_filter_counts_version")
    static let operatorsKey = DerivedKey<[(id: Int64, name: String)]>()

    /// Every cell with tickets: a few hundred whatever the number of tickets (statuses ×
    /// priorities × areas × types × operators), read by every "Coda ticket" and every
    /// search, kept by the connection until a cell changes (`Database.derived`).
    func filterCells() throws -> FilterCells {
        try database.derived(DeskStore.cellsKey) {
            FilterCells(
                try database.query(
                    """
                    SELECT status, priority, area, request_type, operator_id, tickets
                    FROM ticket_filter_counts WHERE tickets > 0
                    """
                ).compactMap { row in
                    guard let status = TicketStatus(rawValue: row.string(at: 0)),
                        let priority = Priority(rawValue: row.string(at: 1)),
                        let area = RequestArea(rawValue: row.string(at: 2)), let type = RequestType(rawValue: row.string(at: 3))
                    else { return nil }
                    return FilterCell(
                        status: status, priority: priority, area: area, type: type, operatorID: row.int(at: 4),
                        tickets: Int(row.int(at: 5)))
                })
        }
    }

    /// Tickets per status over every company, every status present.
    public func statusCounts() throws -> [TicketStatus: Int64] { try filterCells().byStatus }

    /// The vendor's operators who can still work, by name (a deactivated one is no choice);
    /// on every page of the desk, kept until the next commit anywhere. One invited who has not
    /// yet done the first access is marked so: a ticket assigned to them waited, unseen, for
    /// someone who might never come (the provisional password lasts 14 days).
    public func operators() throws -> [(id: Int64, name: String)] {
        try database.derived(DeskStore.operatorsKey) {
            try database.query(
                """
                SELECT id, coalesce(nullif(trim(first_name || ' ' || last_name), ''), email) AS name, password_is_provisional
                FROM users WHERE is_operator = 1 AND deactivated_at IS NULL ORDER BY name
                """
            ).map {
                ($0.int("id"), $0.int("password_is_provisional") == 1
                    ? Text.operatorFirstAccessPending($0.string("name")) : $0.string("name"))
            }
        }
    }
}
