extension Migrations {
    /// The Responsabile's pages: the whole audit trail read newest first ("Registro attività"),
    /// the classic portal's requests read per company ("Portale classico"), a company's
    /// sessions found when it is deactivated.
    static let vendorAdministration = Migration(
        name: "0007_vendor_administration",
        sql: """
            -- the whole trail, a page at a time, without sorting every row
            CREATE INDEX audit_by_time ON audit_events(at DESC, id DESC);
            -- a company's latest request on the transition page
            CREATE INDEX legacy_requests_by_tenant ON legacy_access_requests(tenant_id, created_at DESC);
            -- "Disattiva azienda" takes the company away from the sessions working for it
            CREATE INDEX sessions_by_tenant ON sessions(tenant_id);
            """)
}
