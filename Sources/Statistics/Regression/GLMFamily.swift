import Foundation

/// The generalized linear models Optima fits, each with its canonical link: logistic (binomial, logit),
/// Poisson (log; with an offset for rates), linear (Gaussian, identity).
public enum GLMFamily: String, Sendable, Codable, CaseIterable {
    case logistic, poisson, linear

    /// The mean from the linear predictor.
    func mean(_ eta: Double) -> Double {
        switch self {
        case .logistic: eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
        case .poisson: exp(eta)
        case .linear: eta
        }
    }

    /// The variance function V(μ); with a canonical link it is also dμ/dη, the IRLS weight.
    func variance(_ mu: Double) -> Double {
        switch self {
        case .logistic: mu * (1 - mu)
        case .poisson: mu
        case .linear: 1
        }
    }

    /// One observation's log-likelihood (the Gaussian one up to the scale, which `GLMFit` handles).
    func logLikelihood(_ y: Double, _ mu: Double) -> Double {
        switch self {
        case .logistic: y * log(max(mu, .leastNormalMagnitude)) + (1 - y) * log(max(1 - mu, .leastNormalMagnitude))
        case .poisson: y * log(max(mu, .leastNormalMagnitude)) - mu - lgamma(y + 1)
        case .linear: -0.5 * (y - mu) * (y - mu)
        }
    }

    /// Whether an outcome value is possible.
    func accepts(_ y: Double) -> Bool {
        switch self {
        case .logistic: y == 0 || y == 1
        case .poisson: y >= 0 && y == y.rounded()
        case .linear: y.isFinite
        }
    }

    /// Refuses an outcome the family cannot produce, naming the row.
    func check(_ data: GLMData) throws {
        if let row = data.outcome.firstIndex(where: { !accepts($0) }) {
            throw StatisticsError("row \(row + 1): outcome \(data.outcome[row]) is not possible in a \(rawValue) model")
        }
    }

    /// Where a fit starts: zero, but the intercept at the marginal mean (which keeps the first steps small).
    func start(_ data: GLMData) -> [Double] {
        var beta = [Double](repeating: 0, count: data.names.count)
        if self != .linear, let interceptIndex = data.names.firstIndex(of: "intercept"), data.rows > 0 {
            let mean = data.outcome.reduce(0, +) / Double(data.rows)
            beta[interceptIndex] = self == .logistic ? log(max(mean, 1e-8) / max(1 - mean, 1e-8)) : log(max(mean, 1e-8))
        }
        return beta
    }
}
