import CDMStore
import CDMTestSupport
import DecisionSupport
import Evidence
import Federation
import Foundation
import Governance
import Statistics
import Synchronization
import Synthetic
import Testing

/// Three in-process nodes (NodeService behind LocalNodeConnection, every message signed and checked) on the three
/// sites of one generated population, against the pooled analysis of all sites' rows in one place.
@Suite(.serialized) struct FederatedNetworkTests {
    @Test func plainNetworkEqualsPooledAnalyses() async throws {
        let study = try TestNetwork.study(analyses: [
            ["id": "counts", "type": "counts"],
            ["id": "km", "type": "kaplan-meier", "cohort": 2, "grid_days": 365, "maximum_days": 1825],
            ["id": "logistic", "type": "logistic", "cohort": 2, "covariates": ["age", "sex"], "horizon_days": 730],
            ["id": "poisson", "type": "poisson", "cohort": 2, "covariates": ["age", "sex"], "maximum_days": 1825],
            ["id": "cox", "type": "cox", "cohort": 2, "covariates": ["age", "sex"], "ties": "efron"],
        ], privacy: ["minimum_cell_count": 1])
        // No cell withheld, so the grid life table can be compared whole (withheld cells are tested in the fault suite).
        try await TestNetwork.with(postgresSite: true, guards: DisclosureGuards(minimumCellCount: 1)) { network in
            let result = try await StudyRunner(study: study, connections: network.connections(), policy: TestNetwork.policy, stateFile: nil).run()
            #expect(result.nodes.map(\.state) == [.done, .done, .done])

            // Counts: the sum of each site's cohort table.
            var persons = 0
            for site in network.sites { persons += try await TestNetwork.cohortPersons(site, study: study, cohort: 1) }
            let breast = try #require(result.analysis("counts")?.counts?.first { $0.cohort == 1 })
            #expect(breast.persons.value == persons)
            #expect(breast.persons.isLowerBound == false)

            // Kaplan–Meier on a 365-day grid: the pooled life table of all sites' follow-up.
            let km = try #require(result.analysis("km")?.survival)
            #expect(km.withheldCells == 0)
            var days: [Int] = [], events: [Bool] = []
            for site in network.sites {
                for subject in try await TestNetwork.followUp(site, study: study, cohort: 2, endDays: 1825) {
                    days.append(subject.days)
                    events.append(subject.event)
                }
            }
            let pooled = FederatedKaplanMeier(try SurvivalHistogram(gridDays: 365, days: days, events: events, intervals: 5))
            #expect(km.points.count == pooled.points.count)
            for (a, b) in zip(km.points, pooled.points) {
                #expect(a.day == b.day)
                #expect(abs(a.survival - b.survival) < 1e-12)
            }

            // Regressions: equal to Statistics' pooled fits.
            for id in ["logistic", "poisson", "cox"] {
                let analysis = try #require(study.analysis(id))
                let fit = try #require(result.analysis(id)?.model?.fit)
                let reference = try await TestNetwork.pooledFit(network.sites, study: study, analysis: analysis, result: result)
                TestNetwork.expectClose(fit.coefficients, reference, what: id)
                if id == "logistic" { #expect(fit.iterations <= 10) }
            }
            let directory = URL(fileURLWithPath: try TestDatabases.temporaryDirectory())
            try result.write(to: directory)
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("km-kaplan-meier.svg").path))
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("cox-forest.svg").path))
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("counts-attrition-1.svg").path))
        }
    }

    @Test func characterizationIncidenceAndLearningAcrossTheNetwork() async throws {
        let study = try TestNetwork.study(analyses: [
            ["id": "table1", "type": "characterization", "cohorts": [1, 2], "covariates": ["age", "sex"]],
            ["id": "incidence", "type": "incidence", "cohort": 2, "covariates": ["sex"], "maximum_days": 1825],
            ["id": "lasso", "type": "lasso-logistic", "cohort": 2, "covariates": ["age", "sex"], "horizon_days": 730,
             "learning": ["rounds": 5, "local_epochs": 3, "holdout_fraction": 0.5, "register_as": "lung-death-2y"]],
        ])
        try await TestNetwork.with { network in
            try await TestDatabases.with(.sqlite) { registryDB, _ in
                let registry = ModelRegistry(database: registryDB)
                let result = try await StudyRunner(study: study, connections: network.connections(), policy: TestNetwork.policy,
                                                   stateFile: nil, registry: registry).run()

                // Age: n, mean and SD from the pooled values read through Evidence at every site.
                let table = try #require(result.analysis("table1")?.characterization)
                var ages: [[Double]] = [[], []]
                for site in network.sites {
                    for cohort in [1, 2] {
                        let values = try await site.cohortFeatureValues(.age, target: try await TestNetwork.localID(site, study: study, cohort: cohort))
                        ages[cohort - 1] += values.values.values.compactMap { if case .number(let x) = $0 { x } else { nil } }
                    }
                }
                for (index, cohort) in table.cohorts.enumerated() {
                    let age = try #require(cohort.features.first { $0.feature == "age" }?.numeric)
                    let pooled = NumericSummary(ages[index])
                    #expect(age.n.value == pooled.n)
                    #expect(abs((age.mean ?? 0) - pooled.mean) < 1e-9)
                    #expect(abs((age.standardDeviation ?? 0) - pooled.standardDeviation) < 1e-9)
                }
                let smd = try #require(table.differences.first { $0.feature == "age" }?.standardizedDifference)
                #expect(abs(smd - FederatedComparison.standardizedDifference(NumericSummary(ages[0]), NumericSummary(ages[1]))) < 1e-12)

                // Incidence: one stratum per sex; persons add up to the subjects followed.
                let strata = try #require(result.analysis("incidence")?.incidence)
                #expect(strata.map(\.stratum) == ["FEMALE", "MALE"])
                #expect(strata.allSatisfy { $0.personYears > 0 && $0.ratePer1000 != nil })

                // Learning: a model card and the registered model, whose risk is the training's prediction.
                let learning = try #require(result.analysis("lasso")?.learning)
                #expect(learning.registeredVersion == 1)
                #expect(learning.model.card.sites.map(\.name) == ["site1", "site2", "site3"])
                #expect(learning.model.card.sites.allSatisfy { $0.trainingRows > 0 && $0.auc != nil })
                #expect((learning.model.card.pooledAUC ?? 0) > 0.5)
                let stored = try #require(try await registry.latest(name: "lung-death-2y"))
                #expect(stored.coefficients == learning.model.coefficients)
                #expect(stored.designNames == ["age", "sex: MALE"])
                let z = (70 - stored.centers[0]) / stored.scales[0], m = (1 - stored.centers[1]) / stored.scales[1]
                let eta = stored.coefficients[0] + stored.coefficients[1] * z + stored.coefficients[2] * m
                #expect(abs(try stored.risk(for: ["age": 70, "sex: MALE": 1]) - 1 / (1 + exp(-eta))) < 1e-15)
            }
        }
    }

    @Test func noiseReportsOfTheNodesAreKept() async throws {
        let study = try TestNetwork.study(analyses: [["id": "counts", "type": "counts", "cohorts": [1]]],
                                          privacy: ["differential_privacy": ["epsilon": 3, "epsilon_per_query": 1]])
        try await TestNetwork.with { network in
            let result = try await StudyRunner(study: study, connections: network.connections(), policy: TestNetwork.policy, stateFile: nil).run()
            let noise = try #require(result.analysis("counts")?.noise)
            #expect(noise.map(\.node) == ["site1", "site2", "site3"])
            #expect(noise.allSatisfy { $0.report.epsilonSpent == 1 && $0.report.epsilonRemaining == 2 })
            #expect(result.markdown().contains("ε spent"))
        }
    }

    @Test func secureAggregationGivesTheSameResultsAndHidesEachSite() async throws {
        let study = try TestNetwork.study(analyses: [
            ["id": "counts", "type": "counts"],
            ["id": "km", "type": "kaplan-meier", "cohort": 2, "maximum_days": 1825],
            ["id": "logistic", "type": "logistic", "cohort": 2, "covariates": ["age", "sex"], "horizon_days": 730],
        ], privacy: ["secure_aggregation": true, "exact_survival_times": true])
        try await TestNetwork.with { network in
            let seen = Mutex<[(String, StepReply)]>([])
            let runner = StudyRunner(study: study, connections: network.connections(), policy: TestNetwork.policy, stateFile: nil,
                                     inspector: { node, reply in seen.withLock { $0.append((node, reply)) } })
            let result = try await runner.run()

            var persons = 0
            for site in network.sites { persons += try await TestNetwork.cohortPersons(site, study: study, cohort: 1) }
            #expect(result.analysis("counts")?.counts?.first { $0.cohort == 1 }?.persons.value == persons)

            // Exact Kaplan–Meier (every day) equals Statistics' KM of the pooled follow-up at each event time.
            var observations: [SurvivalObservation] = []
            for site in network.sites {
                observations += try await TestNetwork.followUp(site, study: study, cohort: 2, endDays: 1825).map {
                    SurvivalObservation(time: Double($0.days), event: $0.event)
                }
            }
            let reference = try KaplanMeier(observations)
            let curve = try #require(result.analysis("km")?.survival)
            for row in reference.rows where row.events > 0 && row.time >= 1 {
                let point = try #require(curve.points.first { $0.day == Int(row.time) })
                #expect(abs(point.survival - row.survival) < 1e-12)
            }

            let analysis = try #require(study.analysis("logistic"))
            let fit = try #require(result.analysis("logistic")?.model?.fit)
            TestNetwork.expectClose(fit.coefficients, try await TestNetwork.pooledFit(network.sites, study: study, analysis: analysis, result: result),
                                    what: "masked logistic")

            // Every numeric reply was masked, and none decodes to that site's own plain aggregates.
            let replies = seen.withLock { $0 }
            #expect(!replies.isEmpty)
            for (node, reply) in replies where reply.step != .levels {
                guard reply.aggregates.count == 1, case .masked(let values, _) = reply.aggregates[0].value else {
                    Issue.record("\(node) \(reply.step.rawValue): a reply was not masked")
                    continue
                }
                guard reply.step == .counts || (reply.step == .modelPieces && reply.round == 0) else { continue }
                let site = network.sites[Int(node.dropFirst(4))! - 1]
                var request = StepRequest(studyHash: study.hash, analysis: reply.analysis, step: reply.step, round: 0)
                if reply.step == .modelPieces {
                    request.coefficients = [Double](repeating: 0, count: fit.coefficients.count)
                    request.levels = result.analysis("logistic")?.model?.levels
                }
                let plain = try await NodeComputation(database: site, study: study, guards: DisclosureGuards()).compute(request)
                let flat = TestNetwork.flatten(plain)
                let decoded = values.map { Double(Int64(bitPattern: $0)) / Double(1 << (reply.step == .modelPieces ? 30 : 24)) }
                #expect(flat.count == decoded.count)
                #expect(!zip(flat, decoded).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($0)) }, "\(node) \(reply.step.rawValue) is readable")
                #expect(zip(flat, decoded).filter { abs($0 - $1) <= 1e-6 }.count <= flat.count / 4)
            }
        }
    }

    @Test func aMaskedNodeDroppingAfterTheRequestLeavesTheSumOfTheRest() async throws {
        let study = try TestNetwork.study(analyses: [["id": "counts", "type": "counts"]],
                                          privacy: ["secure_aggregation": true], nodes: 4, minimumNodes: 3)
        try await TestNetwork.with(nodes: 4) { network in
            var connections: [any NodeConnection] = network.connections()
            // site2 takes the request (the others mask with its key), then never answers.
            connections[1] = FaultyConnection(connections[1], failOn: { $0.step == .counts }, mode: .failAfterSending)
            let result = try await StudyRunner(study: study, connections: connections, policy: TestNetwork.policy, stateFile: nil).run()
            #expect(result.nodes.map(\.state) == [.done, .failed, .done, .done])
            var persons = 0
            for index in [0, 2, 3] { persons += try await TestNetwork.cohortPersons(network.sites[index], study: study, cohort: 1) }
            let counts = try #require(result.analysis("counts"))
            #expect(counts.nodes == ["site1", "site3", "site4"])
            #expect(counts.counts?.first { $0.cohort == 1 }?.persons.value == persons)
        }
    }

    @Test func aMaskedGarbageReplyStartsAFreshMaskingRound() async throws {
        let study = try TestNetwork.study(analyses: [["id": "counts", "type": "counts"]],
                                          privacy: ["secure_aggregation": true], nodes: 4, minimumNodes: 3)
        try await TestNetwork.with(nodes: 4) { network in
            var connections: [any NodeConnection] = network.connections()
            connections[3] = FaultyConnection(connections[3], failOn: { $0.step == .counts }, mode: .garbage)
            let counted = connections.map { FaultyConnection($0, failOn: { _ in false }, mode: .cancel) }
            let result = try await StudyRunner(study: study, connections: counted, policy: TestNetwork.policy, stateFile: nil).run()
            #expect(result.nodes.map(\.state) == [.done, .done, .done, .failed])
            // No survivor was asked to reveal its masks with the node whose reply the coordinator holds.
            #expect(counted.allSatisfy { connection in connection.counter.steps.withLock { !$0.contains { $0.step == .maskCorrection } } })
            #expect(counted[0].counter.steps.withLock { $0.compactMap(\.masking?.id) } == ["counts/counts/0/0", "counts/counts/0/1"])
            var persons = 0
            for index in [0, 1, 2] { persons += try await TestNetwork.cohortPersons(network.sites[index], study: study, cohort: 1) }
            #expect(result.analysis("counts")?.counts?.first { $0.cohort == 1 }?.persons.value == persons)
        }
    }
}

