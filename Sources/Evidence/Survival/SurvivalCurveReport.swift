import Governance
import Statistics

/// A Kaplan–Meier curve as it may leave the site. Only event times are listed (censoring times would date
/// individual subjects); every count passes the disclosure rule; the curve stops where fewer than the
/// minimum count remain at risk, and the median and its limits are read from that disclosed part only.
/// A stratum smaller than the minimum count has no curve at all. Times are in days from index.
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
    /// The number at risk at each of the settings' `at_risk_days`, and survival there (nil past the disclosed curve).
    public let atRiskTable: [SmallCellCount]
    public let survivalAt: [Double?]

    enum CodingKeys: String, CodingKey {
        case name, subjects, time, survival, lower, upper, median
        case events = "total_events", atRisk = "at_risk", eventsAt = "events", medianLower = "median_lower",
             medianUpper = "median_upper", atRiskTable = "at_risk_table", survivalAt = "survival_at"
    }

    init(name: String, observations: [SurvivalObservation], minimumCount: Int, atRiskDays: [Int]) throws {
        self.name = name
        subjects = SmallCellCount(observations.count, minimum: minimumCount)
        events = SmallCellCount(observations.filter(\.event).count, minimum: minimumCount)
        let km = try KaplanMeier(observations)
        // Rows while enough remain at risk; of those, the event times.
        let disclosed = observations.count >= minimumCount ? Array(km.rows.prefix { $0.atRisk >= minimumCount }) : []
        let steps = disclosed.filter { $0.events > 0 }
        time = steps.map(\.time)
        survival = steps.map(\.survival)
        lower = steps.map(\.lower)
        upper = steps.map(\.upper)
        atRisk = steps.map { SmallCellCount($0.atRisk, minimum: minimumCount) }
        eventsAt = steps.map { SmallCellCount($0.events, minimum: minimumCount) }
        median = steps.first { $0.survival <= 0.5 }?.time
        medianLower = steps.first { $0.lower <= 0.5 }?.time
        medianUpper = steps.first { $0.upper <= 0.5 }?.time
        let horizon = disclosed.last?.time ?? -1
        atRiskTable = atRiskDays.map { day in
            SmallCellCount(observations.count { $0.time >= Double(day) }, minimum: minimumCount)
        }
        survivalAt = atRiskDays.map { day in
            Double(day) <= horizon ? (steps.last { $0.time <= Double(day) }?.survival ?? 1) : nil
        }
    }
}
