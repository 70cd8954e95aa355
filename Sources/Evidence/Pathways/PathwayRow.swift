import Governance

/// One path of a pathway analysis: its steps (each the names of the event cohorts taken together, usually one)
/// and the persons who followed exactly it.
public struct PathwayRow: Sendable, Encodable {
    public let steps: [[String]]
    public let persons: SmallCellCount
    /// Of the target cohort's persons, 0...1; nil when either count is suppressed.
    public let share: Double?

    /// The steps as one line, e.g. "Chemotherapy → Chemotherapy+Trastuzumab".
    public var label: String { steps.map { $0.joined(separator: "+") }.joined(separator: " → ") }
}
