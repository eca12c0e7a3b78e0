import PortalCore
import PortalHTTP
import PortalStore

/// "Termina" and "Termina tutte le altre" of the profile's "Sessioni attive": a person ends
/// their own sessions, never the one they are using (that is "Esci").
enum SessionHandlers {
    static func end(_ request: Request, _ context: SignedInContext) throws -> Response {
        let services = context.services
        let current = context.current
        guard let id = request.pathID("id"), id != current.session.id else {
            throw HTTPError.notFound
        }
        try ProfileHandlers.save(services, notice: "sessione") { tx in
            // Ended meanwhile (expired, «Termina» in another tab, «Esci» there): said on the
            // list, where a bare 404 read as a fault. Another person's number gets the same
            // words, which tell nothing of it.
            guard try SessionStore(services.database).delete(id: id, userID: current.user.id, now: services.now) else {
                throw Redirect(to: "/profilo?avviso=sessione-gia-terminata")
            }
            try AuditStore.record(in: tx, "session_ended", tenantID: current.tenantID, userID: current.user.id,
                actorEmail: current.user.email, clientIP: request.clientAddress, now: services.now)
        }
    }

    static func endOthers(_ request: Request, _ context: SignedInContext) throws -> Response {
        let services = context.services
        let current = context.current
        try ProfileHandlers.save(services, notice: "sessioni") { tx in
            let ended = try SessionStore(services.database).deleteOthers(userID: current.user.id, keeping: current.session.id, now: services.now)
            try AuditStore.record(in: tx, "sessions_ended", tenantID: current.tenantID, userID: current.user.id,
                actorEmail: current.user.email, detail: String(ended), clientIP: request.clientAddress, now: services.now)
        }
    }
}
