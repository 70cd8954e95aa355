import Foundation

/// Cox's partial likelihood at one β, with its score vector and information matrix: the per-dataset pieces
/// a Newton step needs, and that a federated fit sums across sites (their sum is the pooled likelihood's).
public struct PartialLikelihood: Sendable {
    public let logLikelihood: Double
    public let score: [Double]
    public let information: Matrix

    /// How tied event times are handled.
    public enum Ties: String, Sendable, Codable { case efron, breslow }

    /// Evaluates at `beta`, stratum by stratum.
    public init(_ data: CoxData, beta: [Double], ties: Ties) {
        self.init(CoxRiskSets(data), beta: beta, ties: ties)
    }

    /// Evaluates on data already laid out, the tie groups split into two halves that two threads work on.
    ///
    /// First each half computes wᵢ = exp(xᵢβ) for its subjects, and the first half also the risk-set sums of its
    /// subjects in the stratum where the second half begins (which the second half's risk sets start from).
    /// Then each half walks its groups from the latest time back, growing S⁰ = Σ w and S¹ = Σ w x, and at each
    /// group adds the log-likelihood, the score and the −Σ m mᵀ part of the information in closed form over the
    /// group's Efron fractions. The Σ S²/φ part of the information, Σₖ aₖ S²(tₖ), is rewritten as Σᵢ wᵢ Hᵢ xᵢ xᵢᵀ
    /// with Hᵢ the sum of aₖ over the groups at or before subject i's time (a Breslow-type cumulative hazard), so
    /// that last each half adds one rank-one update per subject instead of carrying S² down the rows. The halves
    /// are fixed and added in a fixed order, so the result is the same bit for bit on every run and machine.
    init(_ sets: CoxRiskSets, beta: [Double], ties: Ties) {
        let p = sets.covariateCount, n = sets.count, groupCount = sets.groupStarts.count - 1
        // Split at the group boundary nearest half the subjects, so that both threads have as much to do.
        var low = 0, high = groupCount
        while low < high {
            let mid = (low + high) / 2
            if sets.groupStarts[mid] < n / 2 { low = mid + 1 } else { high = mid }
        }
        let middle = low
        let groups = [0..<middle, middle..<groupCount]
        let rows = groups.map { sets.groupStarts[$0.lowerBound]..<sets.groupStarts[$0.upperBound] }
        // The second half begins inside a stratum unless `middle` starts one; its risk sets then hold the first
        // half's subjects of that stratum from the start.
        let continued = sets.strataStarts.last { $0 <= middle }.flatMap { $0 < middle ? sets.groupStarts[$0] : nil }
        var weights = [Double](repeating: 0, count: n)
        // Per tie group: Σₗ 1/φₗ (then the cumulative hazard H) and Σₗ fₗ/φₗ over its Efron fractions fₗ.
        var inverseSums = [Double](repeating: 0, count: groupCount), fractionSums = [Double](repeating: 0, count: groupCount)
        var halves = [Half](repeating: Half(covariates: p), count: 2)
        weights.withUnsafeMutableBufferPointer { weights in
            halves.withUnsafeMutableBufferPointer { halves in
                nonisolated(unsafe) let (w, half) = (weights, halves)
                Self.inHalves { h in
                    half[h].linear = Self.exponentiate(sets, beta: beta, rows: rows[h], into: w)
                    if h == 0, let continued { half[0].carry(sets, weights: w, rows: continued..<rows[0].upperBound) }
                }
                inverseSums.withUnsafeMutableBufferPointer { inverseSums in
                    fractionSums.withUnsafeMutableBufferPointer { fractionSums in
                        nonisolated(unsafe) let (a, b) = (inverseSums, fractionSums)
                        let carried = (half[0].carried0, half[0].carried1)
                        Self.inHalves { h in
                            half[h].walk(sets, weights: w, groups: groups[h], ties: ties, start: h == 1 && continued != nil ? carried : nil, a: a, b: b)
                        }
                    }
                }
            }
        }
        // H: Σ aₖ over the groups at or before each group's time, stratum by stratum from the earliest.
        for stratum in 0..<(sets.strataStarts.count - 1) {
            var hazard = 0.0
            for group in (sets.strataStarts[stratum]..<sets.strataStarts[stratum + 1]).reversed() {
                hazard += inverseSums[group]
                inverseSums[group] = hazard
            }
        }
        weights.withUnsafeMutableBufferPointer { weights in
            halves.withUnsafeMutableBufferPointer { halves in
                nonisolated(unsafe) let (w, half) = (weights, halves)
                let (hazards, fractions) = (inverseSums, fractionSums)
                Self.inHalves { h in
                    // wᵢ (Hᵢ − [event] Σ f/φ of its group): the weight of xᵢ xᵢᵀ in the information.
                    for group in groups[h] {
                        for k in sets.groupStarts[group]..<sets.groupStarts[group + 1] {
                            w[k] *= sets.events[k] ? hazards[group] - fractions[group] : hazards[group]
                        }
                    }
                    half[h].crossProducts = Self.weightedCrossProducts(sets.x, weights: UnsafeBufferPointer(w), rows: rows[h], columns: p)
                }
            }
        }
        var score = sets.eventTotals
        for j in 0..<p { score[j] += halves[0].score[j] + halves[1].score[j] }
        var information = Matrix(rows: p, columns: p)
        var index = 0
        for r in 0..<p {
            for c in 0...r {
                information[r, c] = (halves[0].crossProducts[index] + halves[1].crossProducts[index]) - (halves[0].outer[index] + halves[1].outer[index])
                information[c, r] = information[r, c]
                index += 1
            }
        }
        logLikelihood = (halves[0].linear + halves[1].linear) + (halves[0].logLikelihood + halves[1].logLikelihood)
        self.score = score
        self.information = information
    }

