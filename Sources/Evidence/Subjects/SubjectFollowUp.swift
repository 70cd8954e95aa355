/// One subject's follow-up, public for computations that keep rows in the process and release only aggregates
/// (a federated node's answers, pooled references in tests). Days run from index to the first outcome, or to the
/// end of observation or of the time at risk when that comes first.
public struct SubjectFollowUp: Sendable, Equatable {
    public let person: Int64
    public let days: Int
    public let event: Bool

    public init(person: Int64, days: Int, event: Bool) {
        self.person = person
        self.days = days
        self.event = event
    }
}

/// The follow-up of a target cohort's subjects, with the subjects left out and why (as `survivalAnalysis` and
/// `incidenceAnalysis` extract it).
public struct CohortFollowUp: Sendable {
    public let subjects: [SubjectFollowUp]
    /// Subjects whose outcome came before the start of their time at risk.
    public let priorOutcome: Int
    /// Subjects whose observation ended before their time at risk began.
    public let noTimeAtRisk: Int
}
