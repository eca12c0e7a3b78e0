import PortalCore

/// The queue's filters as SQL, and how the page of a filtered queue is found.
extension DeskStore {
    /// From the cells of `ticket_filter_counts`: the tickets the filters but "Azienda" and "Cerca" keep, and
    /// what each walk of the queue's order passes through: every ticket, the tickets of "Stato"
    /// alone, the tickets of the operator of "Assegnato a" (nil for "Qualsiasi"), the tickets
    /// of one status and one priority (nil unless both are chosen). Each split into the ones
    /// first in the queue's order (open "Bloccante" and "Non assegnato") and the rest: a walk
    /// passes every first one before the rest, and when the filters keep none of them, all of
    /// them are passed for nothing unless the walk skips them.
    struct FilterCounts {
        let kept: Scope
        let total: Scope
        let state: Scope
        let assigned: Scope?
        let statusPriority: Int?
    }

    /// Tickets first in the queue's order, and the others.
    struct Scope {
        var first: Int
        var rest: Int
        var all: Int { first + rest }
    }

    /// Whether a ticket comes first in the queue's order, as `order` and the walk indexes have it.
    static let firstInOrder = "(t.status != 'closed' AND (t.priority = 'blocking' OR t.status = 'unassigned'))"

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

    /// The companies "Azienda" names: part of the name, or the P.IVA or its first digits
    /// (three or more), with or without "IT", as «Aziende» and «Nuovo ticket per un cliente»
    /// find them. Read once per request, then bound as a list: as a subquery of the filters it
    /// was read again by the count and by every search pass. A part of three characters or
    /// more is found through the names' trigram index (SQLite checks the LIKE again on what it
    /// finds); a shorter one, or one with `%`, `_` or `\` (literal here, which the index's
    /// LIKE cannot escape), compares every name. The P.IVA's digits are a range of its index
    /// (GLOB with a prefix of digits, which LIKE, ignoring case, cannot use).
    func companyIDs(_ typed: String) throws -> [Int64] {
        let text = typed.collapsingSpaces()
        let vat = DeskStore.vatPrefix(text)
        let indexed = text.count >= 3 && !text.contains { $0 == "%" || $0 == "_" || $0 == "\\" }
        // The pattern is an expression, not a bare parameter: SQLite compiles a statement
        // with LIKE on a bound parameter again for every new pattern (it may use the
        // pattern's prefix on an index). Each spelling a query of its own (the index serves
        // one LIKE, not two joined by OR); an ASCII part has one spelling, so one lookup.
        let (lower, upper) = DeskStore.caseVariants(indexed ? text : DeskStore.likeEscaped(text))
        let spellings = lower == upper ? [lower] : [lower, upper]
        let names = spellings.map { _ in
            indexed
                ? "SELECT rowid FROM tenant_names WHERE name LIKE '%' || ? || '%'"
                : "SELECT id FROM tenants WHERE name LIKE '%' || ? || '%' ESCAPE '\\'"
        }.joined(separator: " UNION ")
        return try database.query(names + " UNION SELECT id FROM tenants WHERE vat GLOB ?", spellings + [vat]).map { $0.int(at: 0) }
    }

    /// The GLOB pattern of the P.IVAs that `text` names: its digits (spaces dropped, after an
    /// optional "IT"), three or more, then anything; a text of other characters names none.
    public static func vatPrefix(_ text: String) -> String {
        let spaced = text.uppercased().hasPrefix("IT") ? String(text.dropFirst(2)) : text
        let digits = spaced.filter { !$0.isWhitespace }
        guard digits.count >= 3, digits.count <= 11, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return "" }
        return digits + "*"
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

    /// Sums of the cells of `ticket_filter_counts` (`filterCells`), not a walk over tickets:
    /// a few hundred cells whatever the number of tickets, summed here in one pass. In SQL
    /// the same sums cost 0.7 M instructions a request (the kept cells are no range of the
    /// key when a filter is left open, so every cell was read and tested per sum).
    func filterCounts(_ query: DeskQuery, operatorID: Int64) throws -> FilterCounts {
        // An operator's id is never 0 nor negative: 0 is nobody's cell, -1 matches no cell.
        let row: Int64? =
            switch DeskStore.assigneeValue(query, operatorID: operatorID) {
            case nil: nil
            case .integer(let id) where id > 0: id
            case .null: 0
            default: -1
            }
        let status: TicketStatus? = if case .only(let status) = query.state { status } else { nil }
        let both = status != nil && query.priority != nil
        var kept = Scope(first: 0, rest: 0), total = kept, state = kept, assigned = kept
        var statusPriority = 0
        for cell in try filterCells().cells {
            func count(_ scope: inout Scope) {
                if cell.isFirstInOrder { scope.first += cell.tickets } else { scope.rest += cell.tickets }
            }
            count(&total)
            if cell.operatorID == row { count(&assigned) }
            guard query.state.keeps(cell.status) else { continue }
            count(&state)
            if both, cell.status == status, cell.priority == query.priority { statusPriority += cell.tickets }
            if query.priority.map({ $0 == cell.priority }) ?? true, row.map({ $0 == cell.operatorID }) ?? true,
                query.area.map({ $0 == cell.area }) ?? true, query.type.map({ $0 == cell.type }) ?? true
            {
                count(&kept)
            }
        }
        return FilterCounts(
            kept: kept, total: total, state: state, assigned: row == nil ? nil : assigned,
            statusPriority: both ? statusPriority : nil)
    }

