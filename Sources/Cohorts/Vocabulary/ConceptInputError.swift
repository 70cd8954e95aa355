/// Input to a vocabulary function that cannot be used: which field (a search parameter, a form field,
/// or a JSON path into a concept-set expression such as `$.items[2].concept.CONCEPT_ID`) and why.
public struct ConceptInputError: Error, CustomStringConvertible, Equatable {
    public let field: String
    public let reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}
