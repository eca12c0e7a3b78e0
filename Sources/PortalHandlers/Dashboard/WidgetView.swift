import PortalCore
import PortalHTML

/// One widget on the grid: its title, the keyboard controls of the editor (shown only while
/// editing), its content and the corner the mouse resizes it by. The position and size are
/// classes (`dash-x-3 dash-w-4`…): the CSP allows no style attribute in the markup.
/// The only renderer of a widget: the page's saved widgets and the editor's new and
/// refreshed ones (GET /api/dashboard/widget/{id}, without a placement) are all drawn here.
enum WidgetView {
    static func render(_ widget: DashboardWidget, at placement: DashboardLayout.Placement?, data: DashboardData) -> Node {
        let id = "widget-\(widget.rawValue)"
        let size = placement.map { ($0.width, $0.height) } ?? widget.defaultSize
        return el(
            "section",
            [
                "class": placement.map(classes) ?? "widget", "id": placement == nil ? nil : id,
                "data-widget": widget.rawValue, "data-x": placement.map { String($0.x) },
                "data-y": placement.map { String($0.y) }, "data-w": String(size.0), "data-h": String(size.1),
                "aria-labelledby": "\(id)-title",
            ]
        ) {
            el("header", ["class": "widget-head"]) {
                el("h2", ["class": "widget-title", "id": "\(id)-title"]) { widget.title }
                tools(widget)
            }
            el("div", ["class": "widget-body", "tabindex": "0", "role": "group", "aria-labelledby": "\(id)-title"]) {
                content(widget, data)
            }
            // The mouse's handle (the keyboard has the size buttons): named for whoever points at
            // it, hidden from screen readers, which have the buttons.
            el("div", ["class": "widget-resize", "aria-hidden": "true", "title": Text.widgetResizeHandle])
        }
    }

    static func classes(_ placement: DashboardLayout.Placement) -> String {
        "widget dash-x-\(placement.x) dash-y-\(placement.y) dash-w-\(placement.width) dash-h-\(placement.height)"
    }

    static func content(_ widget: DashboardWidget, _ data: DashboardData) -> Node {
        switch widget {
        case .ticketList: TicketListWidget.render(data)
        case .ticketStatus: TicketStatusWidget.render(data.counts)
        }
    }

    static let controls: [(action: String, symbol: String, label: String)] = [
        ("left", "←", Text.widgetMoveLeft), ("right", "→", Text.widgetMoveRight), ("up", "↑", Text.widgetMoveUp),
        // The size's buttons by the direction they change (↔ width, ↕ height): "L−" and "A+"
        // were the Italian words' initials, which nobody guessed without the tooltip.
        ("down", "↓", Text.widgetMoveDown), ("narrower", "↔−", Text.widgetNarrower), ("wider", "↔+", Text.widgetWider),
        ("shorter", "↕−", Text.widgetShorter), ("taller", "↕+", Text.widgetTaller),
    ]

    /// Buttons, so that everything the mouse does has a keyboard way; each announces its
    /// result through the page's live region (dashboard.js).
    static func tools(_ widget: DashboardWidget) -> Node {
        el("div", ["class": "widget-tools", "role": "group", "aria-label": Text.widgetControls(widget.title)]) {
            for control in controls {
                el(
                    "button",
                    [
                        "type": "button", "class": "widget-tool", "data-action": control.action,
                        "aria-label": Text.widgetTool(control.label, widget.title), "title": control.label,
                    ]
                ) { control.symbol }
            }
            el(
                "button",
                [
                    "type": "button", "class": "widget-tool widget-tool--remove", "data-action": "remove",
                    "aria-label": Text.widgetTool(Text.widgetRemoveShort, widget.title), "title": Text.widgetRemove,
                ]
            ) { "×" }
        }
    }
}
