import PortalCore
import Testing

@Suite("Dashboard layout")
struct DashboardLayoutTests {
    typealias Entry = DashboardLayout.Entry

    static let list = Entry(widget: "ticket-list", x: 0, y: 0, width: 8, height: 6)
    static let pie = Entry(widget: "ticket-status", x: 8, y: 0, width: 4, height: 6)

    @Test("accepts widgets side by side and keeps them in reading order")
    func acceptsValid() throws {
        let layout = try DashboardLayout.validated([Self.pie, Entry(widget: "ticket-list", x: 0, y: 6, width: 12, height: 6)])
        #expect(layout.placements.map(\.widget) == [.ticketStatus, .ticketList])
        let sideBySide = try DashboardLayout.validated([Self.pie, Self.list])
        #expect(sideBySide.placements.map(\.widget) == [.ticketList, .ticketStatus], "row first, then column")
        #expect(try DashboardLayout.validated([]).isEmpty)
    }

    @Test("accepts a widget that touches every edge of the grid")
    func fillsTheGrid() throws {
        let layout = try DashboardLayout.validated([Entry(widget: "ticket-list", x: 0, y: 0, width: 12, height: 12)])
        #expect(layout.placements.first?.width == 12)
    }

    @Test("refuses what is not a layout, saying why", arguments: [
        ([Entry(widget: "meteo", x: 0, y: 0, width: 4, height: 4)], DashboardLayoutError.unknownWidget("meteo")),
        ([list, Entry(widget: "ticket-list", x: 0, y: 6, width: 8, height: 6)], .repeatedWidget(.ticketList)),
        ([Entry(widget: "ticket-list", x: 5, y: 0, width: 8, height: 6)], .outOfGrid(.ticketList)),
        ([Entry(widget: "ticket-list", x: 0, y: 7, width: 8, height: 6)], .outOfGrid(.ticketList)),
        ([Entry(widget: "ticket-list", x: -1, y: 0, width: 8, height: 6)], .outOfGrid(.ticketList)),
        ([Entry(widget: "ticket-list", x: 0, y: 0, width: 13, height: 6)], .outOfGrid(.ticketList)),
        ([Entry(widget: "ticket-list", x: 0, y: 0, width: 0, height: 6)], .outOfGrid(.ticketList)),
        ([Entry(widget: "ticket-list", x: Int.max, y: 0, width: 8, height: 6)], .outOfGrid(.ticketList)),
        ([Entry(widget: "ticket-list", x: 0, y: Int.min, width: 8, height: Int.max)], .outOfGrid(.ticketList)),
        ([Entry(widget: "ticket-list", x: 0, y: 0, width: 3, height: 6)], .tooSmall(.ticketList)),
        ([Entry(widget: "ticket-status", x: 0, y: 0, width: 4, height: 3)], .tooSmall(.ticketStatus)),
        ([list, Entry(widget: "ticket-status", x: 7, y: 5, width: 4, height: 4)], .overlapping(.ticketList, .ticketStatus)),
        (Array(repeating: pie, count: 13), .tooManyWidgets(13)),
    ])
    func refuses(_ entries: [Entry], _ expected: DashboardLayoutError) {
        #expect(throws: expected) { try DashboardLayout.validated(entries) }
    }

    @Test("refusals are Italian sentences that name the widget")
    func messages() {
        #expect(DashboardLayoutError.overlapping(.ticketList, .ticketStatus).message.contains("«Elenco ticket» e «Stato Ticket» si sovrappongono"))
        #expect(DashboardLayoutError.outOfGrid(.ticketStatus).message.contains("12 colonne e 12 righe"))
        #expect(DashboardLayoutError.tooSmall(.ticketList).message.contains("almeno 4 colonne per 3 righe"))
    }

    @Test("is stored as compact text and read back the same")
    func roundTrip() throws {
        let layout = try DashboardLayout.validated([Self.list, Self.pie])
        #expect(layout.stored == "ticket-list:0,0,8,6;ticket-status:8,0,4,6")
        #expect(DashboardLayout(stored: layout.stored) == layout)
        #expect(DashboardLayout(stored: "").isEmpty)
    }

    @Test("a stored entry that no longer fits is dropped, the others kept", arguments: [
        "meteo:0,0,4,4;ticket-status:8,0,4,6",
        "ticket-status:8,0,4,6;ticket-list:6,0,6,6",
        "ticket-status:8,0,4,6;ticket-list:0,0,20,6",
        "ticket-status:8,0,4,6;ticket-list:0,0,8",
        "ticket-status:8,0,4,6;ticket-list:a,0,8,6;;",
        "ticket-status:8,0,4,6;ticket-status:0,0,4,6",
    ])
    func lenientRead(_ stored: String) {
        #expect(DashboardLayout(stored: stored).stored == "ticket-status:8,0,4,6")
    }

    @Test("overlap is strict: touching edges do not overlap")
    func overlap() {
        let a = DashboardLayout.Placement(widget: .ticketList, x: 0, y: 0, width: 8, height: 6)
        #expect(!a.overlaps(.init(widget: .ticketStatus, x: 8, y: 0, width: 4, height: 6)))
        #expect(!a.overlaps(.init(widget: .ticketStatus, x: 0, y: 6, width: 4, height: 6)))
        #expect(a.overlaps(.init(widget: .ticketStatus, x: 7, y: 5, width: 4, height: 6)))
        #expect(a.overlaps(.init(widget: .ticketStatus, x: 1, y: 1, width: 2, height: 2)), "inside")
    }

    @Test("every widget's default size is valid on an empty grid and at least its minimum")
    func sizes() throws {
        for widget in DashboardWidget.allCases {
            #expect(widget.defaultSize.width >= widget.minimumSize.width)
            #expect(widget.defaultSize.height >= widget.minimumSize.height)
            _ = try DashboardLayout.validated([
                Entry(widget: widget.rawValue, x: 0, y: 0, width: widget.defaultSize.width, height: widget.defaultSize.height)
            ])
        }
    }

    @Test("a widget added without the editor goes where it first fits, at its default size, else its smallest")
    func adding() throws {
        let pie = try #require(DashboardLayout.empty.adding(.ticketStatus))
        #expect(pie.stored == "ticket-status:0,0,4,6")
        #expect(pie.adding(.ticketStatus) == nil, "already there")
        #expect(try #require(pie.adding(.ticketList)).stored == "ticket-status:0,0,4,6;ticket-list:4,0,8,6")
        // Room for the list's smallest size only: 4 columns by 3 rows under a 12 x 9 pie.
        let tall = try DashboardLayout.validated([Entry(widget: "ticket-status", x: 0, y: 0, width: 12, height: 9)])
        #expect(try #require(tall.adding(.ticketList)).stored == "ticket-status:0,0,12,9;ticket-list:0,9,4,3")
        let full = try DashboardLayout.validated([Entry(widget: "ticket-list", x: 0, y: 0, width: 12, height: 12)])
        #expect(full.adding(.ticketStatus) == nil, "no room")
        #expect(full.removing(.ticketList).isEmpty)
        #expect(full.removing(.ticketStatus) == full)
    }
}
