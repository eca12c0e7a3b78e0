/// The manual's rules for existing tickets.
public enum TicketRules {
    /// A closed ticket can be reopened (by replying) for this many days after closing: the
    /// manual's "15 giorni", calendar days in Rome (15 × 24 hours moved the limit by an hour
    /// across a change of the clocks).
    public static let reopenDays = 15

    /// The first moment the customer may close a ticket created at `createdAt`: the start of
    /// the first whole minute after the delay, so that "dalle 04:50" (shown to the minute)
    /// holds for the whole of 04:50 and the delay is never shorter than configured (rounded
    /// down, closing came after 4 minutes and a few seconds of the 5).
    /// No delay configured: at once.
    public static func closableFrom(createdAt: Timestamp, delayMinutes: Int) -> Timestamp {
        guard delayMinutes > 0 else { return createdAt }
        let end = createdAt + Int64(delayMinutes) * 60
        let past = ((end % 60) + 60) % 60
        return past == 0 ? end : end + 60 - past
    }

    public static func canReopen(closedAt: Timestamp?, now: Timestamp) -> Bool {
        guard let closedAt else { return true }
        return now <= reopenDeadline(closedAt: closedAt)
    }

    /// The same clock time in Rome, `reopenDays` days after the closing.
    public static func reopenDeadline(closedAt: Timestamp) -> Timestamp {
        let (day, minute) = RomeTime.local(closedAt)
        return RomeTime.instant(day.adding(days: reopenDays), minute: minute) + ((closedAt % 60) + 60) % 60
    }

    /// "Bloccante" is only for new tickets: an existing ticket keeps it if it has it, and
    /// can never be raised to it.
    public static func mayChangePriority(from current: Priority, to wanted: Priority) -> Bool {
        wanted != .blocking || current == .blocking
    }

    /// Status after a customer's reply: a closed ticket reopens as waiting for the operator
    /// who had it, or unassigned; an open one keeps its status.
    public static func statusAfterCustomerReply(_ status: TicketStatus, hasOperator: Bool) -> TicketStatus {
        guard status == .closed else { return status }
        return hasOperator ? .waiting : .unassigned
    }
}
