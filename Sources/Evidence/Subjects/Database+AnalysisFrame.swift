import CDMStore

/// The subject-level extraction the analyses use, opened to other in-process computations (the federated node)
/// so they read exactly the subjects, follow-up and feature values an Evidence analysis reads. What these return
/// must not leave the process: only aggregates of it may.
extension Database {
    /// The persons of a generated target cohort, each at their first entry and in observation then, objectors left
    /// out: the subjects of every analysis on the cohort, by person id, ascending.
    public func cohortSubjectIDs(target: Int64) async throws -> [Int64] {
        let subjects = IndexedSubjects(cohortID: target, dialect: dialect)
        return try await query("WITH \(subjects.commonTableExpression) SELECT person_id FROM subjects ORDER BY person_id")
            .compactMap { $0[0].integerValue }
    }

    /// Each subject's follow-up from index + `startDays` to the outcome, or to the end of observation (or
    /// `endDays` after index) when that comes first: the extraction of `survivalAnalysis` and `incidenceAnalysis`.
    public func cohortFollowUp(target: Int64, outcome: SurvivalOutcome, startDays: Int = 0, endDays: Int?) async throws -> CohortFollowUp {
        let table = try await followUp(IndexedSubjects(cohortID: target, dialect: dialect), outcome: outcome, startDays: startDays, endDays: endDays)
        return CohortFollowUp(subjects: table.rows.map { SubjectFollowUp(person: $0.person, days: $0.days, event: $0.event) },
                              priorOutcome: table.priorOutcome, noTimeAtRisk: table.noTimeAtRisk)
    }

    /// A feature's value for each subject of a generated target cohort who has it, in the window around index.
    public func cohortFeatureValues(_ feature: Feature, target: Int64, window: FeatureWindow = .baseline) async throws -> FeatureValues {
        try await featureValues(feature, subjects: IndexedSubjects(cohortID: target, dialect: dialect), window: window)
    }
}
