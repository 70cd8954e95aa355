import Dispatch

/// A GLM's log-likelihood at one β with its score Xᵀ(y − μ) and Fisher information XᵀWX (canonical links):
/// the per-site pieces a federated fit sums, and what each Newton (= IRLS) step solves with.
///
/// This is where a fit spends its time (a pass over every row per iteration), so the rows are taken in
/// fixed chunks spread over the cores, and each chunk four rows at a time so that the information's inner
/// loop is a vectorizable sum of four products. The chunk partial sums are added in chunk order, so the
/// result is the same to the last bit however many threads ran.
public struct GLMLikelihood: Sendable {
    public let logLikelihood: Double
    public let score: [Double]
    public let information: Matrix
    /// Σ (y − μ)² / V(μ): the Pearson statistic, for the linear model's scale.
    public let pearson: Double

    /// Rows per chunk: large enough to amortize a thread hand-off, small enough to balance two or more cores.
    static let chunkRows = 16_384

    public init(_ data: GLMData, family: GLMFamily, beta: [Double]) {
        let p = data.names.count, n = data.rows
        precondition(beta.count == p, "one coefficient per column")
        let chunks = max(1, (n + Self.chunkRows - 1) / Self.chunkRows)
        // Per chunk: the information's lower triangle (p × p), the score (p), the log-likelihood and Pearson sums.
        let stride = p * p + p + 2
        var partials = [Double](repeating: 0, count: chunks * stride)
        let offset = data.offset ?? []
        partials.withUnsafeMutableBufferPointer { out in
            data.values.withUnsafeBufferPointer { x in
                data.outcome.withUnsafeBufferPointer { y in
                    offset.withUnsafeBufferPointer { o in
                        beta.withUnsafeBufferPointer { b in
                            // Each chunk writes only its own slice of `partials`; the inputs are read-only.
                            nonisolated(unsafe) let (x, y, o, b, out) = (x.baseAddress, y.baseAddress, o.isEmpty ? nil : o.baseAddress, b.baseAddress, out.baseAddress!)
                            let work = { @Sendable (chunk: Int) in
                                let start = chunk * Self.chunkRows
                                Self.accumulate(x: x, y: y, offset: o, beta: b, rows: start..<min(n, start + Self.chunkRows),
                                                columns: p, family: family, into: out + chunk * stride)
                            }
                            if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
                        }
                    }
                }
            }
        }
        var information = Matrix(rows: p, columns: p)
        var score = [Double](repeating: 0, count: p)
        var logLikelihood = 0.0, pearson = 0.0
        for chunk in 0..<chunks {
            let base = chunk * stride
            for a in 0..<p {
                for b in 0...a { information.values[a * p + b] += partials[base + a * p + b] }
                score[a] += partials[base + p * p + a]
            }
            logLikelihood += partials[base + p * p + p]
            pearson += partials[base + p * p + p + 1]
        }
        for a in 0..<p { for b in 0..<a { information[b, a] = information[a, b] } }
        self.logLikelihood = logLikelihood
        self.score = score
        self.information = information
        self.pearson = pearson
    }

    /// One chunk's sums into `out` (information lower triangle, score, log-likelihood, Pearson), four rows
    /// at a time and the remainder one by one, always in the same order.
    private static func accumulate(x: UnsafePointer<Double>?, y: UnsafePointer<Double>?, offset: UnsafePointer<Double>?,
                                   beta: UnsafePointer<Double>?, rows: Range<Int>, columns p: Int, family: GLMFamily,
                                   into out: UnsafeMutablePointer<Double>) {
        guard let x, let y, let beta else { return }
        let information = out, score = out + p * p
        var logLikelihood = 0.0, pearson = 0.0
        /// μ, the weight V(μ) and the residual y − μ of one row, adding its log-likelihood and Pearson terms.
        func row(_ i: Int, eta: Double) -> (w: Double, r: Double) {
            let mu = family.mean(eta), w = family.variance(mu), r = y[i] - mu
            logLikelihood += family.logLikelihood(y[i], mu)
            pearson += r * r / w
            return (w, r)
        }
        var i = rows.lowerBound
        while i + 4 <= rows.upperBound {
            let x0 = x + i * p, x1 = x0 + p, x2 = x1 + p, x3 = x2 + p
            var e0 = offset?[i] ?? 0, e1 = offset?[i + 1] ?? 0, e2 = offset?[i + 2] ?? 0, e3 = offset?[i + 3] ?? 0
            for j in 0..<p {
                let bj = beta[j]
                e0 += x0[j] * bj
                e1 += x1[j] * bj
                e2 += x2[j] * bj
                e3 += x3[j] * bj
            }
            let (w0, r0) = row(i, eta: e0), (w1, r1) = row(i + 1, eta: e1), (w2, r2) = row(i + 2, eta: e2), (w3, r3) = row(i + 3, eta: e3)
            for a in 0..<p {
                let c0 = w0 * x0[a], c1 = w1 * x1[a], c2 = w2 * x2[a], c3 = w3 * x3[a]
                let target = information + a * p
                for b in 0..<(a + 1) { target[b] += c0 * x0[b] + c1 * x1[b] + c2 * x2[b] + c3 * x3[b] }
                score[a] += r0 * x0[a] + r1 * x1[a] + r2 * x2[a] + r3 * x3[a]
            }
            i += 4
        }
        while i < rows.upperBound {
            let xi = x + i * p
            var eta = offset?[i] ?? 0
            for j in 0..<p { eta += xi[j] * beta[j] }
            let (w, r) = row(i, eta: eta)
            for a in 0..<p {
                let c = w * xi[a]
                let target = information + a * p
                for b in 0..<(a + 1) { target[b] += c * xi[b] }
                score[a] += r * xi[a]
            }
            i += 1
        }
        out[p * p + p] = logLikelihood
        out[p * p + p + 1] = pearson
    }
}