/// A network of in-process nodes on copies of a generated 3-site population (made once per test process), each a
/// NodeService with its own signing key that approves studies itself.
struct TestNetwork {
    /// AJCC/UICC stage 1–4, as the generator writes them.
    static let stage = "stage=concepts:1635838,1635131,1634191,1633987"
    /// Healthy in-process nodes: a generous timeout (announcing generates the cohorts), as these tests check results, not faults.
    static let policy = RetryPolicy(timeout: .seconds(120), retries: 1, backoff: .milliseconds(50))
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let sites: [any Database]
    let services: [NodeService]
    let coordinatorKey: SigningKey

    func connections() -> [any NodeConnection] {
        services.enumerated().map { index, service in
            LocalNodeConnection(service: service, name: "site\(index + 1)", coordinatorKey: coordinatorKey, coordinatorName: "coordinator",
                                nodePublicKey: service.publicKeyBase64)
        }
    }

    /// Breast cancer (1) and lung cancer (2) on nodes site1…siteN.
    static func study(analyses: [[String: Any]], privacy: [String: Any] = [:], nodes: Int = 3, minimumNodes: Int? = nil,
                      name: String = "federated network test") throws -> StudySpecification {
        func definition(_ name: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(contentsOf: repository.appendingPathComponent("examples/cohorts/\(name).json")))
        }
        var document: [String: Any] = [
            "schema": "optima-study/1", "name": name, "nodes": (1...nodes).map { "site\($0)" }, "privacy": privacy,
            "cohorts": [["id": 1, "name": "breast cancer", "definition": try definition("breast-cancer")],
                        ["id": 2, "name": "lung cancer", "definition": try definition("lung-cancer")]],
            "analyses": analyses,
        ]
        if let minimumNodes { document["minimum_nodes"] = minimumNodes }
        return try StudySpecification(document: JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
    }

