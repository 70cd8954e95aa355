/// A node's rows for training a logistic prediction model: 0/1 outcomes and covariates (already standardised,
/// without an intercept column; the trainer's weights[0] is the intercept). Kept flat and row-major, so an epoch
/// streams through memory once.
public struct LogisticTrainingData: Sendable {
    public let outcome: [Double]
    /// Row i's covariates at `i * covariateCount ..< (i + 1) * covariateCount`.
    public let values: [Double]
    public let covariateCount: Int

    public var rows: Int { outcome.count }

    public init(outcome: [Double], covariates: [[Double]]) throws {
        guard covariates.count == outcome.count else {
            throw FederationError("training-data", "\(outcome.count) outcomes for \(covariates.count) covariate rows")
        }
        let p = covariates.first?.count ?? 0
        if let row = covariates.firstIndex(where: { $0.count != p }) {
            throw FederationError("training-data", "row \(row + 1): \(covariates[row].count) covariate values where the first row has \(p)")
        }
        if let row = outcome.firstIndex(where: { $0 != 0 && $0 != 1 }) {
            throw FederationError("training-data", "row \(row + 1): the outcome is not 0 or 1")
        }
        if let row = covariates.firstIndex(where: { !$0.allSatisfy(\.isFinite) }) {
            throw FederationError("training-data", "row \(row + 1): a covariate is not a finite number")
        }
        self.outcome = outcome
        values = covariates.flatMap { $0 }
        covariateCount = p
    }

    /// xᵢᵀw with w[0] the intercept.
    public func linearPredictor(row i: Int, weights w: [Double]) -> Double {
        var eta = w[0]
        let base = i * covariateCount
        for j in 0..<covariateCount { eta += w[j + 1] * values[base + j] }
        return eta
    }

    /// The predicted risk of every row under `weights` (intercept first).
    public func predictions(_ weights: [Double]) -> [Double] {
        precondition(weights.count == covariateCount + 1, "one weight per covariate plus the intercept")
        return (0..<rows).map { LocalTraining.sigmoid(linearPredictor(row: $0, weights: weights)) }
    }
}
