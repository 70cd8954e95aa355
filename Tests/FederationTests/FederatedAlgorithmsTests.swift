import Federation
import Foundation
import Statistics
import Testing

/// The coordinator's mathematics on sums from three "nodes", each checked against the pooled computation of
/// Statistics on the same rows (the reference the federated result must equal, federated-algorithms.md §1–3).
@Suite struct FederatedAlgorithmsTests {
    // MARK: Newton on summed pieces

    @Test func logisticNewtonEqualsPooledGLMFitWithinTenRounds() async throws {
        var random = FederatedMathRandom(seed: 11)
        let names = ["age", "stage", "marker", "smoker"]
        var outcome: [Double] = [], rows: [[Double]] = [], site: [Int] = []
        for i in 0..<3_000 {
            let s = i % 3
            let x = [random.normal() + Double(s) * 0.3, Double(random.below(4)), random.normal() * 2, random.uniform() < 0.3 ? 1 : 0]
            let eta = -1.2 + 0.4 * x[0] + 0.35 * x[1] - 0.25 * x[2] + 0.8 * x[3] + 0.2 * Double(s)
            outcome.append(random.uniform() < 1 / (1 + exp(-eta)) ? 1 : 0)
            rows.append(x)
            site.append(s)
        }
        let pooled = try GLMFit(GLMData(outcome: outcome, covariates: rows, names: names), family: .logistic)
        let parts = try (0..<3).map { s in
            let idx = site.indices.filter { site[$0] == s }
            return try GLMData(outcome: idx.map { outcome[$0] }, covariates: idx.map { rows[$0] }, names: names)
        }
        var rounds: [Int] = []
        let fit = try await FederatedNewton.fit(names: pooled.coefficients.map(\.name), maximumIterations: 25) { beta, round in
            rounds.append(round)
            return parts.map { Self.pieces(GLMLikelihood($0, family: .logistic, beta: beta), rows: $0.rows, events: Int($0.outcome.reduce(0, +))) }
                .reduce(.zero(parameters: beta.count), +)
        }
        #expect(fit.iterations <= 10)
        #expect(rounds == Array(0..<fit.iterations))
        #expect(fit.rows == 3_000)
        #expect(fit.events == Int(outcome.reduce(0, +)))
        Self.expectEqual(fit.coefficients, pooled.coefficients, relative: 1e-10)
        #expect(abs(fit.logLikelihood - pooled.logLikelihood) <= 1e-9 * abs(pooled.logLikelihood))
    }

    @Test func poissonNewtonWithOffsetEqualsPooledGLMFit() async throws {
        var random = FederatedMathRandom(seed: 23)
        let names = ["age10", "treated"]
        var counts: [Double] = [], rows: [[Double]] = [], offsets: [Double] = [], site: [Int] = []
        for i in 0..<2_400 {
            let s = i % 3
            let years = 0.2 + 4 * random.uniform()
            let x = [random.normal() + 6, random.uniform() < 0.5 ? 1 : 0]
            let rate = exp(-3 + 0.3 * x[0] - 0.5 * x[1] + 0.1 * Double(s))
            counts.append(Double(random.poisson(rate * years)))
            rows.append(x)
            offsets.append(log(years))
            site.append(s)
        }
        let pooled = try GLMFit(GLMData(outcome: counts, covariates: rows, names: names, offset: offsets), family: .poisson)
        let parts = try (0..<3).map { s in
            let idx = site.indices.filter { site[$0] == s }
            return try GLMData(outcome: idx.map { counts[$0] }, covariates: idx.map { rows[$0] }, names: names, offset: idx.map { offsets[$0] })
        }
        let fit = try await FederatedNewton.fit(names: pooled.coefficients.map(\.name), maximumIterations: 25) { beta, _ in
            parts.map { Self.pieces(GLMLikelihood($0, family: .poisson, beta: beta), rows: $0.rows, events: Int($0.outcome.reduce(0, +))) }
                .reduce(.zero(parameters: beta.count), +)
        }
        Self.expectEqual(fit.coefficients, pooled.coefficients, relative: 1e-10)
        #expect(abs(fit.logLikelihood - pooled.logLikelihood) <= 1e-9 * abs(pooled.logLikelihood))
    }

