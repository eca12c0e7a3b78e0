/// Who is looking at a dynamic page: what the header and the menu need to know.
public struct Viewer: Sendable {
    public var displayName: String
    public var companyName: String?
    public var csrfToken: String
    public var mayAdministerTenant: Bool

    public init(displayName: String, companyName: String?, csrfToken: String, mayAdministerTenant: Bool) {
        self.displayName = displayName
        self.companyName = companyName
        self.csrfToken = csrfToken
        self.mayAdministerTenant = mayAdministerTenant
    }
}
