import Governance
import Statistics

/// A Cox model as it may leave the site: hazard ratios with Wald intervals, the likelihood-ratio test, and how
/// many subjects it used. A covariate level held by fewer than the minimum count (or by all but fewer) is
/// refused before fitting, as DataSHIELD's guards do, so no coefficient describes a handful of people. The
/// subjects and events used plus those left out add up to the analysis' totals, so each pair is governed as a group.
public struct CoxReport: Sendable, Encodable {
    public let coefficients: [Coefficient]
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

    init(_ fit: CoxRegression, missing: Int, missingEvents: Int, minimumCount: Int) {
        coefficients = fit.coefficients
        loglik = fit.logLikelihood
        likelihoodRatio = fit.likelihoodRatio
        let subjects = CellSuppression.group([fit.subjects, missing], minimum: minimumCount)
        n = subjects[0]
        missingCovariates = subjects[1]
        events = CellSuppression.group([fit.events, missingEvents], minimum: minimumCount)[0]
        ties = fit.ties
        iterations = fit.iterations
    }
}
