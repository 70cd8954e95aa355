/// A definition that parses but cannot be turned into SQL, said in words; nothing has run when it is thrown.
public struct CohortCompilationError: Error, CustomStringConvertible, Equatable {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { "cannot compile the cohort definition: \(reason)" }
}
