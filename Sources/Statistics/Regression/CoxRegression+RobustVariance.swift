import Foundation

extension CoxRegression {
    /// Lin and Wei's sandwich V (Σᵢ rᵢ rᵢᵀ) V, V the model covariance, with the score residuals rᵢ exactly as
    /// lifelines 0.30 (`CoxPHFitter.fit(robust=True)`) computes them, which departs from the textbook (and R's
    /// coxph) when times tie: whatever the fit's ties, lifelines forms Breslow-type residuals over risk sets taken
    /// row by row in its sorted order — stratum, time, censored before events, then input order — so a subject
    /// tied with earlier rows of that order is left out of their risk sets. Without ties both agree.
    static func robustCovariance(_ sets: CoxRiskSets, beta: [Double], modelCovariance v: Matrix) -> Matrix {
        let p = sets.covariateCount
        var meat = Matrix(rows: p, columns: p)
        var residual = [Double](repeating: 0, count: p), later = [Double](repeating: 0, count: p), b = [Double](repeating: 0, count: p)
        for stratum in 0..<(sets.strataStarts.count - 1) {
            // lifelines' order: ascending time (our groups run latest first), censored then events in each group.
            var rows: [Int] = []
            for group in (sets.strataStarts[stratum]..<sets.strataStarts[stratum + 1]).reversed() {
                let members = sets.groupStarts[group]..<sets.groupStarts[group + 1]
                rows += members.filter { !sets.events[$0] }
                rows += members.filter { sets.events[$0] }
            }
            let m = rows.count
            var w = [Double](repeating: 0, count: m), s0 = [Double](repeating: 0, count: m), s1 = [Double](repeating: 0, count: m * p)
            for i in 0..<m {
                w[i] = exp((0..<p).reduce(0) { $0 + sets.x[rows[i] * p + $1] * beta[$1] })
            }
            // Risk sums over this row and every row after it.
            var total = 0.0
            for j in 0..<p { later[j] = 0 }
            for i in stride(from: m - 1, through: 0, by: -1) {
                total += w[i]
                s0[i] = total
                for j in 0..<p {
                    later[j] += w[i] * sets.x[rows[i] * p + j]
                    s1[i * p + j] = later[j]
                }
            }
            // rᵢ = δᵢ (xᵢ − x̄ᵢ) − wᵢ Σ_{j ≤ i, δⱼ} (xᵢ − x̄ⱼ) / S⁰ⱼ, with the sum carried as xᵢ A − B.
            var a = 0.0
            for j in 0..<p { b[j] = 0 }
            for i in 0..<m {
                let row = rows[i] * p, event = sets.events[rows[i]]
                if event {
                    a += 1 / s0[i]
                    for j in 0..<p { b[j] += s1[i * p + j] / (s0[i] * s0[i]) }
                }
                for j in 0..<p {
                    residual[j] = -w[i] * (sets.x[row + j] * a - b[j])
                    if event { residual[j] += sets.x[row + j] - s1[i * p + j] / s0[i] }
                }
                for r in 0..<p { for c in 0..<p { meat[r, c] += residual[r] * residual[c] } }
            }
        }
        var product = Matrix(rows: p, columns: p), sandwich = Matrix(rows: p, columns: p)
        for r in 0..<p { for c in 0..<p { product[r, c] = (0..<p).reduce(0) { $0 + v[r, $1] * meat[$1, c] } } }
        for r in 0..<p { for c in 0..<p { sandwich[r, c] = (0..<p).reduce(0) { $0 + product[r, $1] * v[$1, c] } } }
        return sandwich
    }
}
