/// Survival data for a Cox model: per subject a time, whether the event happened, covariate values and,
/// optionally, a stratum (each stratum has its own baseline hazard).
public struct CoxData: Sendable {
    public let times: [Double]
    public let events: [Bool]
    /// One row per subject, one column per name.
    public let covariates: [[Double]]
    public let names: [String]
    public let strata: [Int]?

    public init(times: [Double], events: [Bool], covariates: [[Double]], names: [String], strata: [Int]? = nil) throws {
        let n = times.count
        guard events.count == n, covariates.count == n, strata.map({ $0.count == n }) ?? true else {
            throw StatisticsError("times, events, covariates and strata must have one entry per subject (\(n) times)")
        }
        guard !names.isEmpty else { throw StatisticsError("a Cox model needs at least one covariate") }
        for (row, values) in covariates.enumerated() {
            guard values.count == names.count else { throw StatisticsError("subject \(row + 1): \(values.count) covariate values for \(names.count) names") }
            if let column = values.firstIndex(where: { !$0.isFinite }) { throw StatisticsError("subject \(row + 1): \(names[column]) is not a finite number") }
        }
        if let row = times.firstIndex(where: { !$0.isFinite || $0 < 0 }) { throw StatisticsError("subject \(row + 1): time is not a finite non-negative number") }
        self.times = times
        self.events = events
        self.covariates = covariates
        self.names = names
        self.strata = strata
    }
}
