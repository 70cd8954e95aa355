import CDMStore
import Federation
import Foundation
import Governance
import Logging
import OptimaServer
import Statistics

/// `optima bench federation`: K node servers on loopback (HTTPS with pinned self-signed certificates when openssl is
/// present), one per site database of `optima generate --sites K`, and a coordinator running a Kaplan–Meier, a logistic
/// and a site-stratified Cox analysis of one cohort over them (the Cox model in a study of its own, so it reads the
/// cohort afresh as the pooled fit does); against the pooled fits of the same subjects in the
/// same run (read from every site database in turn, then fitted once by Statistics).
struct FederationBenchmark {
    let base: DatabaseLocation
    let sites: Int
    let cohortDefinition: URL
    let covariates: [String]
    let secureAggregation: Bool

    struct Analysis {
        let id: String
        let type: String
        var seconds = 0.0
        var rounds = 0
        var bytes = 0
        var pooledSeconds: Double?
        var pooledIterations: Int?
        var maximumRelativeDifference: Double?
    }

    func run(progress: @escaping @Sendable (String) -> Void) async throws -> (announceSeconds: Double, analyses: [Analysis], subjects: Int) {
        let folder = NSTemporaryDirectory() + "optima-bench-federation-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let coordinatorKey = SigningKey()
        var databases: [any Database] = []
        defer { for db in databases { Task { try? await db.close() } } }
        var nodes: [(name: String, service: NodeService, token: String, certificate: String?, authenticator: Authenticator)] = []
        for number in 1...sites {
            let db = try await base.site(number).open()
            databases.append(db)
            let name = "site\(number)"
            guard try await db.query("SELECT COUNT(*) AS n FROM person").first?["n"].integerValue ?? 0 > 0 else {
                throw FederationError("bench", "\(base.site(number)) holds no persons: run optima generate --persons N --sites \(sites) --db \(base) first")
            }
            let account = "bench-coordinator-\(UUID().uuidString.prefix(8))"
            try await db.addUser(Principal(name: account, role: .node, kind: .service))
            let token = try await db.createAPIKey(for: account)
            let certificate = try Self.makeCertificate(folder: folder, name: name)
            let configuration = NodeConfiguration(
                name: name, listen: .init(host: "127.0.0.1", port: 0),
                tls: certificate.map { .init(certificate: $0.certificate, privateKey: $0.key) }, signingKeyFile: "",
                coordinators: ["bench": coordinatorKey.publicKeyBase64], allowedAnalyses: Set(StudyAnalysisType.allCases),
                autoApprove: true, maxRequestBytes: 16 << 20)
            let service = NodeService(database: db, configuration: configuration, signingKey: SigningKey())
            let authenticator = Authenticator(database: db, keys: try TokenVerificationKeys(secrets: .generate()))
            nodes.append((name, service, token, certificate?.certificate, authenticator))
        }
        var logger = Logger(label: "optima.bench.node")
        logger.logLevel = .critical
        return try await withThrowingTaskGroup(of: Void.self) { group in
            let (ports, continuation) = AsyncStream.makeStream(of: (String, Int).self)
            for node in nodes {
                let app = try OptimaServer.makeNodeApplication(service: node.service, authenticator: node.authenticator, logger: logger) {
                    continuation.yield((node.name, $0))
                }
                group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            }
            var bound: [String: Int] = [:]
            for await (name, port) in ports {
                bound[name] = port
                if bound.count == nodes.count { break }
            }
            let connections = try nodes.map { node in
                try HTTPNodeConnection(
                    node: .init(name: node.name, url: URL(string: "\(node.certificate == nil ? "http" : "https")://localhost:\(bound[node.name]!)")!,
                                token: node.token, publicKey: node.service.publicKeyBase64, certificate: node.certificate),
                    coordinatorKey: coordinatorKey, coordinatorName: "bench", timeout: .seconds(1800))
            }
            // Each model in a study of its own, so no analysis finds the cohort already read by the one before.
            var announce = 0.0, analyses: [Analysis] = [], subjects = 0
            for (name, kinds) in [("survival and logistic", ["km", "logistic"]), ("cox", ["cox"])] {
                let study = try makeStudy(name: name, analyses: kinds)
                let result = try await measure(study: study, connections: connections, nodes: nodes.map(\.service), progress: progress)
                announce = max(announce, result.announceSeconds)
                analyses += result.analyses
                subjects = max(subjects, result.subjects)
            }
            group.cancelAll()
            return (announce, analyses, subjects)
        }
    }

