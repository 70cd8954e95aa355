import Statistics

/// Newton–Raphson on score and information summed over nodes (federated-algorithms.md §1, §2.2): the pooled
/// maximum-likelihood fit without a row leaving a node.
///
/// Starts at β = 0 (as DataSHIELD's ds.glm). Each full step is one gather; when the log-likelihood falls the step
/// is halved, each halving one more gather. It stops after a full step when max|step| < 1e-10 or when the
/// deviance D = −2 log L moved by less than 1e-10 (|D − D_old| / (|D| + 0.1), R's criterion made stricter so
/// that the estimates equal the pooled fit's to ~1e-10), and refuses to take more than `maximumIterations` full
/// steps (a cap on how often a coordinator may probe the nodes with a β of its choice). The estimate reported is
/// one last Newton step from the final gather's score and information, which costs no gather.
public enum FederatedNewton {
    /// Halvings of one step at most (the step is then 2⁻²⁰ of Newton's, as Statistics' pooled fits allow).
    static let maximumHalvings = 20

    public static func fit(names: [String], maximumIterations: Int, confidenceLevel: Double = 0.95,
                           gather: (_ beta: [Double], _ round: Int) async throws -> ModelPieces) async throws -> FederatedModelFit {
        let p = names.count
        guard p > 0 else { throw FederationError("model-empty", "a federated model needs at least one coefficient") }
        guard maximumIterations >= 1 else {
            throw FederationError("model-iterations", "maximum iterations must be at least 1 (got \(maximumIterations))")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw FederationError("model-confidence", "the confidence level must lie strictly between 0 and 1 (got \(confidenceLevel))")
        }
        var round = 0
        /// One gather, its sum checked for shape and finiteness.
        func evaluate(_ beta: [Double]) async throws -> ModelPieces {
            let pieces = try await gather(beta, round)
            defer { round += 1 }
            guard pieces.parameters == p else {
                throw FederationError("model-pieces-shape", "round \(round): the summed model pieces have \(pieces.score.count) score values and a \(pieces.information.rows) × \(pieces.information.columns) information matrix for \(p) coefficients")
            }
            guard pieces.logLikelihood.isFinite, pieces.score.allSatisfy(\.isFinite), pieces.information.values.allSatisfy(\.isFinite) else {
                throw FederationError("model-pieces-not-finite", "round \(round): the summed log-likelihood, score or information is not finite")
            }
            return pieces
        }
        var beta = [Double](repeating: 0, count: p)
        var current = try await evaluate(beta)
        var steps = 0
        while true {
            steps += 1
            guard steps <= maximumIterations else {
                throw FederationError("model-no-convergence", "no convergence in \(maximumIterations) Newton iterations (\(round) gathers): a covariate may separate the outcomes")
            }
            let step: [Double]
            do {
                step = try Cholesky(current.information, names: names).solve(current.score)
            } catch {
                throw FederationError("model-singular", "iteration \(steps): \(error)")
            }
            var size = 1.0, halvings = 0
            var next = try await evaluate(zip(beta, step).map { $0 + $1 })
            // Newton can overshoot far from the optimum: halve the step while the likelihood falls.
            while !(next.logLikelihood >= current.logLikelihood - 1e-12 * abs(current.logLikelihood)) && halvings < maximumHalvings {
                size /= 2
                halvings += 1
                next = try await evaluate(zip(beta, step).map { $0 + size * $1 })
            }
            beta = zip(beta, step).map { $0 + size * $1 }
            let deviance = -2 * next.logLikelihood, previous = -2 * current.logLikelihood
            current = next
            let largest = (step.map(abs).max() ?? 0) * size
            if largest < 1e-10 || (halvings == 0 && abs(deviance - previous) / (abs(deviance) + 0.1) < 1e-10) { break }
        }
        let covariance: Matrix
        do {
            let factor = try Cholesky(current.information, names: names)
            // The score and information of the last gather give one more Newton step without another gather: the
            // deviance criterion leaves β within ~1e-9 of the maximum, this step within rounding of it.
            beta = zip(beta, factor.solve(current.score)).map { $0 + $1 }
            covariance = factor.inverse()
        } catch {
            throw FederationError("model-singular", "at the estimate: \(error)")
        }
        let coefficients = names.indices.map { j in
            Coefficient(name: names[j], coef: beta[j], se: covariance[j, j].squareRoot(), confidenceLevel: confidenceLevel)
        }
        return FederatedModelFit(coefficients: coefficients, covariance: covariance, logLikelihood: current.logLikelihood,
                                 iterations: round, rows: current.rows, events: current.events)
    }
}
