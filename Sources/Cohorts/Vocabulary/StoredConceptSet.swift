import Foundation
import OMOP

/// A concept set saved in `optima_concept_set`, its expression JSON unchanged, so that what ATLAS
/// exported imports back into ATLAS as it was.
public struct StoredConceptSet: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let description: String?
    public let expression: ConceptSetExpression
    public let createdBy: String
    /// When it was saved, in UTC.
    public let createdAt: CDMDateTime

    public init(id: Int64, name: String, description: String?, expression: ConceptSetExpression, createdBy: String, createdAt: CDMDateTime) {
        self.id = id
        self.name = name
        self.description = description
        self.expression = expression
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// The ATLAS concept-set export: the expression JSON as stored.
    public var atlasJSON: Data { expression.json }
}
