import Foundation

/// A Cox proportional-hazards fit by Newton–Raphson on the partial likelihood (Efron's ties by default,
/// Breslow's on request; strata with their own baseline), with Wald standard errors from the inverse
/// information and the likelihood-ratio test against the null model.
public struct CoxRegression: Sendable {
    public let coefficients: [Coefficient]
    public let covariance: Matrix
    public let logLikelihood: Double
    public let nullLogLikelihood: Double
    public let iterations: Int
    public let subjects: Int
    public let events: Int
    public let ties: PartialLikelihood.Ties

    /// 2 (ℓ(β̂) − ℓ(0)): the likelihood-ratio statistic, with as many degrees of freedom as covariates.
    public var likelihoodRatio: Double { 2 * (logLikelihood - nullLogLikelihood) }

    public init(_ data: CoxData, ties: PartialLikelihood.Ties = .efron, confidenceLevel: Double = 0.95, maximumIterations: Int = 50) throws {
        let events = data.events.filter { $0 }.count
        guard events > 0 else { throw StatisticsError("no events: a Cox model cannot be estimated") }
        // Centred covariates: the same β and likelihood, without overflow in exp(xβ).
        let p = data.names.count
        let means = (0..<p).map { j in data.covariates.reduce(0) { $0 + $1[j] } / Double(data.covariates.count) }
        let centred = try CoxData(times: data.times, events: data.events,
                                  covariates: data.covariates.map { row in zip(row, means).map { $0 - $1 } },
                                  names: data.names, strata: data.strata)
        let null = PartialLikelihood(centred, beta: [Double](repeating: 0, count: p), ties: ties).logLikelihood
        let (beta, current, iterations) = try NewtonRaphson.maximize(from: [Double](repeating: 0, count: p), names: data.names,
                                                                    maximumIterations: maximumIterations) {
            PartialLikelihood(centred, beta: $0, ties: ties)
        }
        let covariance = try Cholesky(current.information, names: data.names).inverse()
        self.covariance = covariance
        coefficients = data.names.indices.map { j in
            Coefficient(name: data.names[j], coef: beta[j], se: covariance[j, j].squareRoot(), confidenceLevel: confidenceLevel)
        }
        // Monotone likelihood (a covariate separates events from non-events): the estimate runs off towards
        // infinity while its information vanishes, as R's coxph warns "coefficient may be infinite".
        if let runaway = coefficients.first(where: { abs($0.coef) > 10 && abs($0.z) < 1 }) {
            throw StatisticsError("the estimate for \(runaway.name) runs to infinity (coefficient \(runaway.coef), standard error \(runaway.se)): its values separate events from non-events")
        }
        logLikelihood = current.logLikelihood
        nullLogLikelihood = null
        self.iterations = iterations
        subjects = data.times.count
        self.events = events
        self.ties = ties
    }
}
