/// The penalty of a penalized GLM, for prediction models that trade a little bias for less variance.
///
/// The objective minimized is the mean negative log-likelihood plus λ times the penalty on every
/// coefficient but the intercept:
///
///     F(β) = −ℓ(β)/n + λ·P(β),   P = Σⱼ|βⱼ| (l1, LASSO)   or   P = ½ Σⱼ βⱼ² (l2, ridge)
///
/// (glmnet's convention with α = 1 or 0; for the linear model ℓ = −½ RSS, so l1 is scikit-learn's `Lasso`
/// with `alpha = λ`). Covariates are used as given: standardize them first if the penalty should weigh
/// them alike.
public enum GLMPenalty: String, Sendable, Codable, CaseIterable {
    case l1, l2

    /// P(β) over the penalized coefficients.
    func value(_ beta: [Double], penalized: [Bool]) -> Double {
        zip(beta, penalized).reduce(0) { sum, pair in
            guard pair.1 else { return sum }
            return sum + (self == .l1 ? abs(pair.0) : 0.5 * pair.0 * pair.0)
        }
    }
}
