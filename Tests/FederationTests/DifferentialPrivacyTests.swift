import CDMStore
import CDMTestSupport
import Foundation
@testable import Federation
import Testing

/// Noise on released counts (Laplace and Gaussian, scales from the sensitivity) and the per-study ε budget on
/// both databases, including concurrent spends.
@Suite struct DifferentialPrivacyTests {
    static let reply: [NamedAggregate] = [
        NamedAggregate("persons", .count(120)),
        NamedAggregate("events", .counts([40, nil, 0, 17])),
        NamedAggregate("suppressed", .count(nil)),
        NamedAggregate("person_days", .vector([1.5e6, 2.25])),
        NamedAggregate("information", .matrix(rows: 1, values: [3.5])),
        NamedAggregate("levels", .labels(["T1", "T2"])),
    ]

    /// The noise on 200,000 cells of one histogram (so Δ1 = 1), far from 0 so clamping never acts.
    static func draws(_ settings: DifferentialPrivacySettings, seed: UInt64) -> (noise: [Double], scale: Double) {
        var random = SplitMix(state: seed)
        let base = 1_000_000
        let result = DifferentialPrivacy.addNoise([NamedAggregate("cells", .counts(Array(repeating: base, count: 200_000)))],
                                                  settings: settings, using: &random)
        guard case .counts(let cells) = result.aggregates[0].value else { return ([], 0) }
        return (cells.map { Double($0! - base) }, result.scale)
    }

    static func moments(_ x: [Double]) -> (mean: Double, variance: Double) {
        let mean = x.reduce(0, +) / Double(x.count)
        return (mean, x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(x.count - 1))
    }

    @Test func sensitivityCountsOnePerCountAggregate() {
        #expect(DifferentialPrivacy.sensitivity(of: Self.reply) == 3)
        #expect(DifferentialPrivacy.l2Sensitivity(of: Self.reply) == 3.0.squareRoot())
        #expect(DifferentialPrivacy.sensitivity(of: [NamedAggregate("beta", .vector([1]))]) == 0)
    }

    @Test func laplaceNoiseHasMeanZeroAndVarianceTwoBSquared() {
        let settings = DifferentialPrivacySettings(mechanism: .laplace, epsilon: 1, epsilonPerQuery: 0.2)
        let (noise, scale) = Self.draws(settings, seed: 2026)
        #expect(scale == 5)   // Δ1 / ε = 1 / 0.2
        let (mean, variance) = Self.moments(noise)
        // sd of the mean sqrt(50/2e5) ≈ 0.016; of the variance sqrt(20/2e5)·25 ≈ 0.25. Rounding adds 1/12.
        #expect(abs(mean) < 0.08, "mean \(mean)")
        #expect(abs(variance - (2 * 25 + 1.0 / 12)) < 1.5, "variance \(variance)")
        // The shape is Laplace, not a normal of equal variance: P(|round(X)| ≤ 5) = P(|X| < 5.5) = 1 − e^−1.1 ≈ 0.667
        // (a normal would give 0.56).
        let within = Double(noise.count { abs($0) <= 5 }) / Double(noise.count)
        #expect(abs(within - (1 - exp(-1.1))) < 0.006, "share within b: \(within)")
        // Symmetric: as many positive as negative draws.
        #expect(abs(Double(noise.count { $0 > 0 } - noise.count { $0 < 0 })) / Double(noise.count) < 0.01)
    }