    /// The SELECT of the page's ids (its last two values the limit and offset, bound by the
    /// caller) and its values. Walking an index in the queue's order passes, for each ticket
    /// the filters keep, the tickets of the index's range they do not keep; reading the
    /// filters' combinations from the cells index passes only the tickets kept, then sorts
    /// them (a few times dearer per entry). The cheapest is chosen from the counts, and the
    /// index is named, so that the plan does not depend on whether the database has
    /// statistics (without them SQLite sorted all 20,000 tickets of "Nessuno": 35 ms).
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
        return pageIDs(walkPlan(query, counts), query, filter, operatorID: operatorID)
    }

    /// The SELECT of the page's ids by `plan`, for a queue without "Azienda" in the queue's order.
    static func pageIDs(_ plan: WalkPlan, _ query: DeskQuery, _ filter: SQLConditions, operatorID: Int64)
        -> (String, [any SQLConvertible])
    {
        let limit = " LIMIT ? OFFSET ?"
        switch plan {
        case .cells:
            let cells = cellConditions(query, operatorID: operatorID)
            return (
                "SELECT t.id FROM tickets t INDEXED BY tickets_desk_cells" + cells.whereClause + order + limit,
                cells.arguments
            )
        case .statusPriority:
            // One status and one priority: all first in the queue's order or none, so the order
            // is the newest activity alone, the order of this index's range.
            return (
                "SELECT t.id FROM tickets t INDEXED BY tickets_queue_by_status_priority WHERE t.priority = ? AND "
                    + filter.conditions.joined(separator: " AND ") + " ORDER BY t.updated_at DESC, t.id DESC" + limit,
                [query.priority?.rawValue] + filter.arguments
            )
        case .status:
            return (
                "SELECT t.id FROM tickets t INDEXED BY tickets_queue_by_status" + filter.whereClause + order + limit,
                filter.arguments
            )
        case .all(let first), .assigned(let first):
            // A range of the index's leading order column: the tickets first in the order are
            // skipped when the filters keep none of them (and the others when they keep only
            // those). With one status SQLite puts the status in place of the column in this
            // test, so it no longer names the index's column: a filter then, not a range.
            let index = if case .all = plan { "tickets_queue" } else { "tickets_by_operator" }
            let bounds: [any SQLConvertible] = first.map { $0 ? [1, 1] : [0, 0] } ?? [0, 1]
            return (
                "SELECT t.id FROM tickets t INDEXED BY " + index + " WHERE " + firstInOrder + " BETWEEN ? AND ?"
                    + filter.andClause + order + limit,
                bounds + filter.arguments
            )
        }
    }

    /// How the page of a queue without "Azienda", in the queue's order, is found: the walk of
    /// every ticket, of one status, of one operator's tickets (those two limited to the first
    /// in the order or to the rest when the filters keep only one kind), of one status and
    /// priority; or the cells of the filters read and sorted.
    enum WalkPlan: Equatable {
        case all(first: Bool?)
        case status
        case assigned(first: Bool?)
        case statusPriority
        case cells
    }

    /// The plan whose estimate (index entries passed, a sorted one counting `cellSortCost`)
    /// is lowest. No counts: "Stato" alone, whose walk passes about offset+50 entries.
    static func walkPlan(_ query: DeskQuery, _ counts: FilterCounts?) -> WalkPlan {
        let single: Bool = if case .only = query.state { true } else { false }
        guard let counts else { return single ? .status : .all(first: nil) }
        let entries = query.page * DeskQuery.pageSize
        let kept = counts.kept
        // The kind of ticket the walk may keep to, when the filters keep only one kind.
        let only: Bool? = kept.first == 0 ? false : kept.rest == 0 ? true : nil
        var plans: [(WalkPlan, Int)] = []
        if single {
            plans.append((.status, walkCost(counts.state, kept: kept, entries: entries, skips: false)))
            if let scope = counts.statusPriority { plans.append((.statusPriority, walkCost(scope, kept: kept, entries: entries))) }
        } else {
            plans.append((.all(first: only), walkCost(counts.total, kept: kept, entries: entries, skips: true)))
        }
        if let assigned = counts.assigned {
            plans.append((.assigned(first: only), walkCost(assigned, kept: kept, entries: entries, skips: !single)))
        }
        // Last: a walk wins a tie (nothing to sort).
        plans.append((.cells, cellSortCost * kept.all))
        return plans.min { $0.1 < $1.1 }!.0
    }

    /// The entries a walk of `scope` in the queue's order passes to reach `entries` kept
    /// tickets: the first ones in the order before the rest, each kind in proportion to the
    /// share the filters keep of it (the tickets are spread evenly over time, as far as the
    /// estimate knows), the whole scope when fewer are kept. `skips`: the walk is limited
    /// to the kind the filters keep when they keep one only.
    static func walkCost(_ scope: Scope, kept: Scope, entries: Int, skips: Bool) -> Int {
        var scope = scope
        if skips {
            if kept.first == 0 { scope.first = 0 }
            if kept.rest == 0 { scope.rest = 0 }
        }
        if entries <= kept.first { return entries * scope.first / max(kept.first, 1) }
        guard kept.rest > 0 else { return scope.all }
        return scope.first + min(scope.rest, (entries - kept.first) * scope.rest / kept.rest)
    }

    /// A walk whose range holds only tickets of one kind (one status and one priority).
    static func walkCost(_ scope: Int, kept: Scope, entries: Int) -> Int {
        min(scope, entries * scope / max(kept.all, 1))
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
