import PortalCore

/// The queue's filters as SQL, and how the page of a filtered queue is found.
extension DeskStore {
    /// From `ticket_filter_counts`: the tickets the filters but "Azienda" and "Cerca" keep, and
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

    /// The companies "Azienda" names: part of the name, or the P.IVA with or without "IT".
    /// Read once per request, then bound as a list: as a subquery of the filters it was read
    /// again by the count and by every search pass. A part of three characters or more is
    /// found through the names' trigram index (SQLite checks the LIKE again on what it
    /// finds); a shorter one, or one with `%`, `_` or `\` (literal here, which the index's
    /// LIKE cannot escape), compares every name. The P.IVA is one entry of its index.
    func companyIDs(_ text: String) throws -> [Int64] {
        let digits = text.uppercased().hasPrefix("IT") ? String(text.dropFirst(2)) : text
        let indexed = text.count >= 3 && !text.contains { $0 == "%" || $0 == "_" || $0 == "\\" }
        // The pattern is an expression, not a bare parameter: SQLite compiles a statement
        // with LIKE on a bound parameter again for every new pattern (it may use the
        // pattern's prefix on an index).
        let names =
            indexed
            ? "SELECT rowid FROM tenant_names WHERE name LIKE '%' || ? || '%'"
            : "SELECT id FROM tenants WHERE name LIKE '%' || ? || '%' ESCAPE '\\'"
        return try database.query(
            names + " UNION SELECT id FROM tenants WHERE vat = ?",
            [indexed ? text : DeskStore.likeEscaped(text), digits.trimmingWhitespace()]
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
    /// only the rows it needs: the kept cells a range of the key per status, an operator's
    /// cells a range of their index, the blocking tickets of the open statuses four ranges of
    /// the key, one status and priority one range, and the totals the five counts per status;
    /// summing every cell of the table over and over cost more than the rest of the queue.
    /// `walks`: the scopes of the walks too (not for a search, which walks the text index).
    func filterCounts(_ query: DeskQuery, operatorID: Int64, walks: Bool = true) throws -> FilterCounts {
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
        let status: String? = if case .only(let status) = query.state { status.rawValue } else { nil }
        // The cells' own columns, unqualified: the same test as `firstInOrder`.
        let first = "(status != 'closed' AND (priority = 'blocking' OR status = 'unassigned'))"
        let keptSums = """
            SELECT coalesce(sum(tickets), 0) AS kept, coalesce(sum(\(first) * tickets), 0) AS first
            FROM ticket_filter_counts WHERE \(kept.conditions.joined(separator: " AND "))
            """
        let none = Scope(first: 0, rest: 0)
        guard walks else {
            let sums = try database.queryOne(keptSums, kept.arguments)
            let (all, first) = (Int(sums?.int(at: 0) ?? 0), Int(sums?.int(at: 1) ?? 0))
            return FilterCounts(
                kept: Scope(first: first, rest: all - first), total: none, state: none, assigned: nil, statusPriority: nil)
        }
        let sql = """
            SELECT k.kept, k.first, b.blocking, b.unassigned, s.total, s.unassigned, s.state,
                o.tickets, o.first, c.tickets
            FROM (\(keptSums)) AS k,
                (SELECT coalesce(sum(tickets), 0) AS blocking,
                        coalesce(sum(CASE WHEN status = 'unassigned' THEN tickets END), 0) AS unassigned
                    FROM ticket_filter_counts WHERE status IN (?, ?, ?, ?) AND priority = 'blocking') AS b,
                (SELECT coalesce(sum(tickets), 0) AS total,
                        coalesce(sum(CASE WHEN status = 'unassigned' THEN tickets END), 0) AS unassigned,
                        coalesce(sum(CASE WHEN \(state.conditions[0]) THEN tickets END), 0) AS state
                    FROM ticket_status_counts) AS s,
                (SELECT coalesce(sum(tickets), 0) AS tickets, coalesce(sum(\(first) * tickets), 0) AS first
                    FROM ticket_filter_counts WHERE operator_id = ?) AS o,
                (SELECT coalesce(sum(tickets), 0) AS tickets FROM ticket_filter_counts WHERE status = ? AND priority = ?) AS c
            """
        // The blocking tickets of the open statuses (the walk of every ticket passes them
        // first), or of the one status: a range of the key per status.
        let open = TicketStatus.allCases.filter { $0 != .closed }.map(\.rawValue)
        let blockingStatuses: [any SQLConvertible] = status.map { Array(repeating: $0, count: open.count) } ?? open
        let both = status != nil && query.priority != nil
        let arguments: [any SQLConvertible] =
            kept.arguments + blockingStatuses + state.arguments
            + [row ?? -1, both ? status : nil, both ? query.priority?.rawValue : nil]
        guard let counts = try database.queryOne(sql, arguments) else {
            return FilterCounts(kept: none, total: none, state: none, assigned: nil, statusPriority: nil)
        }
        func value(_ index: Int) -> Int { Int(counts.int(at: index)) }
        let keptFirst = value(1)
        // First: every "Non assegnato" and the other open statuses' "Bloccante" (of the one
        // status only when "Stato" is one: the total is not walked then).
        let totalFirst = value(2) - value(3) + value(5)
        let stateTickets = value(6)
        let stateFirst: Int =
            switch query.state {
            case .only(.closed): 0
            case .only(.unassigned): stateTickets
            case .only: value(2)
            case .open, .any: totalFirst
            }
        return FilterCounts(
            kept: Scope(first: keptFirst, rest: value(0) - keptFirst),
            total: Scope(first: totalFirst, rest: value(4) - totalFirst),
            state: Scope(first: stateFirst, rest: stateTickets - stateFirst),
            assigned: row == nil ? nil : Scope(first: value(8), rest: value(7) - value(8)),
            statusPriority: both ? value(9) : nil)
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
                    + filter.conditions.joined(separator: " AND ") + " ORDER BY t.updated_at DESC" + limit,
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
