/// A regression table: outcome, covariate rows with their names, and an optional offset (log person-time
/// for Poisson rates). An intercept column is added unless asked not to.
public struct GLMData: Sendable {
    public let outcome: [Double]
    public let covariates: [[Double]]
    public let names: [String]
    public let offset: [Double]?

    public init(outcome: [Double], covariates: [[Double]], names: [String], offset: [Double]? = nil, intercept: Bool = true) throws {
        guard covariates.count == outcome.count, offset.map({ $0.count == outcome.count }) ?? true else {
            throw StatisticsError("outcome, covariates and offset must have one entry per row (\(outcome.count) outcomes)")
        }
        for (row, values) in covariates.enumerated() {
            guard values.count == names.count else { throw StatisticsError("row \(row + 1): \(values.count) covariate values for \(names.count) names") }
            if let column = values.firstIndex(where: { !$0.isFinite }) { throw StatisticsError("row \(row + 1): \(names[column]) is not a finite number") }
        }
        self.outcome = outcome
        self.covariates = intercept ? covariates.map { [1] + $0 } : covariates
        self.names = intercept ? ["intercept"] + names : names
        self.offset = offset
    }
}
