/// Thrown to leave a handler early with a redirect (e.g. "log in first").
public struct Redirect: Error {
    public let location: String
    public init(to location: String) { self.location = location }
}
