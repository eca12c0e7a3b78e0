import PortalCore

/// The queue's filters as SQL, and how the page of a filtered queue is found.
extension DeskStore {
    /// From `ticket_filter_counts`: the tickets the filters but "Azienda" and "Cerca" keep, and
    /// what each walk of the queue's order passes through: every ticket, the tickets of "Stato"
    /// alone, the tickets of the operator of "Assegnato a" (nil for "Qualsiasi").
    struct FilterCounts {
        let kept: Int
        let total: Int
        let state: Int
        let assigned: Int?
    }

    /// Every filter of the query on the tickets `t`.
    static func conditions(_ query: DeskQuery, operatorID: Int64) -> SQLConditions {
        var filter = SQLConditions()
        switch query.state {
        case .any: break
        case .open: filter.add("t.status != 'closed'")
        case .only(let status): filter.add("t.status = ?", status.rawValue)
        }
        filter.add("t.priority", equals: query.priority?.rawValue)
        // By "Scadenza" an operator is tested on the deadline index's entries ("+" keeps
        // SQLite from walking the operator's index instead and sorting thousands of rows:
        // 32 ms against 0.1 ms for one operator's waiting tickets of 100,000).
        let operatorColumn = sortsByDue(query) ? "+t.operator_id" : "t.operator_id"
        switch query.assignee {
        case .anyone: break
        case .me: filter.add(operatorColumn + " = ?", operatorID)
        case .nobody: filter.add("t.operator_id IS NULL")
        case .operatorID(let id): filter.add(operatorColumn + " = ?", id)
        }
        filter.add("t.area", equals: query.area?.rawValue)
        filter.add("t.request_type", equals: query.type?.rawValue)
        if !query.company.isEmpty {
            let digits = query.company.uppercased().hasPrefix("IT") ? String(query.company.dropFirst(2)) : query.company
            // instr, not LIKE: a statement with LIKE on a bound pattern is compiled again for
            // every new pattern (SQLite may use the pattern's prefix on an index), and the
            // queue's statements are large. Same matches: ASCII letters in any case, every
            // other character as typed, % and _ literal.
            filter.add(
                "t.tenant_id IN (SELECT id FROM tenants WHERE instr(lower(name), lower(?)) > 0 OR vat = ?)",
                query.company, digits.trimmingWhitespace())
        }
        return filter
    }

    /// Sums over the few hundred combinations of values, not a walk over tickets.
    func filterCounts(_ query: DeskQuery, operatorID: Int64) throws -> FilterCounts {
        var state = SQLConditions()
        switch query.state {
        case .any: state.add("1")
        case .open: state.add("status != 'closed'")
        case .only(let status): state.add("status = ?", status.rawValue)
        }
        var assigned = SQLConditions()
        switch query.assignee {
        case .anyone: break
        // 0 is nobody's row, never an operator's (an id that is no user's finds nothing)
        case .me: assigned.add("operator_id = ? AND operator_id != 0", operatorID)
        case .nobody: assigned.add("operator_id = 0")
        case .operatorID(let id): assigned.add("operator_id = ? AND operator_id != 0", id)
        }
        var kept = SQLConditions()
        kept.add(state)
        kept.add("priority", equals: query.priority?.rawValue)
        kept.add(assigned)
        kept.add("area", equals: query.area?.rawValue)
        kept.add("request_type", equals: query.type?.rawValue)
        func sum(_ conditions: SQLConditions) -> String {
            "coalesce(sum(tickets) FILTER (WHERE " + conditions.conditions.joined(separator: " AND ") + "), 0)"
        }
        let row = try database.queryOne(
            "SELECT " + sum(kept) + " AS kept, " + sum(state) + " AS state, "
                + (assigned.conditions.isEmpty ? "NULL" : sum(assigned)) + " AS assigned, "
                + "coalesce(sum(tickets), 0) AS total FROM ticket_filter_counts",
            kept.arguments + state.arguments + assigned.arguments)
        return FilterCounts(
            kept: Int(row?.int("kept") ?? 0), total: Int(row?.int("total") ?? 0), state: Int(row?.int("state") ?? 0),
            assigned: row?.optionalInt("assigned").map(Int.init))
    }

    /// The SELECT of the page's ids (its last two values the limit and offset, bound by the
    /// caller) and its values. Walking an index in the queue's order passes about offset+50
    /// entries for each share of the index's tickets the filters keep; reading the filters'
    /// combinations from the cells index passes only the tickets kept, then sorts them (a few
    /// times dearer per entry). The cheapest is chosen from the counts, and the index is
    /// named, so that the plan does not depend on whether the database has statistics
    /// (without them SQLite sorted all 20,000 tickets of "Nessuno": 35 ms).
    static func pageIDs(_ query: DeskQuery, _ filter: SQLConditions, _ counts: FilterCounts?, operatorID: Int64)
        -> (String, [any SQLConvertible])
    {
        let limit = " LIMIT ? OFFSET ?"
        guard query.company.isEmpty, !sortsByDue(query) else {
            return ("SELECT t.id FROM tickets t" + filter.whereClause + ordering(query) + limit, filter.arguments)
        }
        var index = if case .only = query.state { "tickets_queue_by_status" } else { "tickets_queue" }
        // No counts: "Stato" alone, whose walk passes about offset+50 entries of its index.
        if let counts {
            let entries = query.page * DeskQuery.pageSize
            func walk(_ scope: Int) -> Int { entries * scope / max(counts.kept, 1) }
            var cost = walk(index == "tickets_queue" ? counts.total : counts.state)
            if let assigned = counts.assigned, walk(assigned) < cost { (index, cost) = ("tickets_by_operator", walk(assigned)) }
            if cellSortCost * counts.kept < cost {
                let cells = cellConditions(query, operatorID: operatorID)
                return (
                    "SELECT t.id FROM tickets t INDEXED BY tickets_desk_cells" + cells.whereClause + order + limit,
                    cells.arguments
                )
            }
        }
        return ("SELECT t.id FROM tickets t INDEXED BY " + index + filter.whereClause + order + limit, filter.arguments)
    }

    /// How many entries of the walk one sorted entry of the cells index costs.
    static let cellSortCost = 4

    /// The filters as one value or every value of each column of `tickets_desk_cells`, so
    /// that each combination is a range of the index.
    static func cellConditions(_ query: DeskQuery, operatorID: Int64) -> SQLConditions {
        var cells = SQLConditions()
        cells.add("t.status", in: TicketStatus.allCases.filter(query.state.keeps).map(\.rawValue))
        cells.add("t.priority", in: (query.priority.map { [$0] } ?? Priority.allCases).map(\.rawValue))
        cells.add("t.area", in: (query.area.map { [$0] } ?? RequestArea.allCases).map(\.rawValue))
        cells.add("t.request_type", in: (query.type.map { [$0] } ?? RequestType.allCases).map(\.rawValue))
        switch query.assignee {
        case .anyone: break
        case .me: cells.add("t.operator_id = ?", operatorID)
        case .nobody: cells.add("t.operator_id IS NULL")
        case .operatorID(let id): cells.add("t.operator_id = ?", id)
        }
        return cells
    }
}
