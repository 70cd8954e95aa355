import CDMStore
import CDMTestSupport
import Federation
import Foundation
import Governance
import Logging
import OptimaServer
import Testing

/// The network as deployed: three node servers on loopback, each over its own database (one on PostgreSQL when
/// configured), HTTPS with pinned self-signed certificates, a node service account's API key, signed messages.
/// The coordinator's results equal the pooled analysis; a node whose server is stopped mid-study is dropped and
/// the rest carry on.
@Suite struct LoopbackNetworkTests {
    struct Node {
        let port: Int
        let certificate: String
        let token: String
        let publicKey: String
        let server: Task<Void, any Error>
    }

    /// Starts a node server per site; `body` gets them, and the servers stop after it.
    static func withServers(_ network: TestNetwork, _ body: ([Node]) async throws -> Void) async throws {
        let folder = try TestDatabases.temporaryDirectory()
        var nodes: [Node] = []
        var logger = Logger(label: "optima.node.test")
        logger.logLevel = .critical
        for (index, db) in network.sites.enumerated() {
            let name = "site\(index + 1)"
            guard let certificate = try NodeHTTPTests.makeCertificate(folder, name) else {
                print("skipped: openssl is not on PATH (the HTTPS nodes need certificates)")
                return
            }
            try await db.createGovernanceSchema()
            try await db.addUser(Principal(name: "coordinator", role: .node, kind: .service))
            let token = try await db.createAPIKey(for: "coordinator")
            let key = SigningKey()
            let service = NodeService(database: db, configuration: NodeConfiguration(
                name: name, listen: .init(host: "127.0.0.1", port: 0), tls: .init(certificate: certificate.certificate, privateKey: certificate.key),
                signingKeyFile: "", coordinators: ["coordinator": network.coordinatorKey.publicKeyBase64],
                allowedAnalyses: Set(StudyAnalysisType.allCases), autoApprove: true), signingKey: key)
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let app = try OptimaServer.makeNodeApplication(
                service: service, authenticator: Authenticator(database: db, keys: try TokenVerificationKeys(secrets: .generate())), logger: logger
            ) { continuation.yield($0) }
            let server = Task { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            nodes.append(Node(port: port, certificate: certificate.certificate, token: token, publicKey: key.publicKeyBase64, server: server))
        }
        defer { for node in nodes { node.server.cancel() } }
        try await body(nodes)
        for node in nodes {
            node.server.cancel()
            _ = await node.server.result
        }
    }

    static func connections(_ nodes: [Node], _ network: TestNetwork) throws -> [any NodeConnection] {
        try nodes.enumerated().map { index, node in
            try HTTPNodeConnection(node: .init(name: "site\(index + 1)", url: URL(string: "https://localhost:\(node.port)")!, token: node.token,
                                               publicKey: node.publicKey, certificate: node.certificate),
                                   coordinatorKey: network.coordinatorKey, coordinatorName: "coordinator", timeout: .seconds(60))
        }
    }

    @Test func overHTTPSTheNetworkEqualsThePooledAnalysis() async throws {
        let study = try TestNetwork.study(analyses: [
            ["id": "counts", "type": "counts"],
            ["id": "logistic", "type": "logistic", "cohort": 2, "covariates": ["age", "sex"], "horizon_days": 730],
            ["id": "cox", "type": "cox", "cohort": 2, "covariates": ["age", "sex"], "ties": "efron"],
        ])
        try await TestNetwork.with(postgresSite: true) { network in
            try await Self.withServers(network) { nodes in
                let connections = try Self.connections(nodes, network)
                let result = try await StudyRunner(study: study, connections: connections, policy: TestNetwork.policy, stateFile: nil).run()
                #expect(result.nodes.allSatisfy { $0.state == .done })
                var persons = 0
                for site in network.sites { persons += try await TestNetwork.cohortPersons(site, study: study, cohort: 1) }
                #expect(result.analysis("counts")?.counts?.first { $0.cohort == 1 }?.persons.value == persons)
                for id in ["logistic", "cox"] {
                    let analysis = try #require(study.analysis(id))
                    let fit = try #require(result.analysis(id)?.model?.fit)
                    let reference = try await TestNetwork.pooledFit(network.sites, study: study, analysis: analysis, result: result)
                    TestNetwork.expectClose(fit.coefficients, reference, what: id)
                    if id == "logistic" { #expect(fit.iterations <= 10) }
                }
                #expect(connections.allSatisfy { $0.traffic.sent > 0 && $0.traffic.received > 0 })
            }
        }
    }

    /// A node whose server stops once the model starts: no answer within the timeout, one retry, dropped; the fit
    /// is the pooled fit of the two that remain.
    @Test(.timeLimit(.minutes(5))) func aNodeStoppedMidStudyIsDroppedAndTheRestCarryOn() async throws {
        let study = try TestNetwork.study(analyses: [
            ["id": "counts", "type": "counts"],
            ["id": "logistic", "type": "logistic", "cohort": 2, "covariates": ["age", "sex"], "horizon_days": 730],
        ], minimumNodes: 2)
        try await TestNetwork.with { network in
            try await Self.withServers(network) { nodes in
                let stopped = nodes[2].server
                let runner = StudyRunner(study: study, connections: try Self.connections(nodes, network),
                                         policy: RetryPolicy(timeout: .seconds(30), retries: 1, backoff: .milliseconds(50)), stateFile: nil,
                                         log: { line in if line.hasPrefix("logistic:") { stopped.cancel() } })
                let result = try await runner.run()
                let status = try #require(result.nodes.first { $0.name == "site3" })
                #expect(status.state == .failed)
                // A server shutting down keeps the coordinator's idle connection without answering on it: the timeout
                // ends each attempt (a killed process would refuse at once, node-unreachable).
                #expect(["timeout", "node-unreachable"].contains { status.reason?.contains($0) == true })
                #expect(result.analysis("counts")?.nodes == ["site1", "site2", "site3"])
                let analysis = try #require(study.analysis("logistic"))
                let fit = try #require(result.analysis("logistic")?.model?.fit)
                #expect(result.analysis("logistic")?.nodes == ["site1", "site2"])
                let reference = try await TestNetwork.pooledFit(Array(network.sites.prefix(2)), study: study, analysis: analysis, result: result)
                TestNetwork.expectClose(fit.coefficients, reference, what: "logistic without site3")
            }
        }
    }
}
