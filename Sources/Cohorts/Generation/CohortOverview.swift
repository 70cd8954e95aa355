import OMOP

/// One stored cohort definition in a list, with its last generation if any: what the cohort list shows.
public struct CohortOverview: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let description: String?
    /// Distinct persons in the cohort; nil when it was never generated.
    public let persons: Int?
    /// When it was last generated through `generateCohort(_:)`, in UTC; nil when unknown.
    public let generatedAt: CDMDateTime?

    public init(id: Int64, name: String, description: String?, persons: Int?, generatedAt: CDMDateTime?) {
        self.id = id
        self.name = name
        self.description = description
        self.persons = persons
        self.generatedAt = generatedAt
    }
}
