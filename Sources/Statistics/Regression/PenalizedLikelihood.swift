/// The ridge objective as Newton–Raphson maximizes it: −F(β) = ℓ(β)/n − λ·½Σⱼβⱼ², its gradient and its
/// (positive-definite) negative Hessian, from the likelihood pieces at the same β.
struct PenalizedLikelihood: LikelihoodPieces {
    let logLikelihood: Double
    let score: [Double]
    let information: Matrix
    let pieces: GLMLikelihood

    init(_ pieces: GLMLikelihood, beta: [Double], lambda: Double, penalized: [Bool], rows: Int) {
        let n = Double(rows), p = beta.count
        logLikelihood = pieces.logLikelihood / n - lambda * GLMPenalty.l2.value(beta, penalized: penalized)
        score = (0..<p).map { pieces.score[$0] / n - (penalized[$0] ? lambda * beta[$0] : 0) }
        var information = pieces.information
        for index in information.values.indices { information.values[index] /= n }
        for j in 0..<p where penalized[j] { information[j, j] += lambda }
        self.information = information
        self.pieces = pieces
    }
}
