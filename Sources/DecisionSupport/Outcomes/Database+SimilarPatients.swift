import CDMStore
import Governance
import Statistics

extension Database {
    /// Survival of the patients in this database who are like the patient in `facts` (same cancer, stage group
    /// and key markers, as `SimilarPatientsOutcome.criteria` states), by the treatment they received in the
    /// first weeks after diagnosis. Every count passes the minimum cell count: `minimumCount` when given, raised
    /// to the site's minimum (`effectiveMinimumCellCount`); group counts are governed together with their total
    /// (complementary suppression) and a suppressed group has no curve. `excludingPersonID` leaves the patient
    /// out of their own comparison. With a `cache`, the cancer's cases are read once and reused while the data is
    /// unchanged (see `SimilarPatientCaseCache`). Throws `SimilarPatientsError` when the facts name no cancer.
    public func similarPatientOutcomes(to facts: PatientFacts, minimumCount: Int? = nil, excludingPersonID: Int64? = nil,
                                       cache: SimilarPatientCaseCache? = nil) async throws -> SimilarPatientsOutcome {
        let rules = try SimilarPatientsRules.load()
        let match = try SimilarPatientsMatch(facts, rules: rules)
        let minimum = try await effectiveMinimumCellCount(requested: minimumCount ?? 1)
        let groupRules = rules.groups[match.cancer.rawValue] ?? []
        var observations = Array(repeating: [SurvivalObservation](), count: groupRules.count)
        let cases = if let cache {
            try await cache.cases(match.cancer, windowDays: rules.windowDays, in: self)
        } else {
            try await similarPatientCases(match.cancer, windowDays: rules.windowDays)
        }
        for person in cases
        where person.person != excludingPersonID && person.matches(match) {
            guard let followUp = person.followUp, let group = rules.group(of: match.cancer, received: person.received) else { continue }
            observations[group].append(followUp)
        }
        let total = observations.reduce(0) { $0 + $1.count }
        let counts = total >= minimum ? CellSuppression.group(observations.map(\.count), minimum: minimum)
            : observations.map { _ in SmallCellCount.masked(minimum: minimum) }
        let groups = try groupRules.indices.map { index in
            try SimilarPatientsGroup(treatment: groupRules[index].label, observations: observations[index], count: counts[index],
                                     minimumCount: minimum, landmarkYears: rules.landmarkYears)
        }
        return SimilarPatientsOutcome(
            cancer: match.cancer, criteria: match.criteria, matched: SmallCellCount(total, minimum: minimum), minimumCount: minimum,
            treatmentWindowDays: rules.windowDays, groups: groups, caveat: rules.caveat, source: rules.source)
    }
}
