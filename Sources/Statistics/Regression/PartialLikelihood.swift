import Foundation

/// Cox's partial likelihood at one β, with its score vector and information matrix: the per-dataset pieces
/// a Newton step needs, and that a federated fit sums across sites (their sum is the pooled likelihood's).
public struct PartialLikelihood: Sendable {
    public let logLikelihood: Double
    public let score: [Double]
    public let information: Matrix

    /// How tied event times are handled.
    public enum Ties: String, Sendable, Codable { case efron, breslow }

    /// Evaluates at `beta`, stratum by stratum, over risk sets accumulated from the latest time backwards.
    public init(_ data: CoxData, beta: [Double], ties: Ties) {
        let p = data.names.count
        var logLikelihood = 0.0
        var score = [Double](repeating: 0, count: p)
        var information = Matrix(rows: p, columns: p)
        let strata = data.strata ?? [Int](repeating: 0, count: data.times.count)
        let groups = Dictionary(grouping: data.times.indices, by: { strata[$0] })
        for (_, members) in groups {
            let order = members.sorted { data.times[$0] > data.times[$1] }
            var s0 = 0.0, s1 = [Double](repeating: 0, count: p), s2 = Matrix(rows: p, columns: p)
            var index = 0
            while index < order.count {
                let time = data.times[order[index]]
                var t0 = 0.0, t1 = [Double](repeating: 0, count: p), t2 = Matrix(rows: p, columns: p)
                var deaths = 0
                while index < order.count, data.times[order[index]] == time {
                    let subject = order[index]
                    let x = data.covariates[subject]
                    let eta = zip(x, beta).reduce(0) { $0 + $1.0 * $1.1 }
                    let w = exp(eta)
                    s0 += w
                    for a in 0..<p {
                        s1[a] += w * x[a]
                        for b in 0...a { s2[a, b] += w * x[a] * x[b] }
                    }
                    if data.events[subject] {
                        deaths += 1
                        logLikelihood += eta
                        t0 += w
                        for a in 0..<p {
                            score[a] += x[a]
                            t1[a] += w * x[a]
                            for b in 0...a { t2[a, b] += w * x[a] * x[b] }
                        }
                    }
                    index += 1
                }
                for l in 0..<deaths {
                    let fraction = ties == .efron ? Double(l) / Double(deaths) : 0
                    let phi0 = s0 - fraction * t0
                    logLikelihood -= log(phi0)
                    for a in 0..<p {
                        let mean = (s1[a] - fraction * t1[a]) / phi0
                        score[a] -= mean
                        for b in 0...a {
                            let meanB = (s1[b] - fraction * t1[b]) / phi0
                            information[a, b] += (s2[a, b] - fraction * t2[a, b]) / phi0 - mean * meanB
                        }
                    }
                }
            }
        }
        for a in 0..<p { for b in 0..<a { information[b, a] = information[a, b] } }
        self.logLikelihood = logLikelihood
        self.score = score
        self.information = information
    }
}