    @Test(arguments: [PartialLikelihood.Ties.efron, .breslow])
    func siteStratifiedCoxEqualsPooledCoxRegressionWithStrata(ties: PartialLikelihood.Ties) async throws {
        var random = FederatedMathRandom(seed: 5)
        let names = ["age", "er_positive", "stage"]
        var times: [Double] = [], events: [Bool] = [], rows: [[Double]] = [], strata: [Int] = []
        for i in 0..<1_800 {
            let s = i % 3
            let x = [random.normal(), random.uniform() < 0.6 ? 1 : 0, Double(1 + random.below(3))]
            let hazard = exp(0.3 * x[0] - 0.6 * x[1] + 0.5 * x[2]) * (0.002 + 0.001 * Double(s))
            let t = -log(random.uniform()) / hazard, c = 200 + 800 * random.uniform()
            // Whole weeks: many tied event times, as real follow-up has.
            times.append((min(t, c) / 7).rounded(.up) * 7)
            events.append(t <= c)
            rows.append(x)
            strata.append(s)
        }
        let pooled = try CoxRegression(CoxData(times: times, events: events, covariates: rows, names: names, strata: strata), ties: ties)
        let parts = try (0..<3).map { s in
            let idx = strata.indices.filter { strata[$0] == s }
            return try CoxData(times: idx.map { times[$0] }, events: idx.map { events[$0] }, covariates: idx.map { rows[$0] }, names: names)
        }
        let fit = try await FederatedNewton.fit(names: names, maximumIterations: 25) { beta, _ in
            parts.map { Self.pieces(PartialLikelihood($0, beta: beta, ties: ties), rows: $0.times.count, events: $0.events.filter { $0 }.count) }
                .reduce(.zero(parameters: beta.count), +)
        }
        Self.expectEqual(fit.coefficients, pooled.coefficients, relative: 1e-10)
        #expect(abs(fit.logLikelihood - pooled.logLikelihood) <= 1e-9 * abs(pooled.logLikelihood))
        #expect(fit.events == pooled.events)
    }

    @Test func newtonHalvesAStepThatLowersTheLikelihoodAndCountsItAsARound() async throws {
        // ℓ(β) = −log cosh(β − 3) is concave with its maximum at 3, but Newton from 0 jumps far past it
        // (step tanh(3)/sech²(3) ≈ 100): the likelihood falls and the step must be halved.
        var seen: [(beta: Double, round: Int)] = []
        let fit = try await FederatedNewton.fit(names: ["b"], maximumIterations: 50) { beta, round in
            seen.append((beta[0], round))
            let u = beta[0] - 3
            var information = Matrix(rows: 1, columns: 1)
            information[0, 0] = 1 / (cosh(u) * cosh(u))
            return ModelPieces(logLikelihood: -log(cosh(u)), score: [-tanh(u)], information: information, rows: 1, events: 0)
        }
        #expect(abs(fit.coefficients[0].coef - 3) < 1e-9)
        #expect(seen.map(\.round) == Array(0..<fit.iterations))
        // The first full step went to ≈ 100; the next gather was at half of it.
        #expect(seen[1].beta > 50)
        #expect(abs(seen[2].beta - seen[1].beta / 2) < 1e-9)
    }

