import Governance
import Statistics

/// A Cox model as it may leave the site: hazard ratios with Wald intervals, the likelihood-ratio test, and how
/// many subjects it used. A covariate level held by fewer than the minimum count (or by all but fewer) is
/// refused before fitting, as DataSHIELD's guards do, so no coefficient describes a handful of people.
public struct CoxReport: Sendable, Encodable {
    public struct Term: Sendable, Encodable {
        public let name: String
        public let coef: Double
        public let se: Double
        public let z: Double
        public let p: Double
        public let lower: Double
        public let upper: Double
        public let expCoef: Double
        public let expLower: Double
        public let expUpper: Double

        enum CodingKeys: String, CodingKey {
            case name, coef, se, z, p, lower, upper
            case expCoef = "exp_coef", expLower = "exp_lower", expUpper = "exp_upper"
        }

        init(_ c: Coefficient) {
            name = c.name; coef = c.coef; se = c.se; z = c.z; p = c.p; lower = c.lower; upper = c.upper
            expCoef = c.expCoef; expLower = c.expLower; expUpper = c.expUpper
        }
    }

    public let coefficients: [Term]
    public let loglik: Double
    public let likelihoodRatio: Double
    public let n: SmallCellCount
    public let events: SmallCellCount
    /// Subjects left out because a covariate was not recorded for them.
    public let missingCovariates: SmallCellCount
    public let ties: PartialLikelihood.Ties
    public let iterations: Int

    enum CodingKeys: String, CodingKey {
        case coefficients, loglik, n, events, ties, iterations
        case likelihoodRatio = "likelihood_ratio", missingCovariates = "missing_covariates"
    }

    init(_ fit: CoxRegression, missing: Int, minimumCount: Int) {
        coefficients = fit.coefficients.map(Term.init)
        loglik = fit.logLikelihood
        likelihoodRatio = fit.likelihoodRatio
        n = SmallCellCount(fit.subjects, minimum: minimumCount)
        events = SmallCellCount(fit.events, minimum: minimumCount)
        missingCovariates = SmallCellCount(missing, minimum: minimumCount)
        ties = fit.ties
        iterations = fit.iterations
    }
}
