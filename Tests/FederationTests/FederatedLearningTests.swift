import Federation
import Foundation
import Statistics
import Testing

/// Federated training of a LASSO logistic model (FedAvg, FedProx) against the pooled fit of Statistics on the same
/// rows, the client's proximal-gradient step, and the binned AUC and calibration a coordinator gets from nodes.
@Suite struct FederatedLearningTests {
    /// Three hospitals of different size and case mix (covariate means, correlations and baseline risk differ),
    /// 15 covariates of which some carry no signal; a quarter of each held out, the rest standardised by the
    /// pooled means and SDs (gathered as summaries, as the coordinator does).
    struct Network {
        var training: [LogisticTrainingData]
        var heldOutRows: [[Double]]
        var heldOutOutcome: [Double]
        var pooledRows: [[Double]]
        var pooledOutcome: [Double]
        static let names = (1...15).map { "x\($0)" }

        static func make() throws -> Network {
            var random = FederatedMathRandom(seed: 2026)
            let beta = [0.8, -0.6, 0.5, 0.4, -0.3, 0.2, 0, 0, 0, 0.15, 0, 0, -0.1, 0, 0]
            var raw: [(rows: [[Double]], outcome: [Double])] = []
            var heldOut: [[Double]] = [], heldOutOutcome: [Double] = []
            for (s, size) in [1_500, 2_500, 4_000].enumerated() {
                var rows: [[Double]] = [], outcome: [Double] = []
                for _ in 0..<size {
                    let shared = random.normal()
                    var x = (0..<15).map { j in random.normal() + (j < 5 ? 0.5 * Double(s) : 0) + (j % 4 == 0 ? 0.3 * Double(s) * shared : 0) }
                    x[6] = random.uniform() < 0.2 + 0.2 * Double(s) ? 1 : 0
                    x[9] = random.uniform() < 0.5 ? 1 : 0
                    let eta = (-1.6 + 0.4 * Double(s)) + zip(beta, x).reduce(0) { $0 + $1.0 * $1.1 }
                    let y: Double = random.uniform() < 1 / (1 + exp(-eta)) ? 1 : 0
                    if random.uniform() < 0.25 {
                        heldOut.append(x)
                        heldOutOutcome.append(y)
                    } else {
                        rows.append(x)
                        outcome.append(y)
                    }
                }
                raw.append((rows, outcome))
            }
            // Pooled mean and SD per covariate from per-site summaries.
            let summaries = (0..<15).map { j in
                raw.map { NumericSummary($0.rows.map { $0[j] }) }.reduce(NumericSummary(n: 0, sum: 0, sumOfSquares: 0), +)
            }
            let standardization = Standardization(summaries)
            let training = try raw.map { try LogisticTrainingData(outcome: $0.outcome, covariates: $0.rows.map(standardization.apply)) }
            return Network(training: training, heldOutRows: heldOut.map(standardization.apply), heldOutOutcome: heldOutOutcome,
                           pooledRows: raw.flatMap { $0.rows.map(standardization.apply) }, pooledOutcome: raw.flatMap(\.outcome))
        }

        /// Rounds of local training from the global weights, averaged by node size.
        func train(_ settings: LearningSettings) -> [Double] {
            let local = LocalTraining(settings)
            var global = [Double](repeating: 0, count: 16)
            for _ in 0..<settings.rounds {
                global = FederatedAveraging.combine(training.map { (weights: local.train($0, from: global), count: $0.rows) })
            }
            return global
        }

        func heldOutAUC(_ weights: [Double]) throws -> Double {
            let data = try LogisticTrainingData(outcome: heldOutOutcome, covariates: heldOutRows)
            return try AUC(predictions: data.predictions(weights), outcomes: heldOutOutcome).estimate
        }
    }

    @Test(arguments: [LearningSettings.Algorithm.fedavg, .fedprox])
    func federatedLassoMatchesThePooledFitsHeldOutAUC(algorithm: LearningSettings.Algorithm) throws {
        let network = try Network.make()
        let settings = LearningSettings(algorithm: algorithm)
        // The same objective on the same scale: mean log-loss + λ Σ|βⱼ| (intercept free).
        let pooled = try PenalizedGLMFit(GLMData(outcome: network.pooledOutcome, covariates: network.pooledRows, names: Network.names),
                                         family: .logistic, penalty: .l1, lambda: settings.lambda)
        let federated = network.train(settings)
        let pooledAUC = try network.heldOutAUC(pooled.coefficients), federatedAUC = try network.heldOutAUC(federated)
        #expect(abs(federatedAUC - pooledAUC) <= 0.01, "\(algorithm): held-out AUC \(federatedAUC) federated vs \(pooledAUC) pooled")
        #expect(pooledAUC > 0.7)
        // Close to the pooled estimate too, not only in ranking.
        let gap = zip(federated, pooled.coefficients).map { abs($0 - $1) }.max() ?? 0
        #expect(gap < 0.05, "\(algorithm): largest coefficient difference \(gap)")
    }

