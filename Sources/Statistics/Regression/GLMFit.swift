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
        try family.check(data)
        let p = data.names.count
        guard data.rows > p else { throw StatisticsError("\(data.rows) rows cannot estimate \(p) coefficients") }
        let (beta, current, iterations) = try NewtonRaphson.maximize(from: family.start(data), names: data.names, maximumIterations: maximumIterations) {
            GLMLikelihood(data, family: family, beta: $0)
        }
        let scale = family == .linear ? current.pearson / Double(data.rows - p) : 1
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
        rows = data.rows
    }
}
