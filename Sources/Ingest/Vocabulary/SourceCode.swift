/// A code as a FHIR coding carries it: the code-system URI and the code, unchanged.
public struct SourceCode: Hashable, Sendable {
    public let system: String
    public let code: String

    public init(system: String, code: String) {
        self.system = system
        self.code = code
    }
}
