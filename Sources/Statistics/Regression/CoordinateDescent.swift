/// Coordinate descent for an l1-penalized quadratic, the inner loop of a LASSO fit: minimizes
/// −gᵀ(β − β₀) + ½ (β − β₀)ᵀ H (β − β₀) + λ Σⱼ|βⱼ| over the penalized coordinates (the others without
/// penalty). It works on the p × p matrix H = XᵀWX/n alone (glmnet's "covariance updates"), so a sweep
/// costs p² whatever the number of rows.
enum CoordinateDescent {
    static func minimize(hessian h: Matrix, gradient g: [Double], from start: [Double], lambda: Double, penalized: [Bool]) -> [Double] {
        let p = start.count
        var beta = start
        // The quadratic's gradient at β: −g + H (β − β₀), kept up to date as coordinates move.
        var slope = g.map { -$0 }
        for _ in 0..<100_000 {
            var largest = 0.0
            for j in 0..<p where h[j, j] > 0 {
                let u = h[j, j] * beta[j] - slope[j]
                // Soft thresholding; |u| within rounding of λ counts as on the threshold, so that at λ_max every
                // penalized coefficient is exactly zero.
                let value = penalized[j] ? (abs(u) <= lambda * (1 + 1e-12) ? 0 : (u - (u > 0 ? lambda : -lambda)) / h[j, j]) : u / h[j, j]
                let delta = value - beta[j]
                guard delta != 0 else { continue }
                beta[j] = value
                for k in 0..<p { slope[k] += h[k, j] * delta }
                largest = max(largest, abs(delta))
            }
            if largest < 1e-14 * max(1, beta.map(abs).max() ?? 0) { break }
        }
        return beta
    }
}
