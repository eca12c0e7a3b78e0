import PortalCore

@testable import PortalStore

/// The desk's tests' data: two operators ("me" the first) and 300 tickets of company 1
/// spread deterministically over every status, priority, area, type and assignee (me, the
/// other, nobody), each at its own time, so that the queue's order is one.
struct DeskSpread {
    let me: Int64
    let other: Int64

    /// `description`: ticket `index`'s description; `created`: what else ticket `index` (id,
    /// time) gets right after it is opened, before its status and operator are set.
    init(
        in database: Database, description: (Int) -> String = { _ in "Testo" },
        created: (Int, Int64, Timestamp) throws -> Void = { _, _, _ in }
    ) throws {
        let users = UserStore(database)
        me = try users.create(
            email: EmailAddress("giulia@assistenza.example")!, passwordHash: "x", provisionalUntil: nil, deskRole: .operator,
            now: 0)
        other = try users.create(
            email: EmailAddress("paolo@assistenza.example")!, passwordHash: "x", provisionalUntil: nil, deskRole: .operator,
            now: 0)
        let store = TicketStore(database)
        var time: Timestamp = 100
        for index in 0..<300 {
            time += 7
            var ticket = NewTicket(
                tenantID: 1, title: "Richiesta \(index)", requesterID: nil, requesterName: "Mario Rossi",
                contactEmail: "mario@rossi.example", area: RequestArea.allCases[index % 3],
                priority: Priority.allCases[(index / 2) % 4], description: description(index))
            ticket.requestType = RequestType.allCases[index % 2]
            let id = try store.create(ticket, now: time).id
            try created(index, id, time)
            let status = TicketStatus.allCases[(index / 3) % 5]
            if status != .unassigned {
                let assignee = index % 4 == 0 ? nil : (index % 3 == 0 ? me : other)
                try store.setStatus(ticketID: id, status: status, operatorID: assignee, now: time + 1)
            }
        }
    }
}
