import PortalCore
import Testing

@testable import PortalStore

/// "Coda ticket"'s ways to find a page: each gives the rows the plain query gives, and the
/// estimate picks the walk that does not pass what the filters cannot keep.
@Suite("Coda ticket's plans")
struct DeskQueuePlanTests {
    /// The desk's spread of 300 tickets (`DeskSpread`) in a company of its own.
    private func fixture() throws -> (TemporaryDatabase, me: Int64) {
        let temporary = try TemporaryDatabase()
        _ = try TenantStore(temporary.database).add(name: "ROSSI SRL", vat: VATNumber("02740123456")!, now: 0)
        return (temporary, try DeskSpread(in: temporary.database).me)
    }

    private func queries() -> [DeskQuery] {
        var queries: [DeskQuery] = []
        for state in ["aperti", "qualsiasi"] + TicketStatus.allCases.map(\.rawValue) {
            for priority in ["qualsiasi"] + Priority.allCases.map(\.rawValue) {
                for assignee in ["qualsiasi", "me", "nessuno"] {
                    for area in ["qualsiasi", "systems"] {
                        for page in ["1", "2"] {
                            let fields = [
                                ("stato", state), ("priorita", priority), ("assegnato", assignee), ("area", area),
                                ("pagina", page),
                            ]
                            queries.append(DeskQuery(fields: fields.map { (name: $0.0, value: $0.1) }))
                        }
                    }
                }
            }
        }
        return queries
    }

    @Test("every plan a query allows finds the page the plain query finds")
    func plansFindThePlainPage() throws {
        let (temporary, me) = try fixture()
        let database = temporary.database
        let desk = DeskStore(database)
        var checked = Set<String>()
        for query in queries() {
            let filter = DeskStore.conditions(query, operatorID: me, companies: nil)
            let arguments: [any SQLConvertible] = [DeskQuery.pageSize, (query.page - 1) * DeskQuery.pageSize]
            let plain = try database.query(
                "SELECT t.id FROM tickets t" + filter.whereClause + DeskStore.order + " LIMIT ? OFFSET ?",
                filter.arguments + arguments
            ).map { $0.int(at: 0) }
            let counts = try desk.filterCounts(query, operatorID: me)
            // The kind the walks may keep to, as `walkPlan` takes it from the counts.
            let only: Bool? = counts.kept.first == 0 ? false : counts.kept.rest == 0 ? true : nil
            var plans: [DeskStore.WalkPlan] = [.cells]
            if case .only = query.state {
                plans.append(.status)
                if query.priority != nil { plans.append(.statusPriority) }
            } else {
                plans += [.all(first: nil), .all(first: only)]
            }
            if query.assignee != .anyone { plans += [.assigned(first: nil), .assigned(first: only)] }
            for plan in plans {
                let (sql, values) = DeskStore.pageIDs(plan, query, filter, operatorID: me)
                let found = try database.query(sql, values + arguments).map { $0.int(at: 0) }
                #expect(found == plain, "\(plan) \(query)")
                checked.insert("\(plan)")
            }
        }
        #expect(checked.count == 9, "\(checked)")
    }

