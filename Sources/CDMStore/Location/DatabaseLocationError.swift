/// A malformed database URL; names the URL without its password.
public struct DatabaseLocationError: Error, CustomStringConvertible {
    public let text: String
    public let reason: String

    public var description: String {
        "database URL \(PostgresLocation.redacted(text)): \(reason)"
    }
}
