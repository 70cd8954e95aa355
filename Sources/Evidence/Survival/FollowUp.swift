/// One subject's follow-up from index, in days, and whether it ended in the outcome. Person ids stay inside
/// `Evidence`: only aggregates of these leave it.
struct FollowUp: Sendable {
    let person: Int64
    let days: Int
    let event: Bool
}

/// The follow-up of a target cohort, with the subjects left out and why.
struct FollowUpTable: Sendable {
    let rows: [FollowUp]
    /// Subjects whose outcome came before their index date.
    let priorOutcome: Int
    /// Subjects whose observation ended before follow-up began.
    let noTimeAtRisk: Int
}
