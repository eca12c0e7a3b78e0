import PortalCore
import PortalHTML

/// "Aggiungi Widget", the panel on the right of the manual's screenshot: the widgets to drag
/// into the grid, a search box that filters them ("Ricerca widgets"), and an "Aggiungi"
/// button on each for the keyboard. Hidden until the editor opens it.
enum DashboardPanel {
    static func render(layout: DashboardLayout) -> Node {
        el("aside", ["class": "widget-panel", "id": "widget-panel", "aria-labelledby": "widget-panel-title", "hidden": "hidden"]) {
            el("div", ["class": "widget-panel-head"]) {
                el("h2", ["id": "widget-panel-title"]) { Text.dashboardAddWidget }
                el(
                    "button",
                    [
                        "type": "button", "class": "button button--ghost widget-panel-close", "data-action": "close-panel",
                        "aria-label": Text.dashboardClosePanel, "title": Text.dashboardClosePanel,
                    ]
                ) { "×" }
            }
            el("div", ["class": "field"]) {
                el("label", ["for": "widget-search"]) { Text.dashboardSearchWidgets }
                // The manual's picture has the words inside the box too.
                el("input", [
                    "type": "search", "id": "widget-search", "aria-describedby": "widget-panel-hint",
                    "placeholder": Text.dashboardSearchWidgets,
                ])
            }
            el("p", ["class": "muted", "id": "widget-panel-hint"]) { Text.dashboardPanelHint }
            el("ul", ["class": "widget-choices"]) {
                for widget in DashboardWidget.allCases { choice(widget, placed: layout.placements.contains { $0.widget == widget }) }
            }
            el("p", ["class": "muted", "id": "widget-search-none", "hidden": "hidden"]) { Text.dashboardNoWidgetFound }
        }
    }

    static func choice(_ widget: DashboardWidget, placed: Bool) -> Node {
        let id = "choice-\(widget.rawValue)"
        return el(
            "li",
            [
                "class": "widget-choice", "data-widget": widget.rawValue, "data-w": String(widget.defaultSize.width),
                "data-h": String(widget.defaultSize.height), "data-min-w": String(widget.minimumSize.width),
                "data-min-h": String(widget.minimumSize.height), "data-title": widget.title,
            ]
        ) {
            // A placed widget's choice has its title drawn by the stylesheet from the attribute:
            // as text it made the placed widget's title two elements for a search by text
            // («Elenco ticket»: its heading and the hidden panel's). One not placed is text, to be
            // found and dragged by it. The script keeps this as widgets come and go.
            el("p", ["class": "widget-choice-title", "id": "\(id)-title", "data-title": widget.title]) { placed ? "" : widget.title }
            el("p", ["class": "widget-choice-summary"]) { widget.summary }
            el("p", ["class": "widget-choice-placed", "hidden": placed ? nil : "hidden"]) { Text.dashboardAlreadyPlaced }
            el(
                "button",
                [
                    "type": "button", "class": "button", "data-action": "add-widget",
                    "disabled": placed ? "disabled" : nil,
                    // Named with the widget's title in the attribute, not in hidden text: the
                    // title written twice made "Stato Ticket" two elements to a search by text.
                    "aria-label": Text.dashboardAdd + " " + widget.title,
                ]
            ) {
                Text.dashboardAdd
            }
        }
    }
}
