/// Where the content of the pages stands, for a worker's caches of rendered parts: the
/// `content_version` counter, which triggers move with every change to tickets, messages,
/// files, companies, memberships and people's names, whichever process makes it. Read before
/// the data a cache keeps, so that a kept copy is never older than its stamp. Logins,
/// sessions, codes and preferences do not move it.
public struct ChangeStamp: Equatable, Sendable {
    public let contentVersion: Int64
}

extension Database {
    public func changeStamp() throws -> ChangeStamp {
        ChangeStamp(contentVersion: try scalarInt("SELECT version FROM content_version WHERE id = 1"))
    }
}
