import PortalCore
import PortalHTML
import PortalStore

/// "Scadenza" in "Coda ticket": which target an open ticket runs towards, the working time
/// left or how long it is overdue, and the deadline itself, one per line (the queue's nine
/// columns share 1280 pixels); a dash for a closed ticket.
enum DueCell {
    static func render(_ dueAt: Timestamp?, kind: ResponseTargets.Kind, now: Timestamp, calendar: WorkingCalendar) -> Node {
        guard let due = dueAt else { return Node.text("–") }
        let overdue = due <= now
        let minutes = overdue ? calendar.workingMinutes(from: due, to: now) : calendar.workingMinutes(from: now, to: due)
        let duration = WorkingDuration.rounded(minutes: minutes)
        return el("span", ["class": overdue ? "due due--overdue" : "due"]) {
            el("strong") { overdue ? (minutes == 0 ? Text.dueOverdueNow : Text.dueOverdue(duration)) : Text.dueLeft(duration) }
            el("span") { kind.label }
            el("span", ["class": "muted"]) { Clock.display(due) }
        }
    }
}
