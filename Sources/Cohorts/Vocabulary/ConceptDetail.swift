import OMOP

/// Everything a concept page shows about one concept: its attributes, its place in the hierarchy
/// (`concept_ancestor`) and its links to other concepts (`concept_relationship`).
public struct ConceptDetail: Sendable, Equatable {
    /// A concept above or below this one, with the fewest and most 'Is a' steps between them.
    public struct Relative: Sendable, Equatable {
        public let concept: ConceptSummary
        public let minLevels: Int
        public let maxLevels: Int
    }

    /// A valid `concept_relationship` row from this concept to another.
    public struct Relationship: Sendable, Equatable {
        public let relationshipID: String
        /// The `relationship_name` of the `relationship` table, or the id when that table lacks it.
        public let name: String
        public let concept: ConceptSummary
    }

    public let concept: ConceptSummary
    public let validStartDate: CDMDate?
    public let validEndDate: CDMDate?
    /// Every ancestor (not the concept itself), nearest first.
    public let ancestors: [Relative]
    /// The direct children (one level down), by name.
    public let children: [Relative]
    /// How many concepts lie below this one at any depth.
    public let descendantCount: Int
    /// 'Maps to' first, then 'Mapped from', then the rest by relationship name; within each, by concept name.
    public let relationships: [Relationship]
}