    @Test func localTrainingAloneReachesThePooledLassoAndRidgeOptimum() throws {
        // One node, μ = 0, many epochs: proximal gradient descent must land on the penalized maximum likelihood.
        let network = try Network.make()
        let data = network.training[0]
        let rows = (0..<data.rows).map { Array(data.values[($0 * 15)..<($0 * 15 + 15)]) }
        let glm = try GLMData(outcome: data.outcome, covariates: rows, names: Network.names)
        for (penalty, l) in [(LearningSettings.Penalty.lasso, GLMPenalty.l1), (.ridge, .l2)] {
            let lambda = 0.01
            let pooled = try PenalizedGLMFit(glm, family: .logistic, penalty: l, lambda: lambda)
            let weights = LocalTraining(penalty: penalty, lambda: lambda, mu: 0, learningRate: 1, epochs: 1_500)
                .train(data, from: [Double](repeating: 0, count: 16))
            let gap = zip(weights, pooled.coefficients).map { abs($0 - $1) }.max() ?? 0
            #expect(gap < 1e-6, "\(penalty): largest coefficient difference \(gap)")
            if penalty == .lasso {
                // Soft thresholding gives exact zeros where the pooled LASSO has them.
                #expect(weights.indices.filter { weights[$0] == 0 } == pooled.coefficients.indices.filter { pooled.coefficients[$0] == 0 })
            }
        }
    }

