/// Ticket vocabulary from the manual's chapter 3. Raw values are what the database stores.
public enum TicketStatus: String, CaseIterable, Sendable {
    case unassigned, waiting, postponed, inDevelopment = "development", closed

    public var label: String {
        switch self {
        case .unassigned: Text.statusUnassigned
        case .waiting: Text.statusWaiting
        case .postponed: Text.statusPostponed
        case .inDevelopment: Text.statusInDevelopment
        case .closed: Text.statusClosed
        }
    }

    public var isClosed: Bool { self == .closed }
}

public enum Priority: String, CaseIterable, Sendable {
    case low, normal, high, blocking

    public var label: String {
        switch self {
        case .low: Text.priorityLow
        case .normal: Text.priorityNormal
        case .high: Text.priorityHigh
        case .blocking: Text.priorityBlocking
        }
    }

    /// Sort key: higher is more urgent.
    public var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .blocking: 3
        }
    }
}

public enum RequestType: String, CaseIterable, Sendable {
    case assistance, appointment

    public var label: String {
        switch self {
        case .assistance: Text.requestTypeAssistance
        case .appointment: Text.requestTypeAppointment
        }
    }
}

public enum RequestArea: String, CaseIterable, Sendable {
    case administrative, management, systems

    public var label: String {
        switch self {
        case .administrative: Text.areaAdministrative
        case .management: Text.areaManagement
        case .systems: Text.areaSystems
        }
    }

    public var shortLabel: String {
        switch self {
        case .administrative: Text.areaAdministrativeShort
        case .management: Text.areaManagementShort
        case .systems: Text.areaSystemsShort
        }
    }
}

public enum ContactPreference: String, CaseIterable, Sendable {
    case web, phone

    public var label: String {
        switch self {
        case .web: Text.contactWeb
        case .phone: Text.contactPhone
        }
    }
}
