import Foundation

/// A Cox proportional-hazards fit by Newton–Raphson on the partial likelihood (Efron's ties by default,
/// Breslow's on request; strata with their own baseline), with standard errors from the inverse information
/// or, on request, the robust sandwich, and the global likelihood-ratio, Wald and score tests.
public struct CoxRegression: Sendable {
    /// Where the coefficients' standard errors come from.
    public enum Variance: String, Sendable, Codable {
        /// The inverse of the observed information.
        case model
        /// Lin and Wei's sandwich V (Σ rᵢ rᵢᵀ) V from the score residuals rᵢ, as lifelines computes it
        /// (see `robustCovariance`): valid when the model is misspecified or subjects carry weights.
        case robust
    }

    public let coefficients: [Coefficient]
    /// The covariance the standard errors use: `modelCovariance` or the robust sandwich.
    public let covariance: Matrix
    /// The inverse of the information at the estimate.
    public let modelCovariance: Matrix
    public let variance: Variance
    public let logLikelihood: Double
    public let nullLogLikelihood: Double
    public let iterations: Int
    public let subjects: Int
    public let events: Int
    public let ties: PartialLikelihood.Ties
    /// 2 (ℓ(β̂) − ℓ(0)), with as many degrees of freedom as covariates.
    public let likelihoodRatioTest: ChiSquareTest
    /// β̂ᵀ Σ⁻¹ β̂ with Σ = `covariance` (the robust one when asked for, as R's coxph does).
    public let waldTest: ChiSquareTest
    /// U(0)ᵀ I(0)⁻¹ U(0): the score at β = 0 in the metric of the information there (the log-rank test for
    /// one binary covariate); always model-based.
    public let scoreTest: ChiSquareTest

    /// 2 (ℓ(β̂) − ℓ(0)): the likelihood-ratio statistic.
    public var likelihoodRatio: Double { likelihoodRatioTest.statistic }

    public init(_ data: CoxData, ties: PartialLikelihood.Ties = .efron, variance: Variance = .model,
                confidenceLevel: Double = 0.95, maximumIterations: Int = 50) throws {
        let events = data.events.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard events > 0 else { throw StatisticsError("no events: a Cox model cannot be estimated") }
        let p = data.names.count
        // Centred covariates: the same β and likelihood, without overflow in exp(xβ).
        let sets = CoxRiskSets(data, centre: Self.means(data))
        let zero = [Double](repeating: 0, count: p)
        var null: PartialLikelihood?
        let (beta, current, iterations) = try NewtonRaphson.maximize(from: zero, names: data.names, maximumIterations: maximumIterations) { beta in
            let pieces = PartialLikelihood(sets, beta: beta, ties: ties)
            if null == nil, beta == zero { null = pieces }
            return pieces
        }
        let modelCovariance = try Cholesky(current.information, names: data.names).inverse()
        let covariance = variance == .robust ? Self.robustCovariance(sets, beta: beta, modelCovariance: modelCovariance) : modelCovariance
        coefficients = data.names.indices.map { j in
            Coefficient(name: data.names[j], coef: beta[j], se: covariance[j, j].squareRoot(), confidenceLevel: confidenceLevel)
        }
        // Monotone likelihood (a covariate separates events from non-events): the estimate runs off towards
        // infinity while its information vanishes, as R's coxph warns "coefficient may be infinite".
        if let j = beta.indices.first(where: { abs(beta[$0]) > 10 && abs(beta[$0]) < modelCovariance[$0, $0].squareRoot() }) {
            throw StatisticsError("the estimate for \(data.names[j]) runs to infinity (coefficient \(beta[j]), standard error \(modelCovariance[j, j].squareRoot())): its values separate events from non-events")
        }
        let nullPieces = null ?? PartialLikelihood(sets, beta: zero, ties: ties)
        self.covariance = covariance
        self.modelCovariance = modelCovariance
        self.variance = variance
        logLikelihood = current.logLikelihood
        nullLogLikelihood = nullPieces.logLikelihood
        self.iterations = iterations
        subjects = data.times.count
        self.events = events
        self.ties = ties
        likelihoodRatioTest = ChiSquareTest(statistic: 2 * (current.logLikelihood - nullPieces.logLikelihood), degreesOfFreedom: p)
        let precision = try Cholesky(covariance, names: data.names).solve(beta)
        waldTest = ChiSquareTest(statistic: zip(beta, precision).reduce(0) { $0 + $1.0 * $1.1 }, degreesOfFreedom: p)
        let step = try Cholesky(nullPieces.information, names: data.names).solve(nullPieces.score)
        scoreTest = ChiSquareTest(statistic: zip(nullPieces.score, step).reduce(0) { $0 + $1.0 * $1.1 }, degreesOfFreedom: p)
    }

    /// The column means, by which the covariates are centred.
    static func means(_ data: CoxData) -> [Double] {
        let p = data.names.count
        var sums = [Double](repeating: 0, count: p)
        data.values.withUnsafeBufferPointer { values in
            for i in 0..<data.times.count { for j in 0..<p { sums[j] += values[i * p + j] } }
        }
        return sums.map { $0 / Double(max(data.times.count, 1)) }
    }
}
