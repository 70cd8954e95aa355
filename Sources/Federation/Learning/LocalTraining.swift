import Foundation

/// A node's share of a federated learning round: from the global weights, `epochs` full-batch proximal-gradient
/// steps on
///
///     F(w) = mean log-loss(w) + (μ/2)‖w − w_global‖² + λ·P(w₁…)
///
/// (FedProx, Li et al. 2020; μ = 0 is FedAvg, McMahan et al. 2017). The smooth part (log-loss, proximal term, and
/// the ridge penalty (λ/2)‖w₁…‖²) takes a gradient step; the LASSO penalty λ‖w₁…‖₁ takes its proximal step, soft
/// thresholding by η·λ. The intercept w₀ is never penalised. The proximal term is added here, on the client, with
/// its gradient μ(w − w_global) (Flower's FedProx left it to the client and shipped it broken twice).
public struct LocalTraining: Sendable {
    public let penalty: LearningSettings.Penalty
    public let lambda: Double
    public let mu: Double
    public let learningRate: Double
    public let epochs: Int

    public init(penalty: LearningSettings.Penalty, lambda: Double, mu: Double, learningRate: Double, epochs: Int) {
        self.penalty = penalty
        self.lambda = lambda
        self.mu = mu
        self.learningRate = learningRate
        self.epochs = epochs
    }

    public init(_ settings: LearningSettings) {
        self.init(penalty: settings.penalty, lambda: settings.lambda, mu: settings.algorithm == .fedprox ? settings.mu : 0,
                  learningRate: settings.learningRate, epochs: settings.localEpochs)
    }

    /// Refuses settings that cannot train: a negative or infinite λ or μ, a step size outside (0, 10], no epoch.
    /// (Features are standardised, so steps much above 1 only diverge.)
    public func validate() throws {
        guard lambda >= 0, lambda.isFinite else { throw FederationError("learning-settings", "lambda must be a finite number ≥ 0 (got \(lambda))") }
        guard mu >= 0, mu.isFinite else { throw FederationError("learning-settings", "mu must be a finite number ≥ 0 (got \(mu))") }
        guard learningRate > 0, learningRate <= 10 else {
            throw FederationError("learning-settings", "learning_rate must lie in (0, 10] (got \(learningRate))")
        }
        guard epochs >= 1 else { throw FederationError("learning-settings", "local_epochs must be at least 1 (got \(epochs))") }
    }

    public func train(_ data: LogisticTrainingData, from global: [Double]) -> [Double] {
        precondition(global.count == data.covariateCount + 1, "one global weight per covariate plus the intercept")
        var w = global
        for _ in 0..<max(0, epochs) {
            let g = gradient(data, at: w, global: global)
            for j in w.indices { w[j] -= learningRate * g[j] }
            if penalty == .lasso {
                for j in 1..<w.count { w[j] = Self.softThreshold(w[j], learningRate * lambda) }
            }
        }
        return w
    }

    /// The gradient of the smooth part at w: (1/n) Σ x̃ᵢ(pᵢ − yᵢ) + μ(w − w_global), plus λw₁… for ridge.
    public func gradient(_ data: LogisticTrainingData, at w: [Double], global: [Double]) -> [Double] {
        let p = data.covariateCount, n = data.rows
        var g = [Double](repeating: 0, count: p + 1)
        data.values.withUnsafeBufferPointer { x in
            for i in 0..<n {
                let r = Self.sigmoid(data.linearPredictor(row: i, weights: w)) - data.outcome[i]
                g[0] += r
                for j in 0..<p { g[j + 1] += r * x[i * p + j] }
            }
        }
        let scale = n > 0 ? 1 / Double(n) : 0
        for j in g.indices {
            g[j] = g[j] * scale + mu * (w[j] - global[j])
            if penalty == .ridge, j > 0 { g[j] += lambda * w[j] }
        }
        return g
    }

    /// The smooth part of the objective at w: mean log-loss + (μ/2)‖w − w_global‖² (+ (λ/2)‖w₁…‖² for ridge).
    public func smoothObjective(_ data: LogisticTrainingData, at w: [Double], global: [Double]) -> Double {
        var loss = 0.0
        for i in 0..<data.rows {
            let eta = data.linearPredictor(row: i, weights: w)
            // log(1 + e^η) − yη, without overflow.
            loss += max(eta, 0) + log1p(exp(-abs(eta))) - data.outcome[i] * eta
        }
        var value = data.rows > 0 ? loss / Double(data.rows) : 0
        value += 0.5 * mu * zip(w, global).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        if penalty == .ridge { value += 0.5 * lambda * w.dropFirst().reduce(0) { $0 + $1 * $1 } }
        return value
    }

    /// The whole objective F(w), the LASSO term included.
    public func objective(_ data: LogisticTrainingData, at w: [Double], global: [Double]) -> Double {
        smoothObjective(data, at: w, global: global) + (penalty == .lasso ? lambda * w.dropFirst().reduce(0) { $0 + abs($1) } : 0)
    }

    /// The proximal map of t|·|: sign(x)·max(|x| − t, 0).
    public static func softThreshold(_ x: Double, _ t: Double) -> Double {
        x > t ? x - t : (x < -t ? x + t : 0)
    }

    /// 1 / (1 + e^−η), without overflow.
    public static func sigmoid(_ eta: Double) -> Double {
        eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
    }
}
