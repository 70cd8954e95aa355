/// A penalized GLM for prediction: ridge (l2) by Newton–Raphson on the penalized objective, LASSO (l1) as
/// glmnet fits it — coordinate descent on the quadratic (IRLS) approximation at the current β, then a new
/// approximation, until β stops moving. The objective is in `GLMPenalty`; the intercept is not penalized.
///
/// There are no standard errors: the penalty biases the estimates and, for l1, picks the covariates from
/// the same data, so Wald intervals around them would not have their nominal coverage.
public struct PenalizedGLMFit: Sendable {
    public let family: GLMFamily
    public let penalty: GLMPenalty
    public let lambda: Double
    public let names: [String]
    /// One per name; exactly zero where l1 dropped the covariate.
    public let coefficients: [Double]
    /// ℓ(β̂): the log-likelihood (for the linear model −½ × the residual sum of squares).
    public let logLikelihood: Double
    /// F(β̂) = −ℓ(β̂)/n + λ·P(β̂), the minimized objective.
    public let objective: Double
    public let iterations: Int
    public let rows: Int

    /// Fits at `lambda` (≥ 0), from `start` when given (a warm start along a path), else from the intercept-only mean.
    public init(_ data: GLMData, family: GLMFamily, penalty: GLMPenalty, lambda: Double, start: [Double]? = nil, maximumIterations: Int = 100) throws {
        try family.check(data)
        guard lambda >= 0, lambda.isFinite else { throw StatisticsError("the penalty weight λ must be a finite number ≥ 0 (got \(lambda))") }
        guard data.rows > 0 else { throw StatisticsError("no rows to fit") }
        if let start, start.count != data.names.count {
            throw StatisticsError("the start has \(start.count) coefficients for \(data.names.count) columns")
        }
        let penalized = data.names.map { $0 != "intercept" }
        let beta: [Double], pieces: GLMLikelihood, iterations: Int
        switch penalty {
        case .l2:
            let fit = try NewtonRaphson.maximize(from: start ?? family.start(data), names: data.names, maximumIterations: maximumIterations) {
                PenalizedLikelihood(GLMLikelihood(data, family: family, beta: $0), beta: $0, lambda: lambda, penalized: penalized, rows: data.rows)
            }
            (beta, pieces, iterations) = (fit.beta, fit.at.pieces, fit.iterations)
        case .l1:
            (beta, pieces, iterations) = try Self.lasso(data, family: family, lambda: lambda, penalized: penalized,
                                                        start: start ?? family.start(data), maximumIterations: maximumIterations)
        }
        self.family = family
        self.penalty = penalty
        self.lambda = lambda
        names = data.names
        coefficients = beta
        logLikelihood = pieces.logLikelihood
        objective = -pieces.logLikelihood / Double(data.rows) + lambda * penalty.value(beta, penalized: penalized)
        self.iterations = iterations
        rows = data.rows
    }

    /// glmnet's outer loop: minimize the l1-penalized quadratic approximation at β by coordinate descent, halve
    /// the move while the objective rises, stop when the move is below 1e-11 (relative to the largest |βⱼ| above 1).
    private static func lasso(_ data: GLMData, family: GLMFamily, lambda: Double, penalized: [Bool], start: [Double],
                              maximumIterations: Int) throws -> ([Double], GLMLikelihood, Int) {
        let n = Double(data.rows)
        func objective(_ pieces: GLMLikelihood, _ beta: [Double]) -> Double {
            -pieces.logLikelihood / n + lambda * GLMPenalty.l1.value(beta, penalized: penalized)
        }
        var beta = start
        var current = GLMLikelihood(data, family: family, beta: beta)
        var iterations = 0
        while true {
            iterations += 1
            guard iterations <= maximumIterations else {
                throw StatisticsError("the l1-penalized \(family.rawValue) fit at λ = \(lambda) did not converge in \(maximumIterations) iterations")
            }
            var hessian = current.information
            for index in hessian.values.indices { hessian.values[index] /= n }
            let target = CoordinateDescent.minimize(hessian: hessian, gradient: current.score.map { $0 / n }, from: beta,
                                                    lambda: lambda, penalized: penalized)
            let step = zip(target, beta).map { $0 - $1 }
            let before = objective(current, beta)
            var size = 1.0
            var moved = target
            var next = GLMLikelihood(data, family: family, beta: moved)
            while !(objective(next, moved) <= before + 1e-12 * abs(before)) && size > 1e-6 {
                size /= 2
                moved = zip(beta, step).map { $0 + size * $1 }
                next = GLMLikelihood(data, family: family, beta: moved)
            }
            beta = moved
            current = next
            if (step.map(abs).max() ?? 0) * size < 1e-11 * max(1, beta.map(abs).max() ?? 0) { return (beta, current, iterations) }
        }
    }
}
