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
        json.member("columns", Int64(DashboardLayout.columns))
        json.member("rows", Int64(DashboardLayout.rows))
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
        json.member("total", Int64(data.total))
        json.member("caption", Text.widgetRecentTickets(data.recent.count, of: data.total))
        json.key("tickets")
        json.beginArray()
        for ticket in data.recent { write(ticket, to: &json) }
        json.endArray()
        json.endObject()
        json.key(escaping: DashboardWidget.ticketStatus.rawValue)
        json.beginObject()
        json.member("open", data.counts.open)
        json.member("closed", data.counts.closed)
        json.member("total", data.counts.total)
        json.member("openText", Text.openTickets(data.counts.open))
        json.member("closedText", Text.closedTickets(data.counts.closed))
        json.member("totalText", Text.totalTickets(data.counts.total))
        json.endObject()
        json.endObject()
    }

    static func write(_ ticket: DashboardTicket, to json: inout JSONWriter) {
        json.beginObject()
        json.member("number", ticket.number)
        json.member("url", "/ticket/\(ticket.number)")
        json.member("title", ticket.title)
        json.member("priority", ticket.priority.rawValue)
        json.member("priorityLabel", ticket.priority.label)
        json.member("closed", ticket.status.isClosed)
        json.member("statusLabel", ticket.status.label)
        json.member("requester", ticket.requesterName)
        json.member("operator", ticket.operatorName ?? Text.noOperator)
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
