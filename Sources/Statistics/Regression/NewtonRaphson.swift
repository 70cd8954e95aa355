/// What a Newton step needs at one β: the log-likelihood, its gradient (score) and the information matrix.
public protocol LikelihoodPieces: Sendable {
    var logLikelihood: Double { get }
    var score: [Double] { get }
    var information: Matrix { get }
}

extension PartialLikelihood: LikelihoodPieces {}
extension GLMLikelihood: LikelihoodPieces {}

/// Maximizes a concave log-likelihood by Newton–Raphson (Fisher scoring for GLMs), halving a step while the
/// likelihood falls, until the largest step is below 1e-11 (or the likelihood stops moving, for Cox).
enum NewtonRaphson {
    static func maximize<Pieces: LikelihoodPieces>(
        from start: [Double], names: [String], maximumIterations: Int, evaluate: ([Double]) -> Pieces
    ) throws -> (beta: [Double], at: Pieces, iterations: Int) {
        var beta = start
        var current = evaluate(beta)
        var iterations = 0
        while true {
            iterations += 1
            guard iterations <= maximumIterations else {
                throw StatisticsError("no convergence in \(maximumIterations) iterations (a covariate may separate the outcomes)")
            }
            let step: [Double]
            do {
                step = try Cholesky(current.information, names: names).solve(current.score)
            } catch where iterations > 1 {
                // The information vanished on the way: an estimate is running off to infinity.
                let runaway = beta.indices.max { abs(beta[$0]) < abs(beta[$1]) }.map { names[$0] } ?? "a covariate"
                throw StatisticsError("no finite estimate: the likelihood keeps rising as the coefficient of \(runaway) grows (its values separate the outcomes)")
            }
            var size = 1.0
            var next = evaluate(zip(beta, step).map { $0 + $1 })
            // Newton can overshoot far from the optimum: halve the step while the likelihood falls.
            while !(next.logLikelihood >= current.logLikelihood - 1e-12 * abs(current.logLikelihood)) && size > 1e-6 {
                size /= 2
                next = evaluate(zip(beta, step).map { $0 + size * $1 })
            }
            beta = zip(beta, step).map { $0 + size * $1 }
            let change = abs(next.logLikelihood - current.logLikelihood)
            current = next
            if (step.map(abs).max() ?? 0) * size < 1e-11 || (size == 1 && change < 1e-13 * max(1, abs(current.logLikelihood))) {
                return (beta, current, iterations)
            }
        }
    }
}