    @Test func newtonRefusesPiecesOfTheWrongShapeAndSeparatedData() async throws {
        await #expect(throws: FederationError.self) {
            _ = try await FederatedNewton.fit(names: ["a", "b"], maximumIterations: 5) { _, _ in ModelPieces.zero(parameters: 3) }
        }
        do {
            _ = try await FederatedNewton.fit(names: ["a", "b"], maximumIterations: 5) { _, _ in ModelPieces.zero(parameters: 3) }
        } catch {
            #expect((error as? FederationError)?.code == "model-pieces-shape")
        }
        // A covariate that separates the outcomes: the likelihood rises for ever, Newton never settles.
        let x: [[Double]] = (0..<40).map { [Double($0)] }, y: [Double] = (0..<40).map { $0 < 20 ? 0 : 1 }
        let data = try GLMData(outcome: y, covariates: x, names: ["x"])
        do {
            _ = try await FederatedNewton.fit(names: data.names, maximumIterations: 25) { beta, _ in
                Self.pieces(GLMLikelihood(data, family: .logistic, beta: beta), rows: 40, events: 20)
            }
            Issue.record("separated data gave an estimate")
        } catch {
            let code = (error as? FederationError)?.code
            #expect(code == "model-no-convergence" || code == "model-singular")
        }
    }

    @Test func modelPiecesAndFitsSurviveJSON() async throws {
        var information = Matrix(rows: 2, columns: 2)
        information.values = [2, 0.5, 0.5, 1]
        let pieces = ModelPieces(logLikelihood: -12.5, score: [0.1, -0.2], information: information, rows: 40, events: 7)
        let decoded = try JSONDecoder().decode(ModelPieces.self, from: JSONEncoder().encode(pieces))
        #expect(decoded == pieces)
        #expect((pieces + pieces).information.values == [4, 1, 1, 2])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Matrix.self, from: Data(#"{"rows": 2, "columns": 2, "values": [1, 2, 3]}"#.utf8))
        }
    }

    // MARK: Kaplan–Meier from histograms

    @Test func oneDayGridEqualsPooledKaplanMeierAtEveryTime() throws {
        var random = FederatedMathRandom(seed: 3)
        var days: [Int] = [], events: [Bool] = [], site: [Int] = []
        for i in 0..<900 {
            // Few distinct days: events and censorings share days, as the convention must order them.
            days.append(1 + random.below(60))
            events.append(random.uniform() < 0.6)
            site.append(i % 3)
        }
        let pooled = try KaplanMeier(zip(days, events).map { SurvivalObservation(time: Double($0), event: $1) })
        let histograms = try (0..<3).map { s in
            let idx = site.indices.filter { site[$0] == s }
            return try SurvivalHistogram(gridDays: 1, days: idx.map { days[$0] }, events: idx.map { events[$0] })
        }
        let summed = histograms.dropFirst().reduce(histograms[0], +)
        let federated = FederatedKaplanMeier(summed)
        #expect(federated.points.count == pooled.rows.count)
        for (point, row) in zip(federated.points, pooled.rows) {
            #expect(Double(point.day) == row.time)
            #expect(point.atRisk == row.atRisk && point.events == row.events && point.censored == row.censored)
            #expect(abs(point.survival - row.survival) <= 1e-12)
            #expect(abs(point.standardError - row.survival * row.greenwood.squareRoot()) <= 1e-12)
            #expect(abs(point.lower - row.lower) <= 1e-12 && abs(point.upper - row.upper) <= 1e-12)
        }
        #expect(federated.survival(atDay: 30) == pooled.survival(at: 30))
        #expect(federated.survival(atDay: 0) == 1)
    }

    @Test func coarseGridCountsAnIntervalsEventsAtItsEndAndCensoringsAfterThem() throws {
        var random = FederatedMathRandom(seed: 8)
        var days: [Int] = [], events: [Bool] = []
        for _ in 0..<700 {
            days.append(random.below(400))
            events.append(random.uniform() < 0.5)
        }
        let w = 30
        let federated = FederatedKaplanMeier(try SurvivalHistogram(gridDays: w, days: days, events: events))
        // The same as the exact estimate on times moved to their interval's end (day 0 into the first interval).
        let moved = zip(days, events).map { SurvivalObservation(time: Double((SurvivalHistogram.interval(ofDay: $0, gridDays: w) + 1) * w), event: $1) }
        let reference = try KaplanMeier(moved)
        #expect(federated.points.map { Double($0.day) } == reference.rows.map(\.time))
        for (point, row) in zip(federated.points, reference.rows) {
            #expect(abs(point.survival - row.survival) <= 1e-12)
            #expect(abs(point.lower - row.lower) <= 1e-12 && abs(point.upper - row.upper) <= 1e-12)
        }
        // Interval bounds: day 30 is in the first interval, day 31 in the second, day 0 in the first.
        #expect(SurvivalHistogram.interval(ofDay: 0, gridDays: 30) == 0)
        #expect(SurvivalHistogram.interval(ofDay: 30, gridDays: 30) == 0)
        #expect(SurvivalHistogram.interval(ofDay: 31, gridDays: 30) == 1)
    }

    @Test func histogramsAddAcrossLengthsAndRefuseBadInput() throws {
        let a = SurvivalHistogram(gridDays: 7, atRisk: 10, events: [1, 2], censored: [0, 1])
        let b = SurvivalHistogram(gridDays: 7, atRisk: 5, events: [1, 0, 3], censored: [1, 0, 1])
        #expect(a + b == SurvivalHistogram(gridDays: 7, atRisk: 15, events: [2, 2, 3], censored: [1, 1, 1]))
        #expect(throws: FederationError.self) { try SurvivalHistogram(gridDays: 0, days: [1], events: [true]) }
        #expect(throws: FederationError.self) { try SurvivalHistogram(gridDays: 7, days: [-1], events: [true]) }
        // Follow-up past the grid's end is censored in its last interval.
        let capped = try SurvivalHistogram(gridDays: 10, days: [5, 15, 400], events: [true, true, true], intervals: 2)
        #expect(capped.events == [1, 1] && capped.censored == [0, 1])
        // Noisy counts that exceed those at risk are clamped: the curve stays within [0, 1] and JSON-encodable.
        let noisy = FederatedKaplanMeier(SurvivalHistogram(gridDays: 30, atRisk: 5, events: [3, 4], censored: [1, -2]))
        #expect(noisy.points.last?.survival == 0)
        _ = try JSONEncoder().encode(noisy)
    }

    // MARK: Characterization and incidence

    @Test func summariesPoolToTheMeansAndSMDsOfTheRawNumbers() {
        var random = FederatedMathRandom(seed: 13)
        let treated = (0..<500).map { _ in 62 + 9 * random.normal() }, control = (0..<700).map { _ in 58 + 11 * random.normal() }
        func pooledBySite(_ values: [Double]) -> NumericSummary {
            (0..<3).map { s in NumericSummary(values.indices.filter { $0 % 3 == s }.map { values[$0] }) }.reduce(NumericSummary(n: 0, sum: 0, sumOfSquares: 0), +)
        }
        func direct(_ v: [Double]) -> (mean: Double, sd: Double) {
            let mean = v.reduce(0, +) / Double(v.count)
            return (mean, (v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count - 1)).squareRoot())
        }
        let a = pooledBySite(treated), b = pooledBySite(control), da = direct(treated), db = direct(control)
        #expect(a.n == 500 && abs(a.mean - da.mean) < 1e-10 && abs(a.standardDeviation - da.sd) < 1e-9)
        let smd = FederatedComparison.standardizedDifference(a, b)
        #expect(abs(smd - StandardizedMeanDifference.means(da.mean, sd1: da.sd, db.mean, sd2: db.sd)) < 1e-9)
        #expect(abs(smd - (da.mean - db.mean) / ((da.sd * da.sd + db.sd * db.sd) / 2).squareRoot()) < 1e-9)
        let proportions = FederatedComparison.standardizedDifference(proportion: (count: 120, n: 400), (count: 90, n: 600))
        let (p1, p2) = (0.3, 0.15)
        #expect(abs(proportions - (p1 - p2) / ((p1 * (1 - p1) + p2 * (1 - p2)) / 2).squareRoot()) < 1e-12)
        #expect(FederatedComparison.standardizedDifference(proportion: (count: 0, n: 0), (count: 0, n: 10)) == 0)
        #expect(NumericSummary([4]).standardDeviation == 0)
    }

    @Test func incidencePoolsEventsAndPersonTimeIntoTheExactPoissonRate() throws {
        let sites = [(persons: 400, events: 12, days: 150_000.0), (persons: 250, events: 3, days: 80_000.0), (persons: 900, events: 41, days: 310_500.0)]
        let events = sites.reduce(0) { $0 + $1.events }, days = sites.reduce(0) { $0 + $1.days }
        let pooled = FederatedIncidence(persons: sites.reduce(0) { $0 + $1.persons }, events: events, personDays: days)
        let reference = try IncidenceRate(events: events, personTime: days / 365.25)
        #expect(pooled.persons == 1_550 && pooled.events == 56)
        #expect(abs(pooled.personYears - days / 365.25) < 1e-9)
        #expect(abs(pooled.ratePer1000 - Double(events) / (days / 365.25) * 1_000) < 1e-9)
        #expect(pooled.lower == reference.lower && pooled.upper == reference.upper)
        #expect(pooled.lower < pooled.ratePer1000 && pooled.ratePer1000 < pooled.upper)
        let empty = FederatedIncidence(persons: 0, events: 0, personDays: 0)
        #expect(empty.ratePer1000 == 0 && empty.upper == 0)
    }

    // MARK: Helpers

    static func pieces(_ likelihood: some LikelihoodPieces, rows: Int, events: Int) -> ModelPieces {
        ModelPieces(logLikelihood: likelihood.logLikelihood, score: likelihood.score, information: likelihood.information, rows: rows, events: events)
    }

    static func expectEqual(_ ours: [Coefficient], _ theirs: [Coefficient], relative: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(ours.map(\.name) == theirs.map(\.name), sourceLocation: sourceLocation)
        for (a, b) in zip(ours, theirs) {
            #expect(abs(a.coef - b.coef) <= relative * max(abs(b.coef), 1e-3), "\(a.name): coef \(a.coef) vs \(b.coef)", sourceLocation: sourceLocation)
            #expect(abs(a.se - b.se) <= relative * b.se, "\(a.name): se \(a.se) vs \(b.se)", sourceLocation: sourceLocation)
        }
    }
}

/// Seeded draws for the suites' data: uniform, normal and Poisson from `SplitMix`.
struct FederatedMathRandom {
    private var source: SplitMix

    init(seed: UInt64) { source = SplitMix(state: seed) }

    mutating func next() -> UInt64 { source.next() }

    /// In (0, 1).
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }

    mutating func poisson(_ mean: Double) -> Int {
        let limit = exp(-mean)
        var k = 0, product = uniform()
        while product > limit {
            k += 1
            product *= uniform()
        }
        return k
    }
}