    @Test func gaussianSigmaFollowsTheClassicFormulaBelowEpsilonOne() {
        let settings = DifferentialPrivacySettings(mechanism: .gaussian, epsilon: 2, epsilonPerQuery: 0.5, delta: 1e-5)
        var random = SplitMix(state: 9)
        let result = DifferentialPrivacy.addNoise(Self.reply, settings: settings, using: &random)
        // Δ2 = sqrt(3) for three count aggregates.
        let expected = 3.0.squareRoot() * (2 * log(1.25 / 1e-5)).squareRoot() / 0.5
        #expect(abs(result.scale - expected) < 1e-12 * expected)
        #expect(result.sensitivity == 3)

        let (noise, sigma) = Self.draws(settings, seed: 77)
        #expect(abs(sigma - (2 * log(1.25 / 1e-5)).squareRoot() / 0.5) < 1e-12)
        let (mean, variance) = Self.moments(noise)
        #expect(abs(mean) < 5 * (sigma * sigma / 2e5).squareRoot(), "mean \(mean)")
        #expect(abs(variance / (sigma * sigma + 1.0 / 12) - 1) < 0.02, "variance \(variance) vs σ² \(sigma * sigma)")
    }

    /// Above ε = 1 the classic σ is not proven; σ is then never below the analytic Gaussian's, which meets the
    /// exact (ε, δ) condition of Balle & Wang (Theorem 8), checked here with erfc directly.
    @Test func gaussianSigmaMeetsTheExactConditionAtLargeEpsilon() {
        func delta(_ sigma: Double, epsilon: Double) -> Double {
            func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
            return phi(1 / (2 * sigma) - epsilon * sigma) - exp(epsilon) * phi(-1 / (2 * sigma) - epsilon * sigma)
        }
        for epsilon in [0.3, 1.0, 3.0, 8.0, 15.0, 30.0] {
            let sigma = DifferentialPrivacy.gaussianSigma(l2Sensitivity: 1, epsilon: epsilon, delta: 1e-6)
            #expect(delta(sigma, epsilon: epsilon) <= 1e-6 * (1 + 1e-9), "ε \(epsilon): σ \(sigma)")
            #expect(sigma >= (2 * log(1.25e6)).squareRoot() / epsilon - 1e-12)
        }
        // At ε = 15 the classic formula is too small (δ(σ) ≈ 2e-5): the returned σ is the analytic one, the smallest
        // that meets the condition.
        let classic = (2 * log(1.25e6)).squareRoot() / 15
        #expect(delta(classic, epsilon: 15) > 1e-5)
        let sigma = DifferentialPrivacy.gaussianSigma(l2Sensitivity: 1, epsilon: 15, delta: 1e-6)
        #expect(sigma > classic)
        #expect(delta(sigma * 0.999, epsilon: 15) > 1e-6)
    }

    @Test func onlyCountsAreNoisedAndSuppressedCellsStayNil() {
        let settings = DifferentialPrivacySettings(mechanism: .laplace, epsilon: 1, epsilonPerQuery: 0.1)
        let result = DifferentialPrivacy.addNoise(Self.reply, settings: settings)
        #expect(result.scale == 30)   // Δ1 = 3, ε = 0.1
        #expect(result.sensitivity == 3)
        let out = Dictionary(uniqueKeysWithValues: result.aggregates.map { ($0.name, $0.value) })
        #expect(result.aggregates.map(\.name) == Self.reply.map(\.name))
        #expect(out["suppressed"] == .count(nil))
        #expect(out["person_days"] == .vector([1.5e6, 2.25]))
        #expect(out["information"] == .matrix(rows: 1, values: [3.5]))
        #expect(out["levels"] == .labels(["T1", "T2"]))
        guard case .counts(let cells) = out["events"], case .count(let persons?) = out["persons"] else {
            Issue.record("counts lost their shape: \(result.aggregates)")
            return
        }
        #expect(cells.count == 4 && cells[1] == nil)
        #expect(cells.compactMap { $0 }.allSatisfy { $0 >= 0 })
        #expect(persons >= 0)
        // Zero counts under b = 30: clamped at 0, never negative; about half stay 0.
        var random = SplitMix(state: 3)
        let zeros = DifferentialPrivacy.addNoise([NamedAggregate("z", .counts(Array(repeating: 0, count: 10_000)))], settings: settings, using: &random)
        guard case .counts(let noisedZeros) = zeros.aggregates[0].value else { return }
        #expect(noisedZeros.allSatisfy { $0! >= 0 })
        #expect(abs(Double(noisedZeros.count { $0 == 0 }) / 10_000 - 0.5) < 0.03)
        // The default source is not seeded: two releases of the same reply differ.
        let many = [NamedAggregate("c", .counts(Array(repeating: 1_000, count: 64)))]
        #expect(DifferentialPrivacy.addNoise(many, settings: settings).aggregates != DifferentialPrivacy.addNoise(many, settings: settings).aggregates)
    }

