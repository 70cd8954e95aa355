/// A GLM's log-likelihood at one β with its score Xᵀ(y − μ) and Fisher information XᵀWX (canonical links):
/// the per-site pieces a federated fit sums, and what each Newton (= IRLS) step solves with.
public struct GLMLikelihood: Sendable {
    public let logLikelihood: Double
    public let score: [Double]
    public let information: Matrix
    /// Σ (y − μ)² / V(μ): the Pearson statistic, for the linear model's scale.
    public let pearson: Double

    public init(_ data: GLMData, family: GLMFamily, beta: [Double]) {
        let p = data.names.count
        var logLikelihood = 0.0, pearson = 0.0
        var score = [Double](repeating: 0, count: p)
        var information = Matrix(rows: p, columns: p)
        for (row, x) in data.covariates.enumerated() {
            let eta = zip(x, beta).reduce(data.offset?[row] ?? 0) { $0 + $1.0 * $1.1 }
            let mu = family.mean(eta), y = data.outcome[row], w = family.variance(mu)
            logLikelihood += family.logLikelihood(y, mu)
            pearson += (y - mu) * (y - mu) / w
            for a in 0..<p {
                score[a] += x[a] * (y - mu)
                for b in 0...a { information[a, b] += w * x[a] * x[b] }
            }
        }
        for a in 0..<p { for b in 0..<a { information[b, a] = information[a, b] } }
        self.logLikelihood = logLikelihood
        self.score = score
        self.information = information
        self.pearson = pearson
    }
}