    /// Nodes site1…siteN (site k on population site ((k−1) mod 3) + 1); site3 on PostgreSQL when asked and configured.
    static func with(nodes: Int = 3, postgresSite: Bool = false, guards: DisclosureGuards = DisclosureGuards(), _ body: (TestNetwork) async throws -> Void) async throws {
        var databases: [any Database] = []
        var schemas: [String] = []
        do {
            for index in 0..<nodes {
                let population = index % 3
                if postgresSite, index == 2, let url = TestDatabases.postgresURL {
                    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
                    let db = try await DatabaseLocation(parsing: url + (url.contains("?") ? "&" : "?") + "schema=\(schema)").open()
                    schemas.append(schema)
                    databases.append(db)
                    let settings = GenerationSettings(persons: 3000, seed: 7, sites: 3)
                    let (site, persons) = settings.siteRanges()[population]
                    _ = try await db.generatePopulation(settings, site: site, persons: persons)
                } else {
                    let path = (try TestDatabases.temporaryDirectory() as NSString).appendingPathComponent("site\(index + 1).sqlite")
                    try FileManager.default.copyItem(atPath: try await SitePopulations.shared.file(population), toPath: path)
                    databases.append(try await DatabaseLocation(parsing: "sqlite:" + path).open())
                }
            }
            if guards.minimumCellCount < 5 { for db in databases { try await db.setSiteMinimumCellCount(guards.minimumCellCount) } }
            let coordinatorKey = SigningKey()
            let services = databases.enumerated().map { index, db in
                NodeService(database: db, configuration: NodeConfiguration(
                    name: "site\(index + 1)", signingKeyFile: "", coordinators: ["coordinator": coordinatorKey.publicKeyBase64],
                    allowedAnalyses: Set(StudyAnalysisType.allCases), autoApprove: true, disclosure: guards), signingKey: SigningKey())
            }
            try await body(TestNetwork(sites: databases, services: services, coordinatorKey: coordinatorKey))
        } catch {
            await close(databases, schemas)
            throw error
        }
        await close(databases, schemas)
    }

