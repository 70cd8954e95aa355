import CDMStore
import CDMTestSupport
import DecisionSupport
import Evidence
@testable import Federation
import Foundation
import Testing

/// The coordinator's parts that need no network: the model registry, a registered model's risk, the retry
/// schedule, the deadline race, the state file and the result document.
@Suite struct StudyRunnerTests {
    static func model(name: String = "lung-death-2y") throws -> RegisteredModel {
        let card = ModelCard(studyHash: String(repeating: "a", count: 64), cohorts: ["lung cancer"], outcome: "death", horizonDays: 730,
                             sites: [.init(name: "site1", trainingRows: 120, evaluationRows: 40, auc: 0.71)], algorithm: "fedprox",
                             rounds: 40, epochs: 5, learningRate: 0.5, mu: 0.1, penalty: "lasso", lambda: 0.001, pooledAUC: 0.7,
                             calibration: [.init(bin: 3, n: 20, observed: 0.15, expected: 0.17)])
        return RegisteredModel(name: name, created: Date(timeIntervalSince1970: 1_790_000_000), covariates: [.age, .sex],
                               levels: ["sex": ["FEMALE", "MALE"]], designNames: ["age", "sex: MALE"], centers: [65, 0.5],
                               scales: [10, 0.5], coefficients: [-1.2, 0.4, -0.3], card: card)
    }

    @Test func riskStandardisesAndNamesAMissingValue() throws {
        let model = try Self.model()
        // η = −1.2 + 0.4·(70 − 65)/10 − 0.3·(1 − 0.5)/0.5 = −1.3
        #expect(abs(try model.risk(for: ["age": 70, "sex: MALE": 1]) - 1 / (1 + exp(1.3))) < 1e-15)
        #expect(throws: ModelRegistryError.self) { try model.risk(for: ["age": 70]) }
        do { _ = try model.risk(for: ["age": 70]) } catch let error as ModelRegistryError { #expect(error.message.contains("\"sex: MALE\"")) }
    }

    @Test(arguments: TestDatabases.backends) func registryKeepsVersions(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let registry = ModelRegistry(database: db)
            #expect(try await registry.latest(name: "lung-death-2y") == nil)
            #expect(try await registry.register(try Self.model()) == 1)
            var second = try Self.model()
            second.coefficients = [-1, 0.5, -0.2]
            #expect(try await registry.register(second) == 2)
            #expect(try await registry.register(try Self.model(name: "other")) == 1)
            let latest = try #require(try await registry.latest(name: "lung-death-2y"))
            #expect(latest.version == 2)
            #expect(latest.coefficients == [-1, 0.5, -0.2])
            #expect(latest.card == second.card)
            #expect(latest.covariates == [.age, .sex])
            #expect(try await registry.model(name: "lung-death-2y", version: 1)?.coefficients == [-1.2, 0.4, -0.3])
            #expect(try await registry.list().map { "\($0.name) v\($0.version)" } == ["lung-death-2y v1", "lung-death-2y v2", "other v1"])
        }
    }

    @Test func retriesBackOffDoublingUpToTheCap() {
        let policy = RetryPolicy(timeout: .seconds(1), retries: 5, backoff: .milliseconds(100), maximumBackoff: .milliseconds(350))
        #expect((1...5).map { policy.delay(beforeRetry: $0) } == [.milliseconds(100), .milliseconds(200), .milliseconds(350), .milliseconds(350), .milliseconds(350)])
    }

    @Test(.timeLimit(.minutes(2))) func aDeadlineEndsAWaitThatIgnoresCancellation() async throws {
        let start = ContinuousClock.now
        await #expect(throws: FederationError.self) {
            try await withDeadline(.milliseconds(200), what: "stuck") { () async throws -> Int in
                await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                    DispatchQueue.global().asyncAfter(deadline: .now() + 30) { done.resume() }
                }
                return 1
            }
        }
        // Ended by the 200 ms deadline, not by the 30 s wait (a loaded CI machine may take a few seconds to schedule it).
        #expect(ContinuousClock.now - start < .seconds(15))
        #expect(try await withDeadline(.seconds(5), what: "quick") { 42 } == 42)
    }

    @Test func stateIsWrittenAtomicallyAndBelongsToOneStudy() throws {
        let url = URL(fileURLWithPath: try TestDatabases.temporaryDirectory()).appendingPathComponent("state.json")
        #expect(try StudyState.load(from: url, hash: "abc") == nil)
        var state = StudyState(hash: "abc", started: Date(), finished: [AnalysisResult(id: "counts", type: .counts, nodes: ["site1"])], running: nil)
        state.running = StudyState.RunningAnalysis(id: "cox", levels: ["sex": ["F", "M"]], beta: [0.25, -1], gathers: 3)
        try state.save(to: url)
        let loaded = try #require(try StudyState.load(from: url, hash: "abc"))
        #expect(loaded.finished.map(\.id) == ["counts"])
        #expect(loaded.running?.beta == [0.25, -1])
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) == ["state.json"])
        #expect { try StudyState.load(from: url, hash: "def") } throws: { ($0 as? FederationError)?.code == "state-other-study" }
    }

    @Test func resultDocumentRoundTripsAndReads() throws {
        var analysis = AnalysisResult(id: "km", type: .kaplanMeier, nodes: ["site1", "site2", "site3"])
        analysis.survival = SurvivalResult(gridDays: 30, subjects: PooledCount(sum: 120, minimum: 5), withheldCells: 0,
                                           points: [.init(day: 30, atRisk: 120, events: 10, censored: 0, survival: 110.0 / 120, standardError: 0.02,
                                                          lower: 0.85, upper: 0.95)], medianDays: nil)
        let result = StudyResult(study: "test", hash: "abc", started: Date(timeIntervalSince1970: 0), finished: Date(timeIntervalSince1970: 60),
                                 nodes: [NodeStatus(name: "site1", state: .done, stepsAnswered: 1)], analyses: [analysis])
        let directory = URL(fileURLWithPath: try TestDatabases.temporaryDirectory()).appendingPathComponent("out")
        try result.write(to: directory)
        let read = try StudyResult(json: Data(contentsOf: directory.appendingPathComponent("result.json")))
        #expect(read.analysis("km")?.survival?.points.first?.survival == 110.0 / 120)
        let markdown = try String(contentsOf: directory.appendingPathComponent("result.md"), encoding: .utf8)
        #expect(markdown.contains("| site1 | done |"))
        #expect(markdown.contains("median not reached"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("km-kaplan-meier.svg").path))
        #expect(PooledCount(sum: 3, minimum: 5).description == "<5")
        #expect(PooledCount(sum: 30, minimum: 5, nodeSuppressed: true).description == "≥30")
    }
}
