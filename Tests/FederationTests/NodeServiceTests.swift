import CDMStore
import CDMTestSupport
import Federation
import Foundation
import Governance
import Synthetic
import Testing

/// The node service on a real CDM (SQLite, and PostgreSQL when configured): approval by hash, the allow-lists, the
/// privacy budget, secure aggregation wiring, and the audit of every request.
@Suite struct NodeServiceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let coordinatorKey = SigningKey()

    /// A lung-cancer counts study (plus any extra analyses) over `nodes`.
    static func study(name: String = "node service test", nodes: [String] = ["site1"], analyses: [[String: Any]] = [],
                      privacy: [String: Any] = [:], minimumNodes: Int? = nil) throws -> StudySpecification {
        let definition = try JSONSerialization.jsonObject(with: Data(contentsOf: repository.appendingPathComponent("examples/cohorts/lung-cancer.json")))
        var document: [String: Any] = [
            "schema": "optima-study/1", "name": name, "nodes": nodes, "privacy": privacy,
            "cohorts": [["id": 1, "name": "lung cancer", "definition": definition]],
            "analyses": [["id": "counts", "type": "counts"]] + analyses,
        ]
        if let minimumNodes { document["minimum_nodes"] = minimumNodes }
        return try StudySpecification(document: JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
    }

    static func configuration(_ name: String = "site1", allowed: Set<StudyAnalysisType> = [.counts], autoApprove: Bool = false) -> NodeConfiguration {
        NodeConfiguration(name: name, signingKeyFile: "/nonexistent", coordinators: ["coordinator": coordinatorKey.publicKeyBase64],
                          allowedAnalyses: allowed, autoApprove: autoApprove)
    }

    /// A small generated CDM (500 persons, seed 3) on a backend.
    static func withCDM(_ backend: TestDatabases.Backend, _ body: (any Database) async throws -> Void) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let settings = GenerationSettings(persons: 500, seed: 3, sites: 1)
            let (site, persons) = settings.siteRanges()[0]
            _ = try await db.generatePopulation(settings, site: site, persons: persons)
            try await body(db)
        }
    }

    /// One node and the coordinator's in-process line to it.
    struct Node {
        let service: NodeService
        let key: SigningKey
        let connection: LocalNodeConnection

        init(_ db: any Database, _ configuration: NodeConfiguration) {
            key = SigningKey()
            service = NodeService(database: db, configuration: configuration, signingKey: key)
            connection = LocalNodeConnection(service: service, name: configuration.name, coordinatorKey: NodeServiceTests.coordinatorKey,
                                             coordinatorName: "coordinator", nodePublicKey: key.publicKeyBase64)
        }

        /// A step sent by hand, its reply checked for shape and opened.
        func step(_ request: StepRequest) async throws -> StepReply {
            let reply = try await service.step(try NodeServiceTests.coordinatorKey.seal(try JSONEncoder().encode(request), signer: "coordinator"))
            let payload = try await ReplayGuard().open(reply, trusting: [connection.name: key.publicKeyBase64]).payload
            try DisclosureGateTests.checkShape(ofReply: payload)
            return try JSONDecoder().decode(StepReply.self, from: payload)
        }
    }

    static func code(_ body: () async throws -> Any) async -> String? {
        do { _ = try await body(); return nil } catch { return (error as? FederationError)?.code ?? "\(type(of: error))" }
    }

    static func persons(_ db: any Database, study: StudySpecification) async throws -> Int {
        let rows = try await db.query("""
            SELECT COUNT(DISTINCT c.subject_id) AS n FROM cohort c JOIN optima_federated_cohort f ON f.cohort_definition_id = c.cohort_definition_id
            WHERE f.study_hash = ? AND f.study_cohort = 1
            """, [.text(study.hash)])
        return Int(rows.first?["n"].integerValue ?? -1)
    }

    static func audit(_ db: any Database) async throws -> [(action: String, actor: String, resource: String, outcome: String, detail: String)] {
        try await db.query("SELECT action, actor, resource, outcome, detail FROM optima_audit WHERE action LIKE 'federation %' ORDER BY seq").map {
            ($0["action"].textValue ?? "", $0["actor"].textValue ?? "", $0["resource"].textValue ?? "", $0["outcome"].textValue ?? "", $0["detail"].textValue ?? "")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aStudyIsAnsweredOnlyOnceItsExactHashIsApproved(_ backend: TestDatabases.Backend) async throws {
        try await Self.withCDM(backend) { db in
            let node = Node(db, Self.configuration())
            let study = try Self.study()
            let pending = try await node.connection.announce(study)
            #expect(pending.status == .pending)
            #expect(pending.reason?.contains("optima node approve \(study.hash)") == true)
            let counts = StepRequest(studyHash: study.hash, analysis: "counts", step: .counts)
            #expect(await Self.code { try await node.connection.step(counts) } == "study-not-approved")
            #expect(try await db.announcedStudies().map(\.hash) == [study.hash])

            try await db.approveStudy(hash: study.hash, approvedBy: "steward")
            let kept = try #require(try await db.announcedStudies().first)
            #expect(kept.isApproved && kept.approvedBy == "steward" && kept.announcedBy == "coordinator" && kept.document == study.document)
            let approved = try await node.connection.announce(study)
            #expect(approved.status == .approved)
            #expect(approved.maskingKey != nil)
            let reply = try await node.step(counts)
            #expect(reply.node == "site1" && reply.studyHash == study.hash && reply.step == .counts)
            let persons = try await Self.persons(db, study: study)
            #expect(persons > 0)
            #expect(reply["cohort:1:persons"] == .count(persons == 0 || persons >= 5 ? persons : nil))

            // One byte more: another document, another hash, not approved.
            var changed = study.document
            changed.append(contentsOf: Array(" ".utf8))
            let other = try StudySpecification(document: changed)
            #expect(other.hash != study.hash)
            #expect(try await node.connection.announce(other).status == .pending)
            #expect(await Self.code { try await node.connection.step(StepRequest(studyHash: other.hash, analysis: "counts", step: .counts)) } == "study-not-approved")

            // A restarted node answers the approved study from its tables; a revoked approval stops it.
            let restarted = Node(db, Self.configuration())
            let impostor = LocalNodeConnection(service: restarted.service, name: "site1", coordinatorKey: Self.coordinatorKey,
                                               coordinatorName: "coordinator", nodePublicKey: node.key.publicKeyBase64)
            #expect(await Self.code { try await impostor.step(counts) } == "bad-reply", "a reply signed by another key than the node's")
            #expect(try await restarted.step(counts)["cohort:1:persons"] == reply["cohort:1:persons"])
            #expect(try await db.revokeStudyApproval(hash: study.hash))
            #expect(await Self.code { try await restarted.connection.step(counts) } == "study-not-approved")
            #expect(await Self.code { try await db.approveStudy(hash: "abc", approvedBy: "steward") } == "invalid-study-hash")

            let audit = try await Self.audit(db)
            #expect(audit.count == 9, "every announce and step leaves an entry: \(audit.map(\.action))")
            #expect(audit.allSatisfy { $0.actor == "coordinator" && $0.resource.hasPrefix("study ") && $0.resource.count == 18 })
            #expect(audit.filter { $0.outcome == "denied" }.count == 3)
            #expect(audit.filter { $0.detail.contains("refused study-not-approved") }.count == 3)
            #expect(audit.contains { $0.action == "federation step" && $0.outcome == "success" && $0.detail == "analysis counts, step counts, round 0" })
        }
    }

    @Test(arguments: TestDatabases.backends)
    func analysesOutsideTheAllowListAndForeignStudiesAreRefused(_ backend: TestDatabases.Backend) async throws {
        try await Self.withCDM(backend) { db in
            let node = Node(db, Self.configuration(allowed: [.counts], autoApprove: true))
            let study = try Self.study(analyses: [["id": "km", "type": "kaplan-meier", "cohort": 1]])
            let announced = try await node.connection.announce(study)
            #expect(announced.status == .refused)
            #expect(announced.reason?.contains("km (kaplan-meier)") == true)
            try await db.approveStudy(hash: study.hash, approvedBy: "steward")
            #expect(await Self.code { try await node.connection.step(StepRequest(studyHash: study.hash, analysis: "km", step: .survivalHistogram)) } == "analysis-not-allowed")
            #expect(await Self.code { try await node.connection.step(StepRequest(studyHash: study.hash, analysis: "counts", step: .survivalHistogram)) } == "step-not-allowed")

            let foreign = try Self.study(nodes: ["site2"])
            let refused = try await node.connection.announce(foreign)
            #expect(refused.status == .refused)
            try await db.approveStudy(hash: foreign.hash, approvedBy: "steward")
            #expect(await Self.code { try await node.connection.step(StepRequest(studyHash: foreign.hash, analysis: "counts", step: .counts)) } == "node-not-in-study")

            // A coordinator not on the allow-list, and a replayed request.
            let stranger = SigningKey()
            let request = try JSONEncoder().encode(StepRequest(studyHash: study.hash, analysis: "counts", step: .counts))
            #expect(await Self.code { try await node.service.step(try stranger.seal(request, signer: "coordinator")) } == "bad-signature")
            #expect(await Self.code { try await node.service.step(try stranger.seal(request, signer: "stranger")) } == "unknown-signer")
            let sealed = try Self.coordinatorKey.seal(request, signer: "coordinator")
            #expect(await Self.code { try await node.service.step(sealed) } == nil)
            #expect(await Self.code { try await node.service.step(sealed) } == "replayed-message")

            let audit = try await Self.audit(db)
            #expect(audit.count == 9)
            #expect(audit.contains { $0.actor == "unverified:stranger" && $0.detail.contains("refused unknown-signer") })
            #expect(audit.contains { $0.detail.contains("refused replayed-message") })
            #expect(audit.contains { $0.detail.contains("refused analysis-not-allowed") && $0.outcome == "denied" })
        }
    }

    @Test(arguments: TestDatabases.backends)
    func theBudgetRefusesTheQueryThatWouldOverspendIt(_ backend: TestDatabases.Backend) async throws {
        try await Self.withCDM(backend) { db in
            let node = Node(db, Self.configuration(autoApprove: true))
            let study = try Self.study(privacy: ["differential_privacy": ["epsilon": 1.0, "epsilon_per_query": 0.4]])
            #expect(try await node.connection.announce(study).status == .approved)
            let counts = StepRequest(studyHash: study.hash, analysis: "counts", step: .counts)
            let first = try await node.step(counts)
            let second = try await node.step(counts)
            #expect(first.noise?.mechanism == .laplace)
            #expect(abs((first.noise?.epsilonSpent ?? 0) - 0.4) < 1e-9)
            #expect(abs((second.noise?.epsilonRemaining ?? 0) - 0.2) < 1e-9)
            #expect(first.noise?.scale ?? 0 > 0)
            #expect(await Self.code { try await node.connection.step(counts) } == "budget-spent")
            #expect(abs(try await db.privacyBudgetSpent(studyHash: study.hash) - 0.8) < 1e-9)
            let audit = try await Self.audit(db)
            #expect(audit.last?.detail.contains("refused budget-spent") == true)
            #expect(audit.last?.outcome == "denied")
        }
    }

    /// Four nodes on one CDM mask their counts; the coordinator's sum is 4× (or, after a dropout and the
    /// survivors' corrections, 3×) the plain count, and each node answers one correction per round.
    @Test func maskedRepliesSumToThePlainCountsAndCorrectADropout() async throws {
        try await Self.withCDM(.sqlite) { db in
            try await db.setSiteMinimumCellCount(1)
            let names = ["site1", "site2", "site3", "site4"]
            let nodes = names.map { Node(db, Self.configuration($0, autoApprove: true)) }
            let study = try Self.study(nodes: names, privacy: ["secure_aggregation": true, "minimum_cell_count": 1], minimumNodes: 3)
            var keys: [String: String] = [:]
            for node in nodes { keys[node.connection.name] = try #require(try await node.connection.announce(study).maskingKey) }
            let persons = try await Self.persons(db, study: study)

            var request = StepRequest(studyHash: study.hash, analysis: "counts", step: .counts, masking: MaskingRound(id: "counts/0/0", participants: keys))
            var wrong = keys
            wrong["site1"] = keys["site2"]
            #expect(await Self.code { try await nodes[0].step(StepRequest(studyHash: study.hash, analysis: "counts", step: .counts, masking: MaskingRound(id: "x", participants: wrong))) } == "masking-key-mismatch")
            #expect(await Self.code { try await nodes[0].step(StepRequest(studyHash: study.hash, analysis: "counts", step: .counts)) } == "masking-key-mismatch")

            var masked: [[UInt64]] = []
            var layout: [MaskedLayout] = []
            for node in nodes {
                let reply = try await node.step(request)
                guard case .masked(let values, let parts)? = reply["masked"] else { Issue.record("not masked"); return }
                masked.append(values)
                layout = parts
            }
            let sum = try SecureAggregation.unmask(masked: masked, corrections: [], layout: layout, fractionalBits: 24)
            #expect(sum.first { $0.name == "cohort:1:persons" }?.value == .count(4 * persons))

            // Site 4 drops after the round was sent: the three survivors correct for it.
            request.masking = MaskingRound(id: "counts/0/1", participants: keys)
            var survivors: [[UInt64]] = []
            for node in nodes.prefix(3) {
                guard case .masked(let values, _)? = try await node.step(request)["masked"] else { return }
                survivors.append(values)
            }
            var correction = request
            correction.step = .maskCorrection
            correction.dropped = ["site4"]
            var corrections: [[UInt64]] = []
            for node in nodes.prefix(3) {
                guard case .masked(let values, _)? = try await node.step(correction)["correction"] else { Issue.record("no correction"); return }
                corrections.append(values)
            }
            let partial = try SecureAggregation.unmask(masked: survivors, corrections: corrections, layout: layout, fractionalBits: 24)
            #expect(partial.first { $0.name == "cohort:1:persons" }?.value == .count(3 * persons))
            // The same correction again is fine (a retry); for other nodes it is refused.
            _ = try await nodes[0].step(correction)
            correction.dropped = ["site3", "site4"]
            #expect(await Self.code { try await nodes[0].step(correction) } == "correction-refused")
        }
    }
}