    private static func close(_ databases: [any Database], _ schemas: [String]) async {
        for db in databases {
            if case .postgres(let target) = db.location { try? await db.execute("DROP SCHEMA IF EXISTS \"\(target.schema)\" CASCADE") }
            try? await db.close()
        }
    }

    static func localID(_ db: any Database, study: StudySpecification, cohort: Int) async throws -> Int64 {
        let rows = try await db.query("SELECT cohort_definition_id FROM optima_federated_cohort WHERE study_hash = ? AND study_cohort = ?",
                                      [.text(study.hash), .integer(Int64(cohort))])
        return try #require(rows.first?[0].integerValue)
    }

    /// Persons in the node's generated cohort, by direct SQL.
    static func cohortPersons(_ db: any Database, study: StudySpecification, cohort: Int) async throws -> Int {
        let local = try await localID(db, study: study, cohort: cohort)
        return Int(try await db.query("SELECT COUNT(DISTINCT subject_id) FROM cohort WHERE cohort_definition_id = ?", [.integer(local)]).first?[0].integerValue ?? -1)
    }

    static func followUp(_ db: any Database, study: StudySpecification, cohort: Int, endDays: Int?) async throws -> [SubjectFollowUp] {
        try await db.cohortFollowUp(target: try await localID(db, study: study, cohort: cohort), outcome: .death, endDays: endDays).subjects
    }

