import CDMStore
import CDMTestSupport
import Federation
import Foundation
import Testing

/// Nodes that hang, send garbage, fail midway or stop the run: the coordinator retries, drops, goes on while enough
/// nodes remain, and resumes from its state file without asking again for what is done.
@Suite(.serialized) struct CoordinatorFaultTests {
    /// Long enough for a healthy node on a loaded 2-core CI machine (the suites run side by side); a hanging node
    /// still costs only its two attempts.
    static let policy = RetryPolicy(timeout: .seconds(15), retries: 1, backoff: .milliseconds(50))
    nonisolated(unsafe) static let analyses: [[String: Any]] = [
        ["id": "counts", "type": "counts"],
        ["id": "logistic", "type": "logistic", "cohort": 2, "covariates": ["age", "sex"], "horizon_days": 730],
    ]

    static func persons(_ network: TestNetwork, _ study: StudySpecification, sites: [Int]) async throws -> Int {
        var total = 0
        for index in sites { total += try await TestNetwork.cohortPersons(network.sites[index], study: study, cohort: 1) }
        return total
    }

    @Test(.timeLimit(.minutes(5))) func aSlowNodeIsRetriedThenDropped() async throws {
        let study = try TestNetwork.study(analyses: [["id": "counts", "type": "counts"]], minimumNodes: 2)
        try await TestNetwork.with { network in
            var connections = network.connections()
            let slow = FaultyConnection(connections[2], failOn: { _ in true }, mode: .hang)
            connections[2] = slow
            let start = ContinuousClock.now
            let result = try await StudyRunner(study: study, connections: connections, policy: Self.policy, stateFile: nil).run()
            #expect(ContinuousClock.now - start < .seconds(120))
            let status = try #require(result.nodes.first { $0.name == "site3" })
            #expect(status.state == .failed)
            #expect(status.reason?.contains("timeout") == true)
            #expect(status.retries == 1)
            #expect(slow.counter.count == 2)
            let counts = try #require(result.analysis("counts"))
            #expect(counts.nodes == ["site1", "site2"])
            #expect(counts.counts?.first { $0.cohort == 1 }?.persons.value == (try await Self.persons(network, study, sites: [0, 1])))
        }
    }

    @Test(.timeLimit(.minutes(5))) func aNodeSendingGarbageIsDropped() async throws {
        let study = try TestNetwork.study(analyses: [["id": "counts", "type": "counts"]], minimumNodes: 2)
        try await TestNetwork.with { network in
            var connections = network.connections()
            connections[1] = FaultyConnection(connections[1], failOn: { _ in true }, mode: .garbage)
            let result = try await StudyRunner(study: study, connections: connections, policy: Self.policy, stateFile: nil).run()
            let status = try #require(result.nodes.first { $0.name == "site2" })
            #expect(status.state == .failed)
            #expect(status.reason?.contains("bad-reply") == true)
            #expect(result.analysis("counts")?.nodes == ["site1", "site3"])
        }
    }

    @Test(.timeLimit(.minutes(5))) func aNodeFailingMidFitLeavesTheFitOfTheRest() async throws {
        let study = try TestNetwork.study(analyses: Self.analyses, minimumNodes: 2)
        try await TestNetwork.with { network in
            var connections = network.connections()
            // counts, levels and two model-pieces gathers answered; then the connection is gone.
            connections[2] = FaultyConnection(connections[2], failOn: { _, before in before >= 4 }, mode: .failAfterSending)
            let result = try await StudyRunner(study: study, connections: connections, policy: Self.policy, stateFile: nil).run()
            #expect(result.nodes.map(\.state) == [.done, .done, .failed])
            #expect(result.analysis("counts")?.nodes == ["site1", "site2", "site3"])
            let logistic = try #require(result.analysis("logistic"))
            #expect(logistic.nodes == ["site1", "site2"])
            let fit = try #require(logistic.model?.fit)
            let reference = try await TestNetwork.pooledFit(Array(network.sites.prefix(2)), study: study,
                                                            analysis: try #require(study.analysis("logistic")), result: result)
            TestNetwork.expectClose(fit.coefficients, reference, what: "logistic over the two remaining sites")
        }
    }

    @Test(.timeLimit(.minutes(5))) func tooFewNodesLeftStopsTheStudy() async throws {
        let study = try TestNetwork.study(analyses: Self.analyses)
        try await TestNetwork.with { network in
            var connections = network.connections()
            connections[2] = FaultyConnection(connections[2], failOn: { _, before in before >= 2 }, mode: .failAfterSending)
            await #expect { try await StudyRunner(study: study, connections: connections, policy: Self.policy, stateFile: nil).run() } throws: { error in
                guard let error = error as? FederationError, error.code == "too-few-nodes" else { return false }
                return error.message.contains("site3: failed") && error.message.contains("site1: approved")
            }
        }
    }

