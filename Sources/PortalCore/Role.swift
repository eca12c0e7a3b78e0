// Same shape as `DashboardWidget` and the ticket enums on purpose: a stored code as the raw
// value, and the label from the Italian catalogue.
/// The roles a company's user can hold, as the manual names them.
public enum Role: String, CaseIterable, Sendable {
    case administrator = "admin"
    case technician = "tech"

    public var label: String {
        switch self {
        case .administrator: Text.roleAdministrator
        case .technician: Text.roleTechnician
        }
    }

    public var summary: String {
        switch self {
        case .administrator: Text.roleAdministratorDescription
        case .technician: Text.roleTechnicianDescription
        }
    }

    /// `summary` said to the person who holds the role ("i ticket, la dashboard e il tuo profilo").
    public var allowsYou: String {
        switch self {
        case .administrator: Text.roleAdministratorAllows
        case .technician: Text.roleTechnicianAllows
        }
    }

    /// Accepts the Italian label (as `portal-admin` and forms take it) or the stored code.
    public init?(labelOrCode: String) {
        let key = labelOrCode.trimmingWhitespace().lowercased()
        guard let role = Role.allCases.first(where: { $0.rawValue == key || $0.label.lowercased() == key }) else {
            return nil
        }
        self = role
    }

    public var mayAdministerTenant: Bool { self == .administrator }
}