    /// The model fitted by Statistics on every site's rows in one place (Cox stratified by site), on the levels the
    /// federated run agreed.
    static func pooledFit(_ sites: [any Database], study: StudySpecification, analysis: StudyAnalysis, result: StudyResult) async throws -> [Coefficient] {
        let levels = try #require(result.analysis(analysis.id)?.model?.levels)
        let design = try ModelDesign(covariates: analysis.covariates ?? [], levels: levels)
        var rows: [[Double]] = [], days: [Int] = [], events: [Bool] = [], strata: [Int] = []
        let horizon: Int? = analysis.type == .logistic ? analysis.resolvedHorizonDays : nil
        for (k, db) in sites.enumerated() {
            let local = try await localID(db, study: study, cohort: try #require(analysis.cohort))
            let subjects = try await db.cohortFollowUp(target: local, outcome: .death, endDays: horizon ?? analysis.maximumDays).subjects
            var features: [FeatureValues] = []
            for feature in design.covariates { features.append(try await db.cohortFeatureValues(feature, target: local)) }
            for subject in subjects {
                if let horizon, !subject.event, subject.days < horizon { continue }
                let values = features.map { values -> ModelDesign.Value? in
                    switch values.values[subject.person] {
                    case .number(let x)?: .number(x)
                    case .level(let index)?: .label(values.levels[index])
                    case nil: nil
                    }
                }
                guard let row = design.row(values) else { continue }
                rows.append(row)
                days.append(subject.days)
                events.append(subject.event)
                strata.append(k)
            }
        }
        switch analysis.type {
        case .logistic:
            return try GLMFit(GLMData(outcome: events.map { $0 ? 1 : 0 }, covariates: rows, names: design.names), family: .logistic).coefficients
        case .poisson:
            return try GLMFit(GLMData(outcome: events.map { $0 ? 1 : 0 }, covariates: rows, names: design.names,
                                      offset: days.map { log(Double($0 + 1) / 365.25) }), family: .poisson).coefficients
        default:
            return try CoxRegression(CoxData(times: days.map(Double.init), events: events, covariates: rows, names: design.names, strata: strata),
                                     ties: analysis.resolvedTies).coefficients
        }
    }

    /// Coefficients and standard errors equal to 1e-8 relative (1e-10 absolute near zero).
    static func expectClose(_ federated: [Coefficient], _ pooled: [Coefficient], what: String, relative: Double = 1e-8) {
        #expect(federated.count == pooled.count, "\(what): \(federated.count) coefficients, pooled \(pooled.count)")
        for (a, b) in zip(federated, pooled) {
            #expect(abs(a.coef - b.coef) <= relative * max(abs(b.coef), 0.01), "\(what) \(a.name): \(a.coef) vs pooled \(b.coef)")
            #expect(abs(a.se - b.se) <= relative * max(abs(b.se), 0.01), "\(what) \(a.name) SE: \(a.se) vs pooled \(b.se)")
        }
    }

    /// The numbers of plain aggregates in order, as a node masks them.
    static func flatten(_ aggregates: [NamedAggregate]) -> [Double] {
        aggregates.flatMap { aggregate -> [Double] in
            switch aggregate.value {
            case .count(let n): [Double(n ?? 0)]
            case .counts(let cells): cells.map { Double($0 ?? 0) }
            case .vector(let values), .matrix(_, let values): values
            default: []
            }
        }
    }
}

/// The three sites of one generated population (3,000 persons, seed 7), each in its own SQLite file, made once.
actor SitePopulations {
    static let shared = SitePopulations()
    private var files: [Int: Task<String, any Error>] = [:]

    func file(_ site: Int) async throws -> String {
        if let task = files[site] { return try await task.value }
        let task = Task<String, any Error> {
            let path = (try TestDatabases.temporaryDirectory() as NSString).appendingPathComponent("population-site\(site + 1).sqlite")
            let db = try await DatabaseLocation(parsing: "sqlite:" + path).open()
            let settings = GenerationSettings(persons: 3000, seed: 7, sites: 3)
            let (profile, persons) = settings.siteRanges()[site]
            _ = try await db.generatePopulation(settings, site: profile, persons: persons)
            try await db.close()
            return path
        }
        files[site] = task
        return try await task.value
    }
}

/// A connection that misbehaves on chosen steps: loses the connection after the node received the request, hangs
/// (ignoring cancellation) past any timeout, alters the reply, or is cancelled. Counts every step asked.
struct FaultyConnection: NodeConnection {
    enum Mode: Sendable { case failAfterSending, hang, garbage, cancel }

