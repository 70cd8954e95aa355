import Foundation

/// The LASSO along a decreasing grid of λ, as glmnet computes it: from λ_max, the smallest λ at which every
/// penalized coefficient is zero, down to a fraction of it on a log scale, each fit starting from the one
/// before (warm starts make the whole path cost little more than one fit).
public struct LassoPath: Sendable {
    public let family: GLMFamily
    public let names: [String]
    public let lambdas: [Double]
    /// One fit per λ, in the order of `lambdas`.
    public let fits: [PenalizedGLMFit]

    /// glmnet's grid: `count` values from λ_max down to `smallestRatio` × λ_max, evenly spaced in log λ; the ratio
    /// defaults to glmnet's 1e-4 (1e-2 when there are more columns than rows).
    public init(_ data: GLMData, family: GLMFamily, count: Int = 100, smallestRatio: Double? = nil, maximumIterations: Int = 100) throws {
        guard count >= 2 else { throw StatisticsError("a LASSO path needs at least 2 values of λ (got \(count))") }
        let ratio = smallestRatio ?? (data.rows > data.names.count ? 1e-4 : 1e-2)
        guard ratio > 0, ratio < 1 else { throw StatisticsError("the smallest λ must be a fraction of λ_max strictly between 0 and 1 (got \(ratio))") }
        let largest = try Self.largestLambda(data, family: family)
        let lambdas = (0..<count).map { largest * pow(ratio, Double($0) / Double(count - 1)) }
        try self.init(data, family: family, lambdas: lambdas, maximumIterations: maximumIterations)
    }

    /// The path over the given λ values, which must decrease.
    public init(_ data: GLMData, family: GLMFamily, lambdas: [Double], maximumIterations: Int = 100) throws {
        guard !lambdas.isEmpty, zip(lambdas, lambdas.dropFirst()).allSatisfy({ $0 > $1 }) else {
            throw StatisticsError("the λ values of a path must be given in decreasing order")
        }
        var fits: [PenalizedGLMFit] = []
        for lambda in lambdas {
            fits.append(try PenalizedGLMFit(data, family: family, penalty: .l1, lambda: lambda, start: fits.last?.coefficients,
                                            maximumIterations: maximumIterations))
        }
        self.family = family
        names = data.names
        self.lambdas = lambdas
        self.fits = fits
    }

    /// λ_max = maxⱼ |∂ℓ/∂βⱼ| / n over the penalized columns, at the fit of the unpenalized ones (the intercept)
    /// alone: below it the first covariate enters.
    public static func largestLambda(_ data: GLMData, family: GLMFamily) throws -> Double {
        let penalized = data.names.map { $0 != "intercept" }
        guard penalized.contains(true) else { throw StatisticsError("a LASSO path needs at least one covariate besides the intercept") }
        // A λ so large that every penalized coefficient stays at zero: the unpenalized ones alone are fitted.
        let base = try PenalizedGLMFit(data, family: family, penalty: .l1, lambda: .greatestFiniteMagnitude)
        let score = GLMLikelihood(data, family: family, beta: base.coefficients).score
        return data.names.indices.filter { penalized[$0] }.map { abs(score[$0]) }.max()! / Double(data.rows)
    }
}