    @Test(.timeLimit(.minutes(5))) func smallNodeCellsAreWithheldAndSaidSo() async throws {
        let study = try TestNetwork.study(analyses: [["id": "km", "type": "kaplan-meier", "cohort": 2, "grid_days": 90, "maximum_days": 1825]])
        try await TestNetwork.with { network in
            let result = try await StudyRunner(study: study, connections: network.connections(), policy: Self.policy, stateFile: nil).run()
            let km = try #require(result.analysis("km")?.survival)
            #expect(km.withheldCells > 0)
            #expect(km.points.allSatisfy { ($0.events ?? 5) >= 5 || $0.events == 0 })
            #expect(result.markdown().contains("small node cells withheld"))
        }
    }

    @Test(.timeLimit(.minutes(5))) func aStoppedRunResumesFromItsState() async throws {
        let study = try TestNetwork.study(analyses: Self.analyses)
        let state = URL(fileURLWithPath: try TestDatabases.temporaryDirectory()).appendingPathComponent("state.json")
        try await TestNetwork.with { network in
            // Stopped at the third model-pieces gather of the second analysis.
            var connections = network.connections()
            connections[0] = FaultyConnection(connections[0], failOn: { $0.step == .modelPieces && $0.round == 2 }, mode: .cancel)
            await #expect(throws: CancellationError.self) {
                try await StudyRunner(study: study, connections: connections, policy: Self.policy, stateFile: state).run()
            }
            #expect(FileManager.default.fileExists(atPath: state.path))

            let counted = network.connections().map { FaultyConnection($0, failOn: { _ in false }, mode: .cancel) }
            let resumed = try await StudyRunner(study: study, connections: counted, policy: Self.policy, stateFile: state).run()
            for connection in counted {
                let steps = connection.counter.steps.withLock { $0 }
                #expect(!steps.contains { $0.analysis == "counts" }, "counts asked again of \(connection.name)")
                #expect(!steps.contains { $0.step == .levels }, "levels asked again of \(connection.name)")
                let first = try #require(steps.first { $0.step == .modelPieces })
                #expect(first.round == 2)
                #expect(first.coefficients?.contains { $0 != 0 } == true)
            }

            let fresh = try await StudyRunner(study: study, connections: network.connections(), policy: Self.policy, stateFile: nil).run()
            #expect(resumed.analysis("counts")?.counts?.first?.persons == fresh.analysis("counts")?.counts?.first?.persons)
            TestNetwork.expectClose(try #require(resumed.analysis("logistic")?.model?.fit.coefficients),
                                    try #require(fresh.analysis("logistic")?.model?.fit.coefficients), what: "resumed logistic")

            let other = try TestNetwork.study(analyses: Self.analyses, name: "another study")
            let untouched = network.connections().map { FaultyConnection($0, failOn: { _ in false }, mode: .cancel) }
            await #expect { try await StudyRunner(study: other, connections: untouched, policy: Self.policy, stateFile: state).run() } throws: {
                ($0 as? FederationError)?.code == "state-other-study"
            }
            #expect(untouched.allSatisfy { $0.counter.count == 0 })
        }
    }
}
