import Foundation

extension CoxRegression {
    /// Per covariate j, Tⱼ = (Σₖ (gₖ − ḡ) s*ₖⱼ)² / (D Vⱼⱼ Σₖ (gₖ − ḡ)²) over the D deaths k, with gₖ the transformed
    /// death time, s*ₖ = D V sₖ the scaled Schoenfeld residual and V the model covariance: lifelines 0.30's
    /// `proportional_hazard_test` (the approximation R's cox.zph used before survival 3.0). Schoenfeld residuals
    /// xₖ − x̄ use the fit's ties (for Efron the mean over the group's fractions, as lifelines, which always
    /// fits Efron); V is model-based even for a robust fit, where lifelines divides by the robust variance.
    /// `data` must be the data this model was fitted on.
    public func proportionalHazardsTests(_ data: CoxData, timeTransform: ProportionalHazardsTest.TimeTransform = .rank) throws -> [ProportionalHazardsTest] {
        guard data.times.count == subjects, data.names == coefficients.map(\.name) else {
            throw StatisticsError("the proportional-hazards test needs the data the model was fitted on (\(subjects) subjects; covariates \(coefficients.map(\.name).joined(separator: ", ")))")
        }
        let p = data.names.count, beta = coefficients.map(\.coef)
        let sets = CoxRiskSets(data, centre: Self.means(data))
        let survival: [Double: Double]
        if timeTransform == .km {
            let curve = try KaplanMeier(zip(data.times, data.events).map { SurvivalObservation(time: $0, event: $1) })
            survival = Dictionary(uniqueKeysWithValues: curve.rows.map { ($0.time, $0.survival) })
        } else {
            survival = [:]
        }
        // Each death's residual and transformed time, in lifelines' order: by stratum, then ascending time.
        var residuals: [Double] = [], transformed: [Double] = []
        var s1 = [Double](repeating: 0, count: p), t1 = [Double](repeating: 0, count: p), mean = [Double](repeating: 0, count: p)
        let weights = (0..<sets.count).map { k in exp((0..<p).reduce(0) { $0 + sets.x[k * p + $1] * beta[$1] }) }
        for stratum in 0..<(sets.strataStarts.count - 1) {
            var s0 = 0.0
            for j in 0..<p { s1[j] = 0 }
            var stratumGroups: [(residuals: [Double], time: Double, deaths: Int)] = []
            for group in sets.strataStarts[stratum]..<sets.strataStarts[stratum + 1] {
                let members = sets.groupStarts[group]..<sets.groupStarts[group + 1]
                var t0 = 0.0, deaths = 0
                for j in 0..<p { t1[j] = 0 }
                for k in members {
                    s0 += weights[k]
                    for j in 0..<p { s1[j] += weights[k] * sets.x[k * p + j] }
                    if sets.events[k] {
                        deaths += 1
                        t0 += weights[k]
                        for j in 0..<p { t1[j] += weights[k] * sets.x[k * p + j] }
                    }
                }
                guard deaths > 0 else { continue }
                for j in 0..<p { mean[j] = 0 }
                for l in 0..<deaths {
                    let f = ties == .efron ? Double(l) / Double(deaths) : 0
                    for j in 0..<p { mean[j] += (s1[j] - f * t1[j]) / ((s0 - f * t0) * Double(deaths)) }
                }
                let groupResiduals = members.filter { sets.events[$0] }.flatMap { k in (0..<p).map { sets.x[k * p + $0] - mean[$0] } }
                stratumGroups.append((groupResiduals, sets.times[members.lowerBound], deaths))
            }
            // Groups run latest first; inside each, deaths keep their input order.
            for group in stratumGroups.reversed() {
                residuals += group.residuals
                for _ in 0..<group.deaths {
                    switch timeTransform {
                    case .rank: transformed.append(Double(transformed.count + 1))
                    case .km: transformed.append(1 - (survival[group.time] ?? 1))
                    case .identity: transformed.append(group.time)
                    }
                }
            }
        }
        let deaths = transformed.count
        let centre = transformed.reduce(0, +) / Double(deaths)
        var trend = [Double](repeating: 0, count: p), spread = 0.0
        for k in 0..<deaths {
            let g = transformed[k] - centre
            spread += g * g
            for j in 0..<p { trend[j] += g * residuals[k * p + j] }
        }
        let v = modelCovariance, d = Double(deaths)
        return data.names.indices.map { j in
            let scaled = d * (0..<p).reduce(0) { $0 + trend[$1] * v[$1, j] }
            return ProportionalHazardsTest(name: data.names[j], test: ChiSquareTest(statistic: scaled * scaled / (d * v[j, j] * spread), degreesOfFreedom: 1))
        }
    }
}
