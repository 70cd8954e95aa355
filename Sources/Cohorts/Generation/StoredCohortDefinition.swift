import Foundation

/// A cohort definition kept in the CDM's `cohort_definition` table, its Circe JSON unchanged in
/// `cohort_definition_syntax`, so ATLAS JSON goes in and comes out byte for byte.
public struct StoredCohortDefinition: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let description: String?
    public let json: Data

    public init(id: Int64, name: String, description: String?, json: Data) {
        self.id = id
        self.name = name
        self.description = description
        self.json = json
    }

    public func expression() throws -> CohortExpression {
        try CohortExpression.parse(json)
    }
}
