/// Proof of being inside `Database.write`, between `BEGIN IMMEDIATE` and `COMMIT`. Only
/// `Database.write` makes one, and it is not `Sendable` nor meant to be kept: a function that
/// takes it is called inside its caller's transaction by construction.
public struct WriteTransaction {
    public let database: Database

    init(database: Database) { self.database = database }
}

@available(*, unavailable)
extension WriteTransaction: Sendable {}
