/// Who is looking at a dynamic page: what the header and the menu need to know.
public struct Viewer: Sendable {
    public var displayName: String
    public var companyName: String?
    public var csrfToken: String
    public var mayAdministerTenant: Bool
    /// The vendor's support staff: their menu leads to the desk, not to company pages.
    public var isOperator: Bool
    /// A "Responsabile" of the desk: the menu adds the vendor administration.
    public var mayAdministerVendor: Bool
    /// Whose drafts a form's script keeps and offers (a person in a company): a browser
    /// shared at a front desk must not offer one person's draft to the next.
    public var draftOwner = ""
    /// The person's user id.
    public var userID: Int64 = 0
    /// The ticket forms' signed name of the person (`KeptForms.ownerValue`).
    public var formOwner = ""
    /// The profile picture's address, when the person has one: the header shows it.
    public var pictureAddress: String?

    /// A picture's address names it by its SHA-256: a browser shared by two people never
    /// shows one the other's picture from its cache.
    public static func pictureAddress(sha256: String) -> String { "/profilo/immagine?v=" + sha256.prefix(16) }

    public init(
        displayName: String, companyName: String?, csrfToken: String, mayAdministerTenant: Bool, isOperator: Bool = false,
        mayAdministerVendor: Bool = false
    ) {
        self.displayName = displayName
        self.companyName = companyName
        self.csrfToken = csrfToken
        self.mayAdministerTenant = mayAdministerTenant
        self.isOperator = isOperator
        self.mayAdministerVendor = mayAdministerVendor
    }
}
