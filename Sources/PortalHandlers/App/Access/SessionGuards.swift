import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// Anyone with a live session, customer or operator.
struct SignedInContext: SessionContext {
    let services: Services
    let current: CurrentUser
}

enum SignedInGuard: AccessGuard {
    static let access = Access.signedIn

    static func resolve(_ request: Request, _ services: Services) throws -> SignedInContext {
        SignedInContext(services: services, current: try CurrentUser.require(request, services))
    }
}

/// A customer working for the session's company. The company comes from the session, never
/// from the request.
struct MemberContext: SessionContext {
    let services: Services
    let current: CurrentUser
    let tenant: TenantRecord
    let role: Role
}

extension MemberContext {
    /// One line of the company's activity trail ("Attività").
    func audit(in tx: WriteTransaction, _ event: String, detail: String, _ request: Request) throws {
        try AuditStore.record(in: tx, event, tenantID: tenant.id, userID: user.id, actorEmail: user.email, detail: detail,
            clientIP: request.clientAddress, now: services.now)
    }
}

enum MemberGuard: AccessGuard {
    static let access = Access.member

    static func resolve(_ request: Request, _ services: Services) throws -> MemberContext {
        let current = try CurrentUser.require(request, services)
        // Operators have no company session: the company pages do not exist for them.
        guard let membership = current.membership else {
            if current.user.isOperator {
                // A customer's e-mail forwarded to the desk: its link opens the ticket there, and
                // a ticket's files page or file their desk's own.
                if request.method == "GET", let number = request.pathID("number") {
                    let ticket = "/ticket/\(number)"
                    if request.path == ticket || request.path == ticket + "/allegati" { throw Redirect(to: "/desk" + ticket) }
                    if let id = request.pathID("id"), request.path == ticket + "/allegati/\(id)" {
                        throw Redirect(to: "/desk" + ticket + "/allegati/\(id)")
                    }
                }
                // Still 404 (the pages are not theirs), in words that fit a person signed in.
                var refused = HTTPError(status: 404, message: Text.customerPageForOperators, reason: "not found")
                refused.title = Text.customerPageForOperatorsTitle
                throw refused
            }
            // The page asked for is opened once a company is chosen: a ticket's link from an
            // e-mail, followed after the company was deactivated and reactivated, ended on the
            // dashboard.
            guard request.method == "GET", !request.path.hasPrefix("/api/") else { throw Redirect(to: CompanyChoiceHandlers.path) }
            throw Redirect(to: CompanyChoiceHandlers.path + "?next=" + urlEncode(SafeRedirect.returnAddress(for: request)))
        }
        return MemberContext(services: services, current: current, tenant: membership.tenant, role: membership.role)
    }
}

/// An administrator of the session's company. Everyone else (technicians, operators) gets
/// 404, as if the pages did not exist.
enum AdministratorGuard: AccessGuard {
    static let access = Access.administrator

    static func resolve(_ request: Request, _ services: Services) throws -> MemberContext {
        let context = try MemberGuard.resolve(request, services)
        // Still 404 (the pages are not theirs), in words: an administrator demoted while a page
        // of theirs was open pressed its button and read that the page did not exist.
        guard context.role.mayAdministerTenant else {
            var refused = HTTPError(status: 404, message: Text.tenantAdministratorsOnly(
                    context.role.label, sent: request.method != "GET" && request.method != "HEAD"), reason: "not found")
            refused.title = Text.tenantAdministratorsOnlyTitle
            throw refused
        }
        return context
    }
}

// Same shape as `SignedInContext` and its guard on purpose: a type of its own, so a desk
// handler cannot be routed under a group that lets customers in.
/// One of the vendor's support staff. Customers and visitors get 404: the desk does not exist
/// for them, and an anonymous visitor learns nothing of its addresses.
struct OperatorContext: SessionContext {
    let services: Services
    let current: CurrentUser
    let role: DeskRole
}

extension OperatorContext {
    /// One line of the vendor's audit trail; `tenantID` puts it in that company's "Attività" too.
    func audit(in tx: WriteTransaction, _ event: String, tenantID: Int64? = nil, detail: String, _ request: Request) throws {
        try AuditStore.record(in: tx, event, tenantID: tenantID, userID: user.id, actorEmail: user.email, detail: detail,
            clientIP: request.clientAddress, now: services.now)
    }
}

enum OperatorGuard: AccessGuard {
    static let access = Access.operator

    static func resolve(_ request: Request, _ services: Services) throws -> OperatorContext {
        // The same 404 as an address that does not exist, whatever the cookie: a visitor learns
        // nothing of the desk's addresses. Without a live session both say to sign in again (a
        // dead cookie too: an operator whose session ended or who was deactivated reloads the
        // desk; `PortalApp.notFound` words an unknown address alike).
        guard let current = try CurrentUser.find(request, services) else {
            // An operator's own login under way in this browser: on at its step, as a customer's.
            try CurrentUser.continueLogin(request, services, for: { $0.isOperator })
            throw HTTPError.notFoundSignedOut
        }
        // Every desk address, a ticket's too, is a 404 to a customer (issue 12: "as if it did
        // not exist"); a redirect of a desk link to their own page told them it was one.
        guard current.user.isOperator else { throw HTTPError.notFound }
        return OperatorContext(services: services, current: current, role: current.user.deskRole ?? .operator)
    }
}

/// A "Responsabile" of the desk: the vendor administration. An "Operatore" gets 404 here,
/// as customers do on the whole desk.
enum ManagerGuard: AccessGuard {
    static let access = Access.manager

    static func resolve(_ request: Request, _ services: Services) throws -> OperatorContext {
        let context = try OperatorGuard.resolve(request, services)
        guard context.role.mayAdministerVendor else { throw HTTPError.notFound }
        return context
    }
}
