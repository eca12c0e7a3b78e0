// Same shape as `Role` on purpose: a stored code as the raw value, the label from the
// Italian catalogue, and the label or the code accepted where a person types it.
/// What an operator of the vendor may do on the desk: "Operatore" works tickets,
/// "Responsabile" also runs the vendor administration (companies, operators, response
/// targets, figures, audit).
public enum DeskRole: String, CaseIterable, Sendable {
    case `operator` = "operator"
    case manager = "manager"

    public var label: String {
        switch self {
        case .operator: Text.deskRoleOperator
        case .manager: Text.deskRoleManager
        }
    }

    public init?(labelOrCode: String) {
        let key = labelOrCode.trimmingWhitespace().lowercased()
        guard let role = DeskRole.allCases.first(where: { $0.rawValue == key || $0.label.lowercased() == key }) else {
            return nil
        }
        self = role
    }

    public var mayAdministerVendor: Bool { self == .manager }
}
