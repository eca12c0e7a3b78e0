/// A command that could not do its work for a reason the operator of the CLI can act on;
/// printed as it is, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
