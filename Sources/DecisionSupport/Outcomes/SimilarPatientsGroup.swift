import Evidence
import Governance
import Statistics

/// The similar patients who received one treatment: how many (governed) and their survival from diagnosis,
/// as a Kaplan–Meier curve coarsened so that no count below the minimum can be read (`DisclosedKaplanMeier`).
/// A group whose count is suppressed has no curve at all.
public struct SimilarPatientsGroup: Sendable, Encodable {
    /// One reported step of the curve: survival from the day on, its 95 % interval and the number at risk.
    public struct Step: Sendable, Equatable, Encodable {
        public let day: Double
        public let survival: Double
        public let lower: Double
        public let upper: Double
        public let atRisk: SmallCellCount

        enum CodingKeys: String, CodingKey {
            case day, survival, lower, upper, atRisk = "at_risk"
        }
    }

    /// Survival at a landmark (1, 3, 5 years), read off the reported steps; nil past the last step.
    public struct Landmark: Sendable, Equatable, Encodable {
        public let years: Int
        public let survival: Double?
        public let lower: Double?
        public let upper: Double?
    }

    /// The treatment, as in the rule file: "radical prostatectomy".
    public let treatment: String
    public let count: SmallCellCount
    public let steps: [Step]
    public let landmarks: [Landmark]

    /// The curve of `observations` when `count` is disclosed; otherwise an empty group.
    init(treatment: String, observations: [SurvivalObservation], count: SmallCellCount, minimumCount: Int,
         landmarkYears: [Int]) throws {
        self.treatment = treatment
        self.count = count
        let rows = count.isSuppressed ? [] : try DisclosedKaplanMeier(observations, minimumCount: minimumCount).steps
        steps = rows.map {
            Step(day: $0.time, survival: $0.survival, lower: $0.lower, upper: $0.upper,
                 atRisk: SmallCellCount($0.atRisk, minimum: minimumCount))
        }
        let horizon = rows.last?.time ?? -1
        landmarks = landmarkYears.map { years in
            let day = (Double(years) * 365.25).rounded()
            guard day <= horizon else { return Landmark(years: years, survival: nil, lower: nil, upper: nil) }
            let row = rows.last { $0.time <= day }
            return Landmark(years: years, survival: row?.survival ?? 1, lower: row?.lower ?? 1, upper: row?.upper ?? 1)
        }
    }
}
