import Statistics

/// A regression fitted across nodes by `FederatedNewton`: coefficients with Wald standard errors from the inverse
/// of the summed information, as the pooled fit reports them.
public struct FederatedModelFit: Sendable, Codable {
    public let coefficients: [Coefficient]
    public let covariance: Matrix
    public let logLikelihood: Double
    /// Gathers used, the first (at β = 0) and every step halving included.
    public let iterations: Int
    public let rows: Int
    public let events: Int

    public init(coefficients: [Coefficient], covariance: Matrix, logLikelihood: Double, iterations: Int, rows: Int, events: Int) {
        self.coefficients = coefficients
        self.covariance = covariance
        self.logLikelihood = logLikelihood
        self.iterations = iterations
        self.rows = rows
        self.events = events
    }
}
