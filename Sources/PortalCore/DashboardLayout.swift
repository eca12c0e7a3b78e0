/// The widgets a dashboard can hold (the manual's chapter 1: "Elenco ticket", "Stato Ticket").
/// The raw value is the id the browser and the stored layout use.
public enum DashboardWidget: String, CaseIterable, Sendable {
    case ticketList = "ticket-list"
    case ticketStatus = "ticket-status"

    public var title: String {
        switch self {
        case .ticketList: Text.widgetTicketList
        case .ticketStatus: Text.widgetTicketStatus
        }
    }

    public var summary: String {
        switch self {
        case .ticketList: Text.widgetTicketListSummary
        case .ticketStatus: Text.widgetTicketStatusSummary
        }
    }

    /// Below this a widget's content is no longer readable: its title bar and a few rows.
    public var minimumSize: (width: Int, height: Int) {
        switch self {
        case .ticketList: (4, 3)
        case .ticketStatus: (3, 4)
        }
    }

    /// The size a widget gets when it is dropped or added with the keyboard.
    public var defaultSize: (width: Int, height: Int) {
        switch self {
        case .ticketList: (8, 6)
        case .ticketStatus: (4, 6)
        }
    }
}

/// Where each widget sits on the dashboard's grid, saved per user and company. The grid has
/// a fixed size so that a layout means the same on every screen; small screens stack the
/// widgets in reading order instead.
public struct DashboardLayout: Sendable, Equatable {
    public static let columns = 12
    public static let rows = 12
    /// More entries than this are refused before anything else is looked at ("too large").
    public static let maximumEntries = 12

    public struct Placement: Sendable, Equatable {
        public var widget: DashboardWidget
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int

        public init(widget: DashboardWidget, x: Int, y: Int, width: Int, height: Int) {
            self.widget = widget
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        public func overlaps(_ other: Placement) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }

        /// Each bound is checked before the sums, so that huge numbers cannot overflow them.
        var isInsideGrid: Bool {
            (0..<DashboardLayout.columns).contains(x) && (1...DashboardLayout.columns).contains(width)
                && (0..<DashboardLayout.rows).contains(y) && (1...DashboardLayout.rows).contains(height)
                && x + width <= DashboardLayout.columns && y + height <= DashboardLayout.rows
        }

        var isLargeEnough: Bool { width >= widget.minimumSize.width && height >= widget.minimumSize.height }
    }

    // Same shape as `Placement` on purpose: an entry is unchecked input (any widget name, any
    // numbers), a placement passed the checks, and the type says which one a function holds.
    /// One entry as a client sent it, before it is known to be a layout.
    public struct Entry: Sendable, Equatable {
        public var widget: String
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int

        public init(widget: String, x: Int, y: Int, width: Int, height: Int) {
            self.widget = widget
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }

    /// In reading order: by row, then by column.
    public let placements: [Placement]

    public static let empty = DashboardLayout(sorted: [])

    public var isEmpty: Bool { placements.isEmpty }

    private init(sorted placements: [Placement]) {
        self.placements = placements.sorted { ($0.y, $0.x) < ($1.y, $1.x) }
    }

    /// The layout of these entries, or the first reason it is not one.
    public static func validated(_ entries: [Entry]) throws(DashboardLayoutError) -> DashboardLayout {
        guard entries.count <= maximumEntries else { throw .tooManyWidgets(entries.count) }
        var placements: [Placement] = []
        for entry in entries {
            guard let widget = DashboardWidget(rawValue: entry.widget) else { throw .unknownWidget(entry.widget) }
            let placement = Placement(widget: widget, x: entry.x, y: entry.y, width: entry.width, height: entry.height)
            guard !placements.contains(where: { $0.widget == widget }) else { throw .repeatedWidget(widget) }
            guard placement.isInsideGrid else { throw .outOfGrid(widget) }
            guard placement.isLargeEnough else { throw .tooSmall(widget) }
            if let other = placements.first(where: { $0.overlaps(placement) }) {
                throw .overlapping(other.widget, widget)
            }
            placements.append(placement)
        }
        return DashboardLayout(sorted: placements)
    }

    // MARK: Changes without the editor

    /// `widget` added where it first fits in reading order, at its default size or else at
    /// its smallest (the pages without JavaScript add widgets this way); nil when there is no
    /// room for it or it is there already.
    public func adding(_ widget: DashboardWidget) -> DashboardLayout? {
        guard !placements.contains(where: { $0.widget == widget }) else { return nil }
        for size in [widget.defaultSize, widget.minimumSize] {
            for y in 0...(DashboardLayout.rows - size.height) {
                for x in 0...(DashboardLayout.columns - size.width) {
                    let placement = Placement(widget: widget, x: x, y: y, width: size.width, height: size.height)
                    if !placements.contains(where: { $0.overlaps(placement) }) {
                        return DashboardLayout(sorted: placements + [placement])
                    }
                }
            }
        }
        return nil
    }

    public func removing(_ widget: DashboardWidget) -> DashboardLayout {
        DashboardLayout(sorted: placements.filter { $0.widget != widget })
    }

    public func contains(_ widget: DashboardWidget) -> Bool { placements.contains { $0.widget == widget } }

    // MARK: Stored form

    /// The compact text kept in the preferences: `ticket-list:0,0,8,6;ticket-status:8,0,4,6`.
    public var stored: String {
        placements.map { "\($0.widget.rawValue):\($0.x),\($0.y),\($0.width),\($0.height)" }.joined(separator: ";")
    }

    /// Reads a stored layout leniently: an entry that no longer fits the rules (a retired
    /// widget, a grid made smaller) is dropped rather than losing the whole dashboard.
    public init(stored: String) {
        var kept: [Placement] = []
        for piece in stored.split(separator: ";") {
            let parts = piece.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let widget = DashboardWidget(rawValue: String(parts[0])) else { continue }
            let numbers = parts[1].split(separator: ",", omittingEmptySubsequences: false).compactMap { Int($0) }
            guard numbers.count == 4 else { continue }
            let placement = Placement(widget: widget, x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
            guard placement.isInsideGrid, placement.isLargeEnough, kept.count < DashboardLayout.maximumEntries,
                !kept.contains(where: { $0.widget == widget || $0.overlaps(placement) })
            else { continue }
            kept.append(placement)
        }
        self.init(sorted: kept)
    }
}

/// Why a layout was refused; `message` is what the person reads (the saved layout stays).
public enum DashboardLayoutError: Error, Equatable, Sendable {
    case tooManyWidgets(Int)
    case unknownWidget(String)
    case repeatedWidget(DashboardWidget)
    case outOfGrid(DashboardWidget)
    case tooSmall(DashboardWidget)
    case overlapping(DashboardWidget, DashboardWidget)

    public var message: String {
        switch self {
        case .tooManyWidgets: Text.layoutTooManyWidgets(DashboardLayout.maximumEntries)
        case .unknownWidget: Text.layoutUnknownWidget
        case .repeatedWidget(let widget): Text.layoutRepeatedWidget(widget.title)
        case .outOfGrid(let widget): Text.layoutOutOfGrid(widget.title, DashboardLayout.columns, DashboardLayout.rows)
        case .tooSmall(let widget):
            Text.layoutTooSmall(widget.title, widget.minimumSize.width, widget.minimumSize.height)
        case .overlapping(let first, let second): Text.layoutOverlapping(first.title, second.title)
        }
    }
}
