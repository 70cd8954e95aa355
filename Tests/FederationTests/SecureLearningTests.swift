import CDMStore
import CDMTestSupport
import DecisionSupport
import Federation
import Foundation
import Statistics
import Testing

/// FedAvg weighs each node by its training rows with and without secure aggregation: the run's weights equal
/// rounds of `FederatedAveraging.combine` over each site's own local training (asked of NodeComputation directly,
/// in plain), and differ from the nodes' equal average the coordinator could form before.
@Suite(.serialized) struct SecureLearningTests {
    static func study(secure: Bool) throws -> StudySpecification {
        try TestNetwork.study(analyses: [
            ["id": "lasso", "type": "lasso-logistic", "cohort": 2, "covariates": ["age", "sex"], "horizon_days": 730,
             "learning": ["rounds": 5, "local_epochs": 3, "holdout_fraction": 0.5, "register_as": "lung-death-2y"]],
        ], privacy: secure ? ["secure_aggregation": true] : [:], name: "federated learning test")
    }

    @Test(arguments: [false, true])
    func fedAvgWeighsNodesByTheirRows(secure: Bool) async throws {
        let study = try Self.study(secure: secure)
        try await TestNetwork.with(postgresSite: true) { network in
            try await TestDatabases.with(.sqlite) { registryDB, _ in
                let registry = ModelRegistry(database: registryDB)
                let result = try await StudyRunner(study: study, connections: network.connections(), policy: TestNetwork.policy,
                                                   stateFile: nil, registry: registry).run()
                let model = try #require(result.analysis("lasso")?.learning?.model)
                let settings = try #require(study.analysis("lasso")?.learning)
                let nodes = network.sites.map { NodeComputation(database: $0, study: study, guards: DisclosureGuards()) }
                func ask(_ step: StepKind, round: Int, coefficients: [Double]? = nil, centers: [Double]? = nil, scales: [Double]? = nil) async throws -> [[NamedAggregate]] {
                    var replies: [[NamedAggregate]] = []
                    for node in nodes {
                        replies.append(try await node.compute(StepRequest(studyHash: study.hash, analysis: "lasso", step: step, round: round,
                                                                          coefficients: coefficients, levels: model.levels, centers: centers, scales: scales)))
                    }
                    return replies
                }

                // The pooled standardisation from each site's plain design moments.
                let moments = try await ask(.characterization, round: 0)
                let q = model.designNames.count
                let summaries = (0..<q).map { j in
                    moments.map { NumericSummary(n: Self.count($0, "design:rows"), sum: Self.vector($0, "design:sums")[j],
                                                 sumOfSquares: Self.vector($0, "design:squares")[j]) }
                        .reduce(NumericSummary(n: 0, sum: 0, sumOfSquares: 0), +)
                }
                for j in 0..<q {
                    #expect(abs(model.centers[j] - summaries[j].mean) <= 1e-9 * max(1, abs(summaries[j].mean)))
                    #expect(abs(model.scales[j] - summaries[j].standardDeviation) <= 1e-9 * max(1, summaries[j].standardDeviation))
                }

                // Rounds of FedAvg over the sites' own updates, and the equal average for contrast.
                var weighted = [Double](repeating: 0, count: q + 1), equal = weighted
                var rows: [Int] = []
                for round in 0..<settings.rounds {
                    let replies = try await ask(.localTraining, round: round, coefficients: weighted, centers: model.centers, scales: model.scales)
                    rows = replies.map { Self.count($0, "rows") }
                    weighted = FederatedAveraging.combine(zip(replies, rows).map { reply, n in
                        (weights: Self.vector(reply, "weighted-weights").map { $0 / Double(n) }, count: n)
                    })
                    let unweighted = try await ask(.localTraining, round: round, coefficients: equal, centers: model.centers, scales: model.scales)
                    equal = FederatedAveraging.combine(unweighted.map { reply in
                        let n = Self.count(reply, "rows")
                        return (weights: Self.vector(reply, "weighted-weights").map { $0 / Double(n) }, count: 1)
                    })
                }
                #expect(Set(rows).count > 1, "the sites differ in size, or weighting could not matter")
                let gap = zip(model.coefficients, weighted).map { abs($0 - $1) }.max() ?? .infinity
                let equalGap = zip(model.coefficients, equal).map { abs($0 - $1) }.max() ?? 0
                #expect(model.coefficients.count == q + 1)
                #expect(gap <= 1e-6, "secure \(secure): largest difference from FedAvg weighted by rows \(gap)")
                #expect(equalGap > 1e-4, "secure \(secure): the equal average is as close (\(equalGap)): the test could not tell them apart")

                // The card: totals in both modes; each site's share only without masking.
                let card = model.card
                #expect(card.trainingRows == rows.reduce(0, +))
                #expect(card.sites.map(\.name) == ["site1", "site2", "site3"])
                if secure {
                    #expect(card.sites.allSatisfy { $0.trainingRows == 0 && $0.evaluationRows == nil && $0.auc == nil })
                } else {
                    #expect(card.sites.map(\.trainingRows) == rows)
                    #expect(card.evaluationRows == card.sites.compactMap(\.evaluationRows).reduce(0, +))
                }
                // Age and sex barely predict death at 2 years on a small held-out half: only that an AUC was formed.
                #expect((card.evaluationRows ?? 0) > 0 && (0...1).contains(card.pooledAUC ?? -1), "pooled AUC \(card.pooledAUC ?? .nan)")
                #expect(result.markdown().contains("| all sites | \(rows.reduce(0, +)) |"))

                // The registered model predicts as its coefficients say, from values by design name.
                let stored = try await registry.require(name: "lung-death-2y")
                #expect(stored.coefficients == model.coefficients)
                #expect(stored.designNames == ["age", "sex: MALE"])
                let values = ["age": 64.0, "sex: MALE": 1]
                let row = stored.designNames.map { values[$0]! }
                let eta = zip(row.indices, row).reduce(stored.coefficients[0]) { sum, pair in
                    sum + stored.coefficients[pair.0 + 1] * (pair.1 - stored.centers[pair.0]) / stored.scales[pair.0]
                }
                let prediction = try await registry.predict(name: "lung-death-2y", values: values)
                #expect(abs(prediction.risk - 1 / (1 + exp(-eta))) < 1e-14)
                #expect(prediction.version == 1 && prediction.card == card)
            }
        }
    }

    static func count(_ reply: [NamedAggregate], _ name: String) -> Int {
        guard case .count(let n?)? = reply.first(where: { $0.name == name })?.value else { Issue.record("\(name) is not a count"); return 0 }
        return n
    }

    static func vector(_ reply: [NamedAggregate], _ name: String) -> [Double] {
        guard case .vector(let values)? = reply.first(where: { $0.name == name })?.value else { Issue.record("\(name) is not a vector"); return [] }
        return values
    }
}
