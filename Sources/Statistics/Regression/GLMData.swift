/// A regression table: outcome, covariate values with their names, and an optional offset (log person-time
/// for Poisson rates). An intercept column is added unless asked not to. The values are kept flat and
/// row-major, so a fit streams through memory once per iteration (a million rows × 50 covariates is one
/// contiguous array, not a million small ones).
public struct GLMData: Sendable {
    public let outcome: [Double]
    /// Row i's values, intercept first, at `i * names.count ..< (i + 1) * names.count`.
    public let values: [Double]
    public let names: [String]
    public let offset: [Double]?

    public var rows: Int { outcome.count }

    /// Row i's values (the intercept first).
    public func row(_ i: Int) -> ArraySlice<Double> {
        values[(i * names.count)..<((i + 1) * names.count)]
    }

    /// From one array of covariate values per row.
    public init(outcome: [Double], covariates: [[Double]], names: [String], offset: [Double]? = nil, intercept: Bool = true) throws {
        guard covariates.count == outcome.count else {
            throw StatisticsError("outcome and covariates must have one entry per row (\(outcome.count) outcomes, \(covariates.count) covariate rows)")
        }
        if let row = covariates.firstIndex(where: { $0.count != names.count }) {
            throw StatisticsError("row \(row + 1): \(covariates[row].count) covariate values for \(names.count) names")
        }
        try self.init(outcome: outcome, values: covariates.flatMap { $0 }, names: names, offset: offset, intercept: intercept)
    }

    /// From covariate values already flat and row-major (`names.count` per row, no intercept column).
    public init(outcome: [Double], values: [Double], names: [String], offset: [Double]? = nil, intercept: Bool = true) throws {
        let n = outcome.count, p = names.count
        guard values.count == n * p, offset.map({ $0.count == n }) ?? true else {
            throw StatisticsError("outcome, covariates and offset must have one entry per row (\(n) outcomes, \(values.count) covariate values for \(p) names, \(offset?.count ?? n) offsets)")
        }
        guard intercept || p > 0 else { throw StatisticsError("a model needs at least one column: an intercept or a covariate") }
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw StatisticsError("row \(index / p + 1): \(names[index % p]) is not a finite number")
        }
        if let row = offset?.firstIndex(where: { !$0.isFinite }) { throw StatisticsError("row \(row + 1): the offset is not a finite number") }
        self.outcome = outcome
        self.offset = offset
        if intercept {
            var withIntercept = [Double](repeating: 1, count: n * (p + 1))
            withIntercept.withUnsafeMutableBufferPointer { target in
                values.withUnsafeBufferPointer { source in
                    for i in 0..<n {
                        for j in 0..<p { target[i * (p + 1) + 1 + j] = source[i * p + j] }
                    }
                }
            }
            self.values = withIntercept
            self.names = ["intercept"] + names
        } else {
            self.values = values
            self.names = names
        }
    }
}