    @Test("the counts split each walk's tickets into the first in the queue's order and the rest")
    func countsSplitTheOrder() throws {
        let (temporary, me) = try fixture()
        let database = temporary.database
        func count(_ condition: String, _ values: [any SQLConvertible] = []) throws -> Int {
            Int(try database.scalarInt("SELECT count(*) FROM tickets t WHERE " + condition, values))
        }
        let first = DeskStore.firstInOrder
        for query in queries() {
            let counts = try DeskStore(database).filterCounts(query, operatorID: me)
            let filter = DeskStore.conditions(query, operatorID: me, companies: nil)
            let kept = filter.conditions.isEmpty ? "1" : filter.conditions.joined(separator: " AND ")
            #expect(counts.kept.first == (try count(kept + " AND " + first, filter.arguments)), "\(query)")
            #expect(counts.kept.all == (try count(kept, filter.arguments)), "\(query)")
            if case .only(let status) = query.state {
                #expect(counts.state.first == (try count("t.status = ? AND " + first, [status.rawValue])), "\(query)")
                #expect(counts.state.all == (try count("t.status = ?", [status.rawValue])), "\(query)")
                if let priority = query.priority {
                    #expect(
                        counts.statusPriority == (try count("t.status = ? AND t.priority = ?", [status.rawValue, priority.rawValue])),
                        "\(query)")
                } else {
                    #expect(counts.statusPriority == nil)
                }
            } else {
                // The walk of every ticket: only without one status.
                let (totalFirst, total) = (try count(first), try count("1"))
                #expect(counts.total.first == totalFirst && counts.total.all == total)
            }
            if query.assignee == .me {
                #expect(counts.assigned?.first == (try count("t.operator_id = ? AND " + first, [me])), "\(query)")
                #expect(counts.assigned?.all == (try count("t.operator_id = ?", [me])), "\(query)")
            }
        }
    }

    /// The counts of the million-ticket benchmark: tickets spread evenly over five statuses,
    /// four priorities, three areas, two types and five operators besides nobody.
    private func millionCounts(
        kept: (first: Int, rest: Int), state: (first: Int, rest: Int) = (50_000, 150_000),
        assigned: (first: Int, rest: Int)? = nil, statusPriority: Int? = nil
    ) -> DeskStore.FilterCounts {
        DeskStore.FilterCounts(
            kept: .init(first: kept.first, rest: kept.rest), total: .init(first: 350_000, rest: 650_000),
            state: .init(first: state.first, rest: state.rest), assigned: assigned.map { .init(first: $0.first, rest: $0.rest) },
            statusPriority: statusPriority)
    }

    private func query(_ fields: KeyValuePairs<String, String>) -> DeskQuery {
        DeskQuery(fields: fields.map { (name: $0.key, value: $0.value) })
    }

    @Test("one status with a priority other than Bloccante walks that status and priority, not past its blocking tickets")
    func statusAndPriority() {
        // "In attesa", "Alta", "Amministrazione", "Assistenza": 8,000 of the status's 50,000 "Alta".
        let counts = millionCounts(kept: (0, 8_000), statusPriority: 50_000)
        let plan = DeskStore.walkPlan(query(["stato": "waiting", "priorita": "high", "pagina": "3"]), counts)
        #expect(plan == .statusPriority)
        // The status's walk passes its 50,000 blocking tickets first.
        #expect(DeskStore.walkCost(counts.state, kept: counts.kept, entries: 150, skips: false) > 50_000)
        #expect(DeskStore.walkCost(50_000, kept: counts.kept, entries: 150) < 1_000)
    }

    @Test("an operator's open tickets of a priority other than Bloccante skip the operator's blocking ones")
    func operatorSkipsBlocking() {
        let counts = millionCounts(kept: (0, 12_000), assigned: (30_000, 130_000))
        let plan = DeskStore.walkPlan(query(["stato": "aperti", "priorita": "high", "assegnato": "me"]), counts)
        #expect(plan == .assigned(first: false))
        // One status: SQLite puts the status in place of the order's column, no range to skip
        // by, so the operator's blocking tickets count, and the status's own walk is cheaper.
        let closed = millionCounts(kept: (0, 6_600), state: (0, 200_000), assigned: (30_000, 130_000))
        #expect(DeskStore.walkPlan(query(["stato": "closed", "assegnato": "me", "area": "systems"]), closed) == .status)
    }

    @Test("a filter that keeps few tickets reads and sorts them; one that keeps many walks the queue")
    func fewOrMany() {
        #expect(
            DeskStore.walkPlan(query(["stato": "aperti", "area": "systems"]), millionCounts(kept: (100_000, 170_000)))
                == .all(first: nil))
        #expect(
            DeskStore.walkPlan(
                query(["stato": "aperti", "priorita": "blocking", "area": "systems"]), millionCounts(kept: (65_000, 0)))
                == .all(first: true))
        // "Nessuno": nearly every ticket of nobody is unassigned, first in the order.
        #expect(
            DeskStore.walkPlan(
                query(["stato": "aperti", "assegnato": "nessuno"]), millionCounts(kept: (200_000, 500), assigned: (200_000, 700)))
                == .assigned(first: nil))
        #expect(
            DeskStore.walkPlan(
                query(["stato": "waiting", "assegnato": "nessuno"]), millionCounts(kept: (45, 136), assigned: (200_000, 700)))
                == .cells)
    }
}
