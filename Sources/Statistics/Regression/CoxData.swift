/// Survival data for a Cox model: per subject a time, whether the event happened, covariate values and,
/// optionally, a stratum (each stratum has its own baseline hazard).
public struct CoxData: Sendable {
    public let times: [Double]
    public let events: [Bool]
    /// The covariates flat, row-major: subject i's value of `names[j]` is at `i * names.count + j`. One array
    /// rather than one per subject, so that a million subjects are one allocation and one pass of the cache.
    public let values: [Double]
    public let names: [String]
    public let strata: [Int]?

    /// One row per subject, one column per name (a copy of `values`, for small tables and tests).
    public var covariates: [[Double]] {
        let p = names.count
        return times.indices.map { Array(values[($0 * p)..<($0 * p + p)]) }
    }

    /// From one row per subject, one column per name.
    public init(times: [Double], events: [Bool], covariates: [[Double]], names: [String], strata: [Int]? = nil) throws {
        for (row, values) in covariates.enumerated() where values.count != names.count {
            throw StatisticsError("subject \(row + 1): \(values.count) covariate values for \(names.count) names")
        }
        guard covariates.count == times.count else {
            throw StatisticsError("times, events, covariates and strata must have one entry per subject (\(times.count) times)")
        }
        try self.init(times: times, events: events, values: covariates.flatMap { $0 }, names: names, strata: strata)
    }

    /// From the covariates flat, row-major (`names.count` values per subject).
    public init(times: [Double], events: [Bool], values: [Double], names: [String], strata: [Int]? = nil) throws {
        let n = times.count
        guard events.count == n, values.count == n * names.count, strata.map({ $0.count == n }) ?? true else {
            throw StatisticsError("times, events, covariates and strata must have one entry per subject (\(n) times)")
        }
        guard !names.isEmpty else { throw StatisticsError("a Cox model needs at least one covariate") }
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw StatisticsError("subject \(index / names.count + 1): \(names[index % names.count]) is not a finite number")
        }
        if let row = times.firstIndex(where: { !$0.isFinite || $0 < 0 }) { throw StatisticsError("subject \(row + 1): time is not a finite non-negative number") }
        self.times = times
        self.events = events
        self.values = values
        self.names = names
        self.strata = strata
    }
}
