/// An error the database reported, with its message only (never the statement's bound values).
public struct DatabaseError: Error, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
