/// An error of the federated network, said for a person: what went wrong and where (a field of the study, a
/// node, a step). It never carries a patient's data.
public struct FederationError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A stable code a program can act on ("study-not-approved", "budget-spent", …).
    public let code: String
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
