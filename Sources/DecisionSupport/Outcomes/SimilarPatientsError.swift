/// Why similar patients cannot be looked for: the facts lack what every match needs.
public struct SimilarPatientsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
