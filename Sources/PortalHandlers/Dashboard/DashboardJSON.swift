import PortalCore
import PortalHTTP
import PortalStore

/// The API's JSON: the layout as `[{widget, x, y, w, h}]` and each widget's data, keyed by
/// widget id. Labels come translated so that other clients show the same words as the
/// page (the portal's own editor takes the widgets' markup from the server instead).
enum DashboardJSON {
    /// `{"grid": …, "layout": […], "data": {…}}`, the data spliced in as it was serialised
    /// (possibly from the worker's cache).
    static func response(layout: DashboardLayout, dataJSON: [UInt8]) throws -> Response {
        var body = JSONValue.object([
            "grid": .object(["columns": .int(DashboardLayout.columns), "rows": .int(DashboardLayout.rows)]),
            "layout": self.layout(layout),
        ]).bytes
        body.removeLast()  // the closing brace
        body.append(contentsOf: #","data":"#.utf8)
        body.append(contentsOf: dataJSON)
        body.append(UInt8(ascii: "}"))
        var response = Response(status: 200, contentType: "application/json; charset=utf-8", body: body)
        try response.setHeader("Cache-Control", "no-store")
        return response
    }

    static func layout(_ layout: DashboardLayout) -> JSONValue {
        .array(
            layout.placements.map {
                .object([
                    "widget": .string($0.widget.rawValue), "x": .int($0.x), "y": .int($0.y), "w": .int($0.width),
                    "h": .int($0.height),
                ])
            })
    }

    static func data(_ data: DashboardData) -> JSONValue {
        .object([
            DashboardWidget.ticketList.rawValue: .object([
                "total": .int(data.recent.total),
                "caption": .string(Text.widgetRecentTickets(data.recent.tickets.count, of: data.recent.total)),
                "tickets": .array(data.recent.tickets.map(ticket)),
            ]),
            DashboardWidget.ticketStatus.rawValue: .object([
                "open": .int(data.counts.open), "closed": .int(data.counts.closed), "total": .int(data.counts.total),
                "openText": .string(Text.openTickets(data.counts.open)),
                "closedText": .string(Text.closedTickets(data.counts.closed)),
                "totalText": .string(Text.totalTickets(data.counts.total)),
            ]),
        ])
    }

    static func ticket(_ ticket: TicketSummary) -> JSONValue {
        .object([
            "number": .int(ticket.number), "url": .string("/ticket/\(ticket.number)"), "title": .string(ticket.title),
            "priority": .string(ticket.priority.rawValue), "priorityLabel": .string(ticket.priority.label),
            "closed": .bool(ticket.status.isClosed), "statusLabel": .string(ticket.status.label),
            "requester": .string(ticket.requesterName), "operator": .string(ticket.operatorName ?? Text.noOperator),
        ])
    }

    /// The entries of a layout request: `{"layout": [{"widget": "…", "x": 0, "y": 0, "w": 8, "h": 6}], …}`.
    /// Anything else in the body (the CSRF token) is ignored; a wrong shape is a 400.
    static func entries(from body: JSONValue) throws -> [DashboardLayout.Entry] {
        guard let items = body["layout"]?.arrayValue else {
            throw HTTPError(status: 400, message: Text.layoutMalformed, reason: "no layout array")
        }
        guard items.count <= DashboardLayout.maximumEntries else {
            throw HTTPError(
                status: 400, message: Text.layoutTooManyWidgets(DashboardLayout.maximumEntries), reason: "too many entries")
        }
        return try items.map { item in
            guard let widget = item["widget"]?.stringValue, let x = item["x"]?.intValue, let y = item["y"]?.intValue,
                let width = item["w"]?.intValue, let height = item["h"]?.intValue
            else { throw HTTPError(status: 400, message: Text.layoutMalformed, reason: "bad layout entry") }
            return DashboardLayout.Entry(widget: widget, x: x, y: y, width: width, height: height)
        }
    }
}
