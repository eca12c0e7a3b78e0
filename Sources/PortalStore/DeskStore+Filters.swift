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

    /// Every filter of the query on the tickets `t`. One SQL text for each "Stato" kind,
    /// "Assegnato a" set or not and "Azienda" set or not, whatever the values: a filter left
    /// open binds NULL. A worker keeps a limited number of compiled statements, and one text
    /// per combination of filters had them compiled again on most requests.
    /// `companies`: the companies "Azienda" names (`companyIDs`), nil when it is empty.
    static func conditions(_ query: DeskQuery, operatorID: Int64, companies: [Int64]?) -> SQLConditions {
        var filter = SQLConditions()
        switch query.state {
        case .any: break
        case .open: filter.add("t.status != 'closed'")
        case .only(let status): filter.add("t.status = ?", status.rawValue)
        }
        filter.add("t.priority", matching: query.priority?.rawValue)
        if let assignee = assigneeValue(query, operatorID: operatorID) {
            // By "Scadenza" an operator is tested on the deadline index's entries ("+" keeps
            // SQLite from walking the operator's index instead and sorting thousands of rows:
            // 32 ms against 0.1 ms for one operator's waiting tickets of 100,000).
            filter.add((sortsByDue(query) ? "+t.operator_id" : "t.operator_id") + " IS ?", assignee)
        }
        filter.add("t.area", matching: query.area?.rawValue)
        filter.add("t.request_type", matching: query.type?.rawValue)
        if let companies {
            // One JSON array whatever the number of companies: one SQL text for every list.
            filter.add(
                "t.tenant_id IN (SELECT value FROM json_each(?))",
                "[" + companies.map(String.init).joined(separator: ",") + "]")
        }
        return filter
    }

    /// The companies "Azienda" names: part of the name, or the P.IVA with or without "IT".
    /// Read once per request (every company's name is compared), then bound as a list: as a
    /// subquery of the filters it was read again by the count and by every search pass.
    func companyIDs(_ text: String) throws -> [Int64] {
        let digits = text.uppercased().hasPrefix("IT") ? String(text.dropFirst(2)) : text
        // The pattern is an expression, not a bare parameter: SQLite compiles a statement
        // with LIKE on a bound parameter again for every new pattern (it may use the
        // pattern's prefix on an index).
        return try database.query(
            "SELECT id FROM tenants WHERE name LIKE '%' || ? || '%' ESCAPE '\\' OR vat = ?",
            [DeskStore.likeEscaped(text), digits.trimmingWhitespace()]
        ).map { $0.int(at: 0) }
    }

    /// The values of a column that a filter keeps: the chosen one (repeated) or all, always
    /// as many as all, so that the SQL text does not change with the choice.
    static func keptValues<Value: RawRepresentable & CaseIterable>(_ chosen: Value?) -> [String]
    where Value.RawValue == String {
        let all = Value.allCases.map(\.rawValue)
        return chosen.map { Array(repeating: $0.rawValue, count: all.count) } ?? all
    }

    /// The statuses "Stato" keeps, as many values as there are statuses.
    static func keptStatuses(_ state: DeskQuery.State) -> [String] {
        let kept = TicketStatus.allCases.filter(state.keeps).map(\.rawValue)
        return kept + Array(repeating: kept[0], count: TicketStatus.allCases.count - kept.count)
    }

    /// The operator of "Assegnato a" for `operator_id IS ?` (NULL: "Nessuno"), or nil for
    /// "Qualsiasi". An id that is no user's finds nothing.
    static func assigneeValue(_ query: DeskQuery, operatorID: Int64) -> SQLValue? {
        switch query.assignee {
        case .anyone: nil
        case .me: .integer(operatorID)
        case .nobody: .null
        case .operatorID(let id): .integer(id)
        }
    }

    /// Sums over the combinations of values, not a walk over tickets; one SQL text for each
    /// "Stato" kind (0 is nobody's row: `operator_id` cannot be NULL in a key). Each sum reads
    /// only the rows it needs: one status is a range of the key, an operator's cells a range of
    /// their index, and the totals come from the five counts per status; summing every cell
    /// of the table four times over cost more than the rest of the queue's queries.
    func filterCounts(_ query: DeskQuery, operatorID: Int64) throws -> FilterCounts {
        var state = SQLConditions()
        switch query.state {
        case .any: state.add("1")
        case .open: state.add("status != 'closed'")
        case .only(let status): state.add("status = ?", status.rawValue)
        }
        // An operator's id is never 0 nor negative: -1 matches no row.
        let row: Int64? =
            switch DeskStore.assigneeValue(query, operatorID: operatorID) {
            case nil: nil
            case .integer(let id) where id > 0: id
            case .null: 0
            default: -1
            }
        var kept = state
        kept.add("priority", matching: query.priority?.rawValue)
        kept.add("operator_id", matching: row)
        kept.add("area", matching: query.area?.rawValue)
        kept.add("request_type", matching: query.type?.rawValue)
        let sql = """
            SELECT (SELECT coalesce(sum(tickets), 0) FROM ticket_filter_counts
                    WHERE \(kept.conditions.joined(separator: " AND "))) AS kept,
                (SELECT coalesce(sum(tickets), 0) FROM ticket_status_counts WHERE \(state.conditions[0])) AS state,
                (SELECT coalesce(sum(tickets), 0) FROM ticket_filter_counts WHERE operator_id = ?) AS assigned,
                (SELECT coalesce(sum(tickets), 0) FROM ticket_status_counts) AS total
            """
        let counts = try database.queryOne(sql, kept.arguments + state.arguments + [row ?? -1])
        return FilterCounts(
            kept: Int(counts?.int("kept") ?? 0), total: Int(counts?.int("total") ?? 0),
            state: Int(counts?.int("state") ?? 0), assigned: row == nil ? nil : Int(counts?.int("assigned") ?? 0))
    }

    /// The SELECT of the page's ids (its last two values the limit and offset, bound by the
    /// caller) and its values. Walking an index in the queue's order passes about offset+50
    /// entries for each share of the index's tickets the filters keep; reading the filters'
    /// combinations from the cells index passes only the tickets kept, then sorts them (a few
    /// times dearer per entry). The cheapest is chosen from the counts, and the index is
    /// named, so that the plan does not depend on whether the database has statistics
    /// (without them SQLite sorted all 20,000 tickets of "Nessuno": 35 ms).
    static func pageIDs(
        _ query: DeskQuery, _ filter: SQLConditions, _ counts: FilterCounts?, companies: [Int64]?, operatorID: Int64
    ) -> (String, [any SQLConvertible])
    {
        let limit = " LIMIT ? OFFSET ?"
        if let companies, companies.count <= companyWalkLimit, !sortsByDue(query) {
            // A few companies: their tickets read from the companies' own index (the filters
            // tested on its entries, a row read only for a ticket they keep) and sorted. Left
            // to itself SQLite walked the queue's order or an operator's tickets, and a company
            // with fewer tickets than the page passed every entry (100,000 for 100 tickets).
            return (
                "SELECT t.id FROM tickets t INDEXED BY tickets_cards" + filter.whereClause + order + limit,
                filter.arguments
            )
        }
        guard companies == nil, !sortsByDue(query) else {
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

    /// Up to this many companies of "Azienda" (about a hundred tickets each) their tickets
    /// are read and sorted; a part of a name common to more walks the queue's order instead.
    static let companyWalkLimit = 20

    /// How many entries of the walk one sorted entry of the cells index costs.
    static let cellSortCost = 4

    /// The filters as lists of values on the leading columns of `tickets_desk_cells`, so
    /// that each combination is a range of the index.
    static func cellConditions(_ query: DeskQuery, operatorID: Int64) -> SQLConditions {
        var cells = SQLConditions()
        cells.add("t.status", in: keptStatuses(query.state))
        cells.add("t.priority", in: keptValues(query.priority))
        cells.add("t.area", in: keptValues(query.area))
        cells.add("t.request_type", in: keptValues(query.type))
        if let assignee = assigneeValue(query, operatorID: operatorID) { cells.add("t.operator_id IS ?", assignee) }
        return cells
    }
}