    /// The federated run, timed per analysis from the coordinator's progress lines, then the pooled fits.
    private func measure(study: StudySpecification, connections: [HTTPNodeConnection], nodes: [NodeService],
                         progress: @escaping @Sendable (String) -> Void) async throws -> (announceSeconds: Double, analyses: [Analysis], subjects: Int) {
        let marks = Marks()
        let traffic: @Sendable () -> Int = { connections.reduce(0) { $0 + $1.traffic.sent + $1.traffic.received } }
        let started = ContinuousClock.now
        let runner = StudyRunner(study: study, connections: connections, policy: RetryPolicy(timeout: .seconds(1800), retries: 0, backoff: .seconds(1)),
                                 stateFile: nil, log: { line in
            marks.add(line, traffic: traffic())
            progress(line)
        })
        let result = try await runner.run()
        marks.add("end", traffic: traffic())
        let lines = marks.all
        func mark(_ id: String) -> Int? { lines.firstIndex { $0.line.hasPrefix("\(id): ") } }
        let first = study.analyses.first.map(\.id) ?? ""
        let announceSeconds = (lines.first { $0.line.hasPrefix("\(first):") }.map { $0.at - started })?.seconds ?? 0
        var analyses: [Analysis] = []
        for (index, analysis) in study.analyses.enumerated() {
            guard let from = mark(analysis.id) else { continue }
            let next = index + 1 < study.analyses.count ? mark(study.analyses[index + 1].id) ?? lines.count - 1 : lines.count - 1
            var entry = Analysis(id: analysis.id, type: analysis.type.rawValue)
            entry.seconds = (lines[next].at - lines[from].at).seconds
            entry.bytes = lines[next].traffic - lines[from].traffic
            entry.rounds = result.analysis(analysis.id)?.model?.fit.iterations ?? 1
            analyses.append(entry)
        }
        // The pooled fits of the same subjects: read every site in turn, fit once.
        var subjects = 0
        for index in analyses.indices where ["logistic", "cox"].contains(analyses[index].type) {
            guard let model = result.analysis(analyses[index].id)?.model else { continue }
            let clock = ContinuousClock.now
            var parts: [NodeComputation.ReferenceData] = []
            for node in nodes {
                parts.append(try await NodeComputation(database: node.database, study: study, guards: node.configuration.disclosure)
                    .referenceData(analysis: analyses[index].id, levels: model.levels))
            }
            let pooled = try Self.pooledFit(type: analyses[index].type, parts: parts)
            analyses[index].pooledSeconds = (ContinuousClock.now - clock).seconds
            analyses[index].pooledIterations = pooled.iterations
            analyses[index].maximumRelativeDifference = zip(pooled.coefficients, model.fit.coefficients.map { $0.coef }).map { abs($0 - $1) / max(abs($0), 1e-12) }.max()
            subjects = max(subjects, parts.reduce(0) { $0 + $1.rows.count })
        }
        return (announceSeconds, analyses, subjects)
    }

    private static func pooledFit(type: String, parts: [NodeComputation.ReferenceData]) throws -> (coefficients: [Double], iterations: Int) {
        let names = parts[0].names
        let rows = parts.flatMap(\.rows), events = parts.flatMap(\.events), days = parts.flatMap(\.days)
        if type == "cox" {
            let strata = parts.enumerated().flatMap { site, part in Array(repeating: site, count: part.rows.count) }
            let fit = try CoxRegression(try CoxData(times: days.map(Double.init), events: events, covariates: rows, names: names, strata: strata), ties: .efron)
            return (fit.coefficients.map(\.coef), fit.iterations)
        }
        let fit = try GLMFit(try GLMData(outcome: events.map { $0 ? 1 : 0 }, covariates: rows, names: names), family: .logistic)
        return (fit.coefficients.map(\.coef), fit.iterations)
    }

    private func makeStudy(name: String, analyses ids: [String]) throws -> StudySpecification {
        let definition = try JSONSerialization.jsonObject(with: Data(contentsOf: cohortDefinition))
        let document: [String: Any] = [
            "schema": StudySpecification.schema, "name": "optima bench federation: \(name)",
            "cohorts": [["id": 1, "name": cohortDefinition.deletingPathExtension().lastPathComponent, "definition": definition]],
            "analyses": [
                ["id": "km", "type": "kaplan-meier", "cohort": 1, "grid_days": 30, "maximum_days": 3650],
                ["id": "logistic", "type": "logistic", "cohort": 1, "covariates": covariates, "horizon_days": 365],
                ["id": "cox", "type": "cox", "cohort": 1, "covariates": covariates, "ties": "efron"],
            ].filter { ids.contains($0["id"] as! String) },
            "privacy": ["minimum_cell_count": 5, "secure_aggregation": secureAggregation],
            "nodes": (1...sites).map { "site\($0)" },
        ]
        return try StudySpecification(document: JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
    }

    private static func makeCertificate(folder: String, name: String) throws -> (certificate: String, key: String)? {
        guard let openssl = LoadBenchmark.which("openssl") else { return nil }
        let certificate = "\(folder)/\(name).crt", key = "\(folder)/\(name).key"
        _ = try LoadBenchmark.capture(openssl, [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", certificate,
        ])
        return (certificate, key)
    }

    /// Progress lines with when they came and the bytes on the wire by then.
    final class Marks: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [(line: String, at: ContinuousClock.Instant, traffic: Int)] = []

        func add(_ line: String, traffic: Int) {
            lock.withLock { lines.append((line, ContinuousClock.now, traffic)) }
        }

        var all: [(line: String, at: ContinuousClock.Instant, traffic: Int)] { lock.withLock { lines } }
    }
}