    final class Counter: Sendable {
        let steps = Mutex<[StepRequest]>([])
        var count: Int { steps.withLock { $0.count } }
    }

    let base: any NodeConnection
    /// Given the request and how many steps this connection was asked before it.
    let failOn: @Sendable (StepRequest, Int) -> Bool
    let mode: Mode
    let counter = Counter()

    init(_ base: any NodeConnection, failOn: @escaping @Sendable (StepRequest, Int) -> Bool, mode: Mode) {
        self.base = base
        self.failOn = failOn
        self.mode = mode
    }

    init(_ base: any NodeConnection, failOn: @escaping @Sendable (StepRequest) -> Bool, mode: Mode) {
        self.init(base, failOn: { request, _ in failOn(request) }, mode: mode)
    }

    var name: String { base.name }
    var traffic: TrafficCounter { base.traffic }

    func announce(_ study: StudySpecification) async throws -> StudyAnnouncement { try await base.announce(study) }

    func step(_ request: StepRequest) async throws -> StepReply {
        let before = counter.steps.withLock { steps in
            defer { steps.append(request) }
            return steps.count
        }
        guard failOn(request, before) else { return try await base.step(request) }
        switch mode {
        case .failAfterSending:
            _ = try await base.step(request)
            throw FederationError("connection-lost", "\(name): the connection was lost")
        case .hang:
            // Deaf to cancellation, and without holding a thread of the cooperative pool.
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().asyncAfter(deadline: .now() + 15) { done.resume() }
            }
            return try await base.step(request)
        case .garbage:
            var reply = try await base.step(request)
            reply.aggregates.removeLast()
            return reply
        case .cancel:
            throw CancellationError()
        }
    }
}
