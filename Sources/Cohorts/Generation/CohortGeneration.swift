/// What generating a cohort produced: its size and the attrition through the inclusion rules, counted by
/// event (mode 0) and by person (mode 1) as ATLAS reports them.
public struct CohortGeneration: Sendable, Equatable, Codable {
    public let cohortID: Int64
    /// Rows written to `cohort` (eras) and the distinct persons among them.
    public let rows: Int
    public let persons: Int
    public let byEvent: Attrition
    public let byPerson: Attrition
    public let seconds: Double

    public init(cohortID: Int64, rows: Int, persons: Int, byEvent: Attrition, byPerson: Attrition, seconds: Double) {
        self.cohortID = cohortID
        self.rows = rows
        self.persons = persons
        self.byEvent = byEvent
        self.byPerson = byPerson
        self.seconds = seconds
    }
}
