import Governance
import Statistics

/// A Kaplan–Meier curve as it may leave the site: the coarsened curve of `DisclosedKaplanMeier`, whose steps each
/// hold at least the minimum count of events and of persons at risk, so neither a count nor a difference of
/// counts below the minimum can be read from it; censoring times are never listed. The median and its limits
/// are read from the reported steps only. A stratum whose size is suppressed has no curve at all. Times are in
/// days from index.
public struct SurvivalCurveReport: Sendable, Encodable {
    public let name: String
    public let subjects: SmallCellCount
    public let events: SmallCellCount
    public let time: [Double]
    public let survival: [Double]
    public let lower: [Double]
    public let upper: [Double]
    public let atRisk: [SmallCellCount]
    public let eventsAt: [SmallCellCount]
    public let median: Double?
    public let medianLower: Double?
    public let medianUpper: Double?
    /// The number at risk at each of the settings' `at_risk_days` (that of the first reported step at or after
    /// the day, "suppressed" past the last), and survival there (nil past the reported curve).
    public let atRiskTable: [SmallCellCount]
    public let survivalAt: [Double?]

    enum CodingKeys: String, CodingKey {
        case name, subjects, time, survival, lower, upper, median
        case events = "total_events", atRisk = "at_risk", eventsAt = "events", medianLower = "median_lower",
             medianUpper = "median_upper", atRiskTable = "at_risk_table", survivalAt = "survival_at"
    }

    /// `subjects` and `events` were governed with the other strata of the analysis.
    init(name: String, observations: [SurvivalObservation], subjects: SmallCellCount, events: SmallCellCount,
         minimumCount: Int, atRiskDays: [Int]) throws {
        self.name = name
        self.subjects = subjects
        self.events = events
        let steps = subjects.value == nil ? [] : try DisclosedKaplanMeier(observations, minimumCount: minimumCount).steps
        time = steps.map(\.time)
        survival = steps.map(\.survival)
        lower = steps.map(\.lower)
        upper = steps.map(\.upper)
        atRisk = steps.map { SmallCellCount($0.atRisk, minimum: minimumCount) }
        eventsAt = steps.map { SmallCellCount($0.events, minimum: minimumCount) }
        median = steps.first { $0.survival <= 0.5 }?.time
        medianLower = steps.first { $0.lower <= 0.5 }?.time
        medianUpper = steps.first { $0.upper <= 0.5 }?.time
        let horizon = steps.last?.time ?? -1
        atRiskTable = atRiskDays.map { day in
            Double(day) <= horizon ? SmallCellCount(steps.first { $0.time >= Double(day) }?.atRisk ?? 0, minimum: minimumCount)
                : .masked(minimum: minimumCount)
        }
        survivalAt = atRiskDays.map { day in
            Double(day) <= horizon ? (steps.last { $0.time <= Double(day) }?.survival ?? 1) : nil
        }
    }
}