    // MARK: budget

    @Test(arguments: TestDatabases.backends)
    func spendsAddUpAndAnOverspendIsRefusedWithoutSpending(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            #expect(try await db.privacyBudgetSpent(studyHash: "3f2a") == 0)
            let first = try await db.spendPrivacyBudget(studyHash: "3f2a", epsilon: 0.3, total: 1)
            #expect(abs(first.spent - 0.3) < 1e-12 && abs(first.remaining - 0.7) < 1e-12)
            let second = try await db.spendPrivacyBudget(studyHash: "3f2a", epsilon: 0.5, total: 1)
            #expect(abs(second.spent - 0.8) < 1e-12 && abs(second.remaining - 0.2) < 1e-12)
            do {
                _ = try await db.spendPrivacyBudget(studyHash: "3f2a", epsilon: 0.25, total: 1)
                Issue.record("an overspend was granted")
            } catch let error as FederationError {
                #expect(error.code == "budget-spent")
                #expect(error.message.contains("0.8") && error.message.contains("0.25") && error.message.contains("3f2a"), "\(error.message)")
            }
            #expect(abs(try await db.privacyBudgetSpent(studyHash: "3f2a") - 0.8) < 1e-12)
            // Another study has its own budget; the rest of this one can still be spent.
            #expect(try await db.spendPrivacyBudget(studyHash: "b7c1", epsilon: 0.9, total: 1).spent == 0.9)
            let last = try await db.spendPrivacyBudget(studyHash: "3f2a", epsilon: 0.2, total: 1)
            #expect(abs(last.spent - 1) < 1e-12 && last.remaining < 1e-12)
            // Ten spends of 0.1 fill a budget of 1 despite 0.1's binary rounding.
            for _ in 0..<10 { _ = try await db.spendPrivacyBudget(studyHash: "c0de", epsilon: 0.1, total: 1) }
            await #expect(throws: FederationError.self) { try await db.spendPrivacyBudget(studyHash: "c0de", epsilon: 0.01, total: 1) }
            await #expect(throws: FederationError.self) { try await db.spendPrivacyBudget(studyHash: "c0de", epsilon: -1, total: 1) }
            await #expect(throws: FederationError.self) { try await db.spendPrivacyBudget(studyHash: "c0de", epsilon: .nan, total: 1) }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func concurrentSpendsNeverExceedTheTotal(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            // 10 tasks × 3 attempts of 0.07 against a budget of 1: exactly 14 may pass (0.98).
            let granted = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        var granted = 0
                        for _ in 0..<3 {
                            do {
                                _ = try await db.spendPrivacyBudget(studyHash: "race", epsilon: 0.07, total: 1)
                                granted += 1
                            } catch let error as FederationError where error.code == "budget-spent" {}
                        }
                        return granted
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(granted == 14)
            let spent = try await db.privacyBudgetSpent(studyHash: "race")
            #expect(abs(spent - 14 * 0.07) < 1e-9, "spent \(spent)")
            let ledger = try await db.query("SELECT COUNT(*) AS n, SUM(epsilon) AS total FROM optima_privacy_spend WHERE study_hash = 'race'")
            #expect(ledger.first?["n"].integerValue == 14)
            #expect(abs((ledger.first?["total"].doubleValue ?? 0) - spent) < 1e-9)
        }
    }
}
