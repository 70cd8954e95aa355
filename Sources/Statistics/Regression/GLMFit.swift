import Foundation

/// A generalized linear model fitted by Fisher scoring (IRLS) with step halving, with Wald standard errors
/// from the inverse information (scaled by the residual variance for the linear model, as statsmodels does).
public struct GLMFit: Sendable {
    public let family: GLMFamily
    public let coefficients: [Coefficient]
    public let covariance: Matrix
    /// For logistic and Poisson the log-likelihood; for the linear model −½ × the residual sum of squares.
    public let logLikelihood: Double
    public let iterations: Int
    public let rows: Int

    public init(_ data: GLMData, family: GLMFamily, confidenceLevel: Double = 0.95, maximumIterations: Int = 100) throws {
        if let row = data.outcome.firstIndex(where: { !family.accepts($0) }) {
            throw StatisticsError("row \(row + 1): outcome \(data.outcome[row]) is not possible in a \(family.rawValue) model")
        }
        let p = data.names.count
        guard data.outcome.count > p else { throw StatisticsError("\(data.outcome.count) rows cannot estimate \(p) coefficients") }
        var beta = [Double](repeating: 0, count: p)
        if family != .linear, let interceptIndex = data.names.firstIndex(of: "intercept") {
            // Start at the marginal mean, which keeps the first steps small.
            let mean = data.outcome.reduce(0, +) / Double(data.outcome.count)
            beta[interceptIndex] = family == .logistic ? log(max(mean, 1e-8) / max(1 - mean, 1e-8)) : log(max(mean, 1e-8))
        }
        let (fitted, current, iterations) = try NewtonRaphson.maximize(from: beta, names: data.names, maximumIterations: maximumIterations) {
            GLMLikelihood(data, family: family, beta: $0)
        }
        beta = fitted
        let scale = family == .linear ? current.pearson / Double(data.outcome.count - p) : 1
        let inverse = try Cholesky(current.information, names: data.names).inverse()
        var covariance = inverse
        for index in covariance.values.indices { covariance.values[index] *= scale }
        let coefficients = data.names.indices.map { j in
            Coefficient(name: data.names[j], coef: beta[j], se: covariance[j, j].squareRoot(), confidenceLevel: confidenceLevel)
        }
        // Separation: an estimate running to infinity while its information vanishes.
        if family == .logistic, let runaway = coefficients.first(where: { abs($0.coef) > 15 && abs($0.z) < 1 }) {
            throw StatisticsError("the estimate for \(runaway.name) runs to infinity (coefficient \(runaway.coef)): its values separate the outcomes perfectly")
        }
        self.family = family
        self.coefficients = coefficients
        self.covariance = covariance
        logLikelihood = current.logLikelihood
        self.iterations = iterations
        rows = data.outcome.count
    }
}