    @Test func proximalTermAddsMuTimesTheDistanceToTheGlobalWeights() throws {
        let network = try Network.make()
        let data = network.training[0]
        var random = FederatedMathRandom(seed: 4)
        let w = (0..<16).map { _ in 0.3 * random.normal() }, global = (0..<16).map { _ in 0.3 * random.normal() }
        let mu = 0.37
        for penalty in [LearningSettings.Penalty.lasso, .ridge] {
            let prox = LocalTraining(penalty: penalty, lambda: 0.02, mu: mu, learningRate: 0.5, epochs: 1)
            let plain = LocalTraining(penalty: penalty, lambda: 0.02, mu: 0, learningRate: 0.5, epochs: 1)
            let g = prox.gradient(data, at: w, global: global), g0 = plain.gradient(data, at: w, global: global)
            for j in w.indices { #expect(abs((g[j] - g0[j]) - mu * (w[j] - global[j])) < 1e-12) }
            // The analytic gradient is the derivative of the smooth objective (central differences).
            for j in w.indices {
                var up = w, down = w
                up[j] += 1e-5
                down[j] -= 1e-5
                let numeric = (prox.smoothObjective(data, at: up, global: global) - prox.smoothObjective(data, at: down, global: global)) / 2e-5
                #expect(abs(numeric - g[j]) < 1e-7, "\(penalty) coordinate \(j): numeric \(numeric) vs analytic \(g[j])")
            }
            // And the proximal term's own value is (μ/2)‖w − w_global‖².
            let term = prox.smoothObjective(data, at: w, global: global) - plain.smoothObjective(data, at: w, global: global)
            #expect(abs(term - mu / 2 * zip(w, global).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }) < 1e-12)
        }
    }

    @Test func softThresholdingShrinksTowardsZeroByTheThreshold() {
        #expect(LocalTraining.softThreshold(0.5, 0.2) == 0.3)
        #expect(LocalTraining.softThreshold(-0.5, 0.2) == -0.3)
        #expect(LocalTraining.softThreshold(0.15, 0.2) == 0)
        #expect(LocalTraining.softThreshold(-0.2, 0.2) == 0)
        #expect(LocalTraining.softThreshold(3, 0) == 3)
        // The intercept is never thresholded: a strong penalty zeroes every other weight but not it.
        let data = try! LogisticTrainingData(outcome: [1, 1, 1, 0], covariates: [[1], [2], [3], [4]])
        let w = LocalTraining(penalty: .lasso, lambda: 100, mu: 0, learningRate: 1, epochs: 500).train(data, from: [0, 0])
        #expect(w[1] == 0)
        #expect(abs(w[0] - log(3)) < 1e-3)
    }

    @Test func aLargeMuKeepsTheLocalWeightsNearTheGlobalOnes() throws {
        let network = try Network.make()
        let global = [-0.5] + [Double](repeating: 0.1, count: 15)
        func drift(_ mu: Double) -> Double {
            let w = LocalTraining(penalty: .ridge, lambda: 0.001, mu: mu, learningRate: 0.5 / (1 + mu), epochs: 50).train(network.training[2], from: global)
            return zip(w, global).map { abs($0 - $1) }.max() ?? 0
        }
        let free = drift(0), held = drift(1_000)
        #expect(free > 0.1)
        #expect(held < 0.01 * free)
        #expect(held < drift(1))
    }

    @Test func averagingWeighsEachNodeByItsRows() {
        let combined = FederatedAveraging.combine([(weights: [1, 2], count: 100), (weights: [3, -2], count: 300)])
        #expect(combined == [2.5, -1])
        #expect(FederatedAveraging.combine([]) == [])
    }

    @Test func riskHistogramGivesTheAUCAndCalibrationOfTheRawPredictions() throws {
        var random = FederatedMathRandom(seed: 99)
        var predictions: [Double] = [], outcomes: [Double] = []
        for _ in 0..<6_000 {
            let risk = 1 / (1 + exp(-(random.normal() * 1.3 - 1)))
            predictions.append(risk)
            outcomes.append(random.uniform() < risk ? 1 : 0)
        }
        let exact = try AUC(predictions: predictions, outcomes: outcomes).estimate
        // Three nodes' histograms, summed.
        let parts = (0..<3).map { s in
            let idx = predictions.indices.filter { $0 % 3 == s }
            return RiskHistogram(bins: 200, predictions: idx.map { predictions[$0] }, outcomes: idx.map { outcomes[$0] })
        }
        let summed = parts.dropFirst().reduce(parts[0], +)
        let whole = RiskHistogram(bins: 200, predictions: predictions, outcomes: outcomes)
        #expect(summed.positives == whole.positives && summed.negatives == whole.negatives)
        #expect(zip(summed.predictedSum, whole.predictedSum).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(abs(summed.auc - exact) < 0.005, "binned AUC \(summed.auc) vs exact \(exact)")
        // Calibration by bin: counts, observed rate and mean risk of the rows in it.
        let coarse = RiskHistogram(bins: 10, predictions: predictions, outcomes: outcomes)
        for row in coarse.calibration {
            let idx = predictions.indices.filter { RiskHistogram.bin(of: predictions[$0], bins: 10) == row.bin }
            #expect(row.n == idx.count)
            #expect(abs(row.observed - idx.map { outcomes[$0] }.reduce(0, +) / Double(idx.count)) < 1e-12)
            #expect(abs(row.expected - idx.map { predictions[$0] }.reduce(0, +) / Double(idx.count)) < 1e-12)
            #expect(abs(row.observed - row.expected) < 0.05)
        }
        #expect(coarse.calibration.reduce(0) { $0 + $1.n } == 6_000)
        // Ties inside a bin count half: one positive and one negative in the same bin is 0.5.
        #expect(RiskHistogram(bins: 4, predictions: [0.3, 0.31], outcomes: [1, 0]).auc == 0.5)
        #expect(RiskHistogram(bins: 4, predictions: [0.9, 0.1], outcomes: [1, 0]).auc == 1)
    }

    @Test func settingsThatCannotTrainAreRefused() throws {
        try LocalTraining(LearningSettings()).validate()
        for bad in [LocalTraining(penalty: .lasso, lambda: -1, mu: 0, learningRate: 0.5, epochs: 5),
                    LocalTraining(penalty: .lasso, lambda: 0, mu: .infinity, learningRate: 0.5, epochs: 5),
                    LocalTraining(penalty: .ridge, lambda: 0, mu: 0, learningRate: 0, epochs: 5),
                    LocalTraining(penalty: .ridge, lambda: 0, mu: 0, learningRate: 0.5, epochs: 0)] {
            #expect(throws: FederationError.self) { try bad.validate() }
        }
        // FedAvg ignores μ; FedProx uses it.
        #expect(LocalTraining(LearningSettings(algorithm: .fedavg, mu: 0.3)).mu == 0)
        #expect(LocalTraining(LearningSettings(algorithm: .fedprox, mu: 0.3)).mu == 0.3)
    }

    @Test func trainingDataRefusesRowsThatDoNotFit() {
        #expect(throws: FederationError.self) { try LogisticTrainingData(outcome: [1, 0], covariates: [[1]]) }
        #expect(throws: FederationError.self) { try LogisticTrainingData(outcome: [2], covariates: [[1]]) }
        #expect(throws: FederationError.self) { try LogisticTrainingData(outcome: [1, 0], covariates: [[1], [1, 2]]) }
        #expect(throws: FederationError.self) { try LogisticTrainingData(outcome: [1], covariates: [[.nan]]) }
    }
}
