/// A user or key operation that cannot be done: the message names the user or key id, never a secret.
public struct IdentityError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
