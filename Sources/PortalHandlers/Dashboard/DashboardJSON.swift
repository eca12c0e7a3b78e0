import PortalCore
import PortalHTTP
import PortalStore

/// The API's JSON: the layout as `[{widget, x, y, w, h}]` and each widget's data, keyed by
/// widget id. Labels come translated so that other clients show the same words as the
/// page (the portal's own editor takes the widgets' markup from the server instead).
enum DashboardJSON {
    /// `{"grid": …, "layout": […], "data": {…}}`, written straight into the body.
    static func response(layout: DashboardLayout, data: DashboardData) throws -> Response {
        var json = JSONWriter(capacity: 8 * 1024)
        json.beginObject()
        json.key("grid")
        json.beginObject()
        json.key("columns")
        json.int(Int64(DashboardLayout.columns))
        json.key("rows")
        json.int(Int64(DashboardLayout.rows))
        json.endObject()
        json.key("layout")
        json.value(self.layout(layout))
        json.key("data")
        write(data, to: &json)
        json.endObject()
        var response = Response(status: 200, contentType: "application/json; charset=utf-8", body: json.bytes)
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

    /// Each widget's data under its id.
    static func write(_ data: DashboardData, to json: inout JSONWriter) {
        json.beginObject()
        json.key(escaping: DashboardWidget.ticketList.rawValue)
        json.beginObject()
        json.key("total")
        json.int(Int64(data.total))
        json.key("caption")
        json.string(Text.widgetRecentTickets(data.recent.count, of: data.total))
        json.key("tickets")
        json.beginArray()
        for ticket in data.recent { write(ticket, to: &json) }
        json.endArray()
        json.endObject()
        json.key(escaping: DashboardWidget.ticketStatus.rawValue)
        json.beginObject()
        json.key("open")
        json.int(data.counts.open)
        json.key("closed")
        json.int(data.counts.closed)
        json.key("total")
        json.int(data.counts.total)
        json.key("openText")
        json.string(Text.openTickets(data.counts.open))
        json.key("closedText")
        json.string(Text.closedTickets(data.counts.closed))
        json.key("totalText")
        json.string(Text.totalTickets(data.counts.total))
        json.endObject()
        json.endObject()
    }

    static func write(_ ticket: DashboardTicket, to json: inout JSONWriter) {
        json.beginObject()
        json.key("number")
        json.int(ticket.number)
        json.key("url")
        json.string("/ticket/\(ticket.number)")
        json.key("title")
        json.string(ticket.title)
        json.key("priority")
        json.string(ticket.priority.rawValue)
        json.key("priorityLabel")
        json.string(ticket.priority.label)
        json.key("closed")
        json.bool(ticket.status.isClosed)
        json.key("statusLabel")
        json.string(ticket.status.label)
        json.key("requester")
        json.string(ticket.requesterName)
        json.key("operator")
        json.string(ticket.operatorName ?? Text.noOperator)
        json.endObject()
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
