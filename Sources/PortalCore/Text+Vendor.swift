// Constants alike in shape on purpose: part of the catalogue (see `Text.swift`).
/// The vendor administration on the desk: operators' roles and the Responsabile's pages.
extension Text {
    public static let deskRoleOperator = "Operatore"
    public static let deskRoleManager = "Responsabile"
    public static let menuVendorAdministration = "Amministrazione"
}