    /// One thread's share of an evaluation.
    private struct Half {
        /// Σ xβ over its subjects with the event.
        var linear = 0.0
        /// −Σ log φ over its tie groups.
        var logLikelihood = 0.0
        /// −Σ (a S¹ − b T¹) over its tie groups.
        var score: [Double]
        /// Σ of the m mᵀ terms over its tie groups, lower triangle packed.
        var outer: [Double]
        var crossProducts: [Double] = []
        /// S⁰ and S¹ over the first half's subjects in the stratum the second half continues.
        var carried0 = 0.0
        var carried1: [Double]

        init(covariates p: Int) {
            score = [Double](repeating: 0, count: p)
            outer = [Double](repeating: 0, count: p * (p + 1) / 2)
            carried1 = [Double](repeating: 0, count: p)
        }

        mutating func carry(_ sets: CoxRiskSets, weights w: UnsafeMutableBufferPointer<Double>, rows: Range<Int>) {
            let p = sets.covariateCount
            sets.x.withUnsafeBufferPointer { x in
                carried1.withUnsafeMutableBufferPointer { s1 in
                    for k in rows {
                        carried0 += w[k]
                        for j in 0..<p { s1[j] += w[k] * x[k * p + j] }
                    }
                }
            }
        }

        /// Walks `groups` from the latest time back, starting each stratum's sums at zero, or at `start` for a
        /// stratum continued from the other half.
        mutating func walk(_ sets: CoxRiskSets, weights w: UnsafeMutableBufferPointer<Double>, groups: Range<Int>, ties: Ties,
                           start: (Double, [Double])?, a inverseSums: UnsafeMutableBufferPointer<Double>, b fractionSums: UnsafeMutableBufferPointer<Double>) {
            let p = sets.covariateCount
            var s0 = start?.0 ?? 0
            var s1 = start?.1 ?? [Double](repeating: 0, count: p), t1 = [Double](repeating: 0, count: p)
            var logLikelihood = 0.0
            sets.x.withUnsafeBufferPointer { x in
                s1.withUnsafeMutableBufferPointer { s1 in
                    t1.withUnsafeMutableBufferPointer { t1 in
                        score.withUnsafeMutableBufferPointer { score in
                            outer.withUnsafeMutableBufferPointer { outer in
                                var stratum = sets.strataStarts.lastIndex { $0 <= groups.lowerBound } ?? 0
                                for group in groups {
                                    if group == sets.strataStarts[stratum + 1] {
                                        stratum += 1
                                        s0 = 0
                                        for j in 0..<p { s1[j] = 0 }
                                    }
                                    var t0 = 0.0, deaths = 0
                                    for j in 0..<p { t1[j] = 0 }
                                    for k in sets.groupStarts[group]..<sets.groupStarts[group + 1] {
                                        let row = k * p, wk = w[k]
                                        s0 += wk
                                        for j in 0..<p { s1[j] += wk * x[row + j] }
                                        if sets.events[k] {
                                            deaths += 1
                                            t0 += wk
                                            for j in 0..<p { t1[j] += wk * x[row + j] }
                                        }
                                    }
                                    guard deaths > 0 else { continue }
                                    var a = 0.0, b = 0.0, c11 = 0.0, c12 = 0.0, c22 = 0.0
                                    if ties == .breslow || deaths == 1 {
                                        logLikelihood -= Double(deaths) * log(s0)
                                        a = Double(deaths) / s0
                                        c11 = Double(deaths) / (s0 * s0)
                                    } else {
                                        // Σ log φₗ as the log of a product of significands plus the exponents: one
                                        // logarithm per 32 deaths rather than one each.
                                        var significands = 1.0, exponents = 0
                                        for l in 0..<deaths {
                                            let f = Double(l) / Double(deaths), phi = s0 - f * t0, inverse = 1 / phi
                                            significands *= phi.significand
                                            exponents += phi.exponent
                                            if l % 32 == 31 {
                                                logLikelihood -= log(significands)
                                                significands = 1
                                            }
                                            a += inverse
                                            b += f * inverse
                                            c11 += inverse * inverse
                                            c12 += f * inverse * inverse
                                            c22 += f * f * inverse * inverse
                                        }
                                        logLikelihood -= log(significands) + Double(exponents) * M_LN2
                                    }
                                    inverseSums[group] = a
                                    fractionSums[group] = b
                                    var index = 0
                                    for r in 0..<p {
                                        score[r] -= a * s1[r] - b * t1[r]
                                        for c in 0...r {
                                            outer[index] += c11 * s1[r] * s1[c] - c12 * (s1[r] * t1[c] + t1[r] * s1[c]) + c22 * t1[r] * t1[c]
                                            index += 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            self.logLikelihood = logLikelihood
        }
    }

    /// Runs `work(0)` and `work(1)` on two threads; each writes only its own half of the shared buffers.
    private static func inHalves(_ work: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: 2, execute: work)
    }

    /// Stores exp(xᵢβ) for the rows in `rows` and returns Σ xᵢβ over those with the event.
    private static func exponentiate(_ sets: CoxRiskSets, beta: [Double], rows: Range<Int>, into w: UnsafeMutableBufferPointer<Double>) -> Double {
        let p = sets.covariateCount
        var eventSum = 0.0
        sets.x.withUnsafeBufferPointer { x in
            beta.withUnsafeBufferPointer { beta in
                sets.events.withUnsafeBufferPointer { events in
                    for k in rows {
                        var eta = 0.0
                        for j in 0..<p { eta += x[k * p + j] * beta[j] }
                        w[k] = exp(eta)
                        if events[k] { eventSum += eta }
                    }
                }
            }
        }
        return eventSum
    }

    /// Σᵢ cᵢ xᵢ xᵢᵀ over `rows`, lower triangle packed row by row, four subjects at a time so that each element
    /// of the triangle is loaded and stored once per four rank-one updates.
    static func weightedCrossProducts(_ x: [Double], weights c: UnsafeBufferPointer<Double>, rows: Range<Int>, columns p: Int) -> [Double] {
        var triangle = [Double](repeating: 0, count: p * (p + 1) / 2)
        x.withUnsafeBufferPointer { x in
            triangle.withUnsafeMutableBufferPointer { triangle in
                var k = rows.lowerBound
                while k + 4 <= rows.upperBound {
                    let r0 = k * p, r1 = r0 + p, r2 = r1 + p, r3 = r2 + p
                    var index = 0
                    for r in 0..<p {
                        let v0 = c[k] * x[r0 + r], v1 = c[k + 1] * x[r1 + r], v2 = c[k + 2] * x[r2 + r], v3 = c[k + 3] * x[r3 + r]
                        for s in 0...r {
                            triangle[index] += (v0 * x[r0 + s] + v1 * x[r1 + s]) + (v2 * x[r2 + s] + v3 * x[r3 + s])
                            index += 1
                        }
                    }
                    k += 4
                }
                for k in k..<rows.upperBound {
                    var index = 0
                    for r in 0..<p {
                        let v = c[k] * x[k * p + r]
                        for s in 0...r {
                            triangle[index] += v * x[k * p + s]
                            index += 1
                        }
                    }
                }
            }
        }
        return triangle
    }
}
