/// The command line asked for something the command does not take: the caller prints the
/// message with the command's synopsis and exits 64 (`EX_USAGE`), before anything is touched.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
