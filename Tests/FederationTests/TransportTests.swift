import CDMTestSupport
import CDMStore
import Crypto
import Federation
import Foundation
import Governance
import Logging
import OptimaServer
import Synthetic
import Synchronization
import Testing

/// Signed envelopes, the replay guard, and the node's and coordinator's configuration files.
@Suite struct TransportTests {
    static let coordinator = SigningKey()
    static var trusted: [String: String] { ["coordinator": coordinator.publicKeyBase64] }

    static func envelope(_ data: Data) throws -> [String: String] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
    }

    static func reseal(_ fields: [String: String]) throws -> Data {
        try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    }

    @Test func anEnvelopeOpensOnceWithItsPayload() async throws {
        let payload = Data(#"{"step":"counts"}"#.utf8)
        let sealed = try Self.coordinator.seal(payload, signer: "coordinator")
        let guardian = ReplayGuard()
        let opened = try await guardian.open(sealed, trusting: Self.trusted)
        #expect(opened.signer == "coordinator")
        #expect(opened.payload == payload)
        await #expect(throws: FederationError.self) { try await guardian.open(sealed, trusting: Self.trusted) }
        do { _ = try await guardian.open(sealed, trusting: Self.trusted) } catch {
            #expect((error as? FederationError)?.code == "replayed-message")
        }
        // The same payload sealed again has a new nonce: not a replay.
        _ = try await guardian.open(try Self.coordinator.seal(payload, signer: "coordinator"), trusting: Self.trusted)
    }

    static func code(_ guardian: ReplayGuard, _ data: Data, trusting keys: [String: String] = trusted) async -> String? {
        do { _ = try await guardian.open(data, trusting: keys); return nil } catch { return (error as? FederationError)?.code ?? "\(error)" }
    }

    @Test func tamperedUnknownStaleAndMalformedMessagesAreRefused() async throws {
        let guardian = ReplayGuard(window: .seconds(300))
        let sealed = try Self.coordinator.seal(Data("payload".utf8), signer: "coordinator")
        var fields = try Self.envelope(sealed)

        var tampered = fields
        tampered["payload"] = Data("pAyload".utf8).base64EncodedString()
        #expect(await Self.code(guardian, try Self.reseal(tampered)) == "bad-signature")
        tampered = fields
        tampered["timestamp"] = SignedEnvelopeClock.text(Date().addingTimeInterval(1))
        #expect(await Self.code(guardian, try Self.reseal(tampered)) == "bad-signature")
        tampered = fields
        tampered["nonce"] = Data(repeating: 7, count: 16).base64EncodedString()
        #expect(await Self.code(guardian, try Self.reseal(tampered)) == "bad-signature")
        tampered = fields
        tampered["signer"] = "intruder"
        #expect(await Self.code(guardian, try Self.reseal(tampered)) == "unknown-signer")

        // A key not on the allow-list, even under a trusted name.
        let intruder = SigningKey()
        #expect(await Self.code(guardian, try intruder.seal(Data("payload".utf8), signer: "coordinator")) == "bad-signature")
        #expect(await Self.code(guardian, try intruder.seal(Data("payload".utf8), signer: "intruder")) == "unknown-signer")

        let old = try Self.coordinator.seal(Data("payload".utf8), signer: "coordinator", at: Date().addingTimeInterval(-301))
        #expect(await Self.code(guardian, old) == "stale-message")
        let future = try Self.coordinator.seal(Data("payload".utf8), signer: "coordinator", at: Date().addingTimeInterval(301))
        #expect(await Self.code(guardian, future) == "stale-message")
        let recent = try Self.coordinator.seal(Data("payload".utf8), signer: "coordinator", at: Date().addingTimeInterval(-290))
        #expect(await Self.code(guardian, recent) == nil)

        #expect(await Self.code(guardian, Data("not json".utf8)) == "bad-envelope")
        fields["signature"] = "%%%"
        #expect(await Self.code(guardian, try Self.reseal(fields)) == "bad-signature")
        // The untouched original still opens (nothing above consumed its nonce).
        #expect(await Self.code(guardian, sealed) == nil)
    }

    @Test func aReplayAfterTheWindowIsStaleNotAccepted() async throws {
        let clock = TestClock()
        let guardian = ReplayGuard(window: .seconds(300), now: { clock.now })
        let sealed = try Self.coordinator.seal(Data("x".utf8), signer: "coordinator")
        #expect(await Self.code(guardian, sealed) == nil)
        clock.advance(200)
        #expect(await Self.code(guardian, sealed) == "replayed-message")
        clock.advance(200)
        #expect(await Self.code(guardian, sealed) == "stale-message")
    }

    /// The signature covers exactly the documented message: checked by building it independently here, and with
    /// Python's `cryptography` when installed.
    @Test func theSignatureCoversTheDocumentedMessage() throws {
        let payload = Data(#"{"a":1}"#.utf8)
        let fields = try Self.envelope(try Self.coordinator.seal(payload, signer: "coordinator"))
        let digest = SHA256.hash(data: payload).map { String(format: "%02x", $0) }.joined()
        let message = "optima-federation/1\ncoordinator\n\(fields["timestamp"]!)\n\(fields["nonce"]!)\n\(digest)"
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: try #require(Data(base64Encoded: Self.coordinator.publicKeyBase64)))
        let signature = try #require(Data(base64Encoded: fields["signature"]!))
        #expect(key.isValidSignature(signature, for: Data(message.utf8)))
        #expect(try #require(Data(base64Encoded: fields["nonce"]!)).count == 16)
        #expect(fields["timestamp"]!.hasSuffix("Z"))
        guard ExternalProgram.hasPythonModule("cryptography") else {
            print("skipped: Python's cryptography module is absent (pip install cryptography)")
            return
        }
        let script = """
            import base64, hashlib, sys
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
            key, signer, ts, nonce, payload, sig = sys.stdin.read().split()
            msg = "optima-federation/1\\n" + signer + "\\n" + ts + "\\n" + nonce + "\\n" + hashlib.sha256(base64.b64decode(payload)).hexdigest()
            Ed25519PublicKey.from_public_bytes(base64.b64decode(key)).verify(base64.b64decode(sig), msg.encode())
            print("ok")
            """
        let input = [Self.coordinator.publicKeyBase64, "coordinator", fields["timestamp"]!, fields["nonce"]!, fields["payload"]!, fields["signature"]!]
        let result = try ExternalProgram.run(["python3", "-c", script], input: input.joined(separator: "\n"))
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "python: \(result.errors)")
    }

    @Test func aSigningKeyFileRoundTripsAndBadFilesNameThemselves() throws {
        let folder = URL(fileURLWithPath: try TestDatabases.temporaryDirectory())
        let key = SigningKey()
        let file = folder.appendingPathComponent("node.key")
        try key.write(to: file)
        #expect(try SigningKey(file: file).publicKeyBase64 == key.publicKeyBase64)
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let bad = folder.appendingPathComponent("bad.key")
        try Data("not a key".utf8).write(to: bad)
        #expect { try SigningKey(file: bad) } throws: { ($0 as? FederationError)?.message.contains("bad.key") == true }
        #expect { try SigningKey(file: folder.appendingPathComponent("absent.key")) } throws: {
            ($0 as? FederationError)?.message.contains("absent.key") == true
        }
        #expect(throws: FederationError.self) { try key.seal(Data(), signer: "two\nlines") }
    }

    @Test func aNodeConfigurationReadsAndResolvesItsFiles() throws {
        let folder = URL(fileURLWithPath: try TestDatabases.temporaryDirectory())
        let file = folder.appendingPathComponent("node.yaml")
        try """
            name: site1
            listen: { host: 0.0.0.0, port: 9441 }
            tls: { certificate: site1.crt, private_key: site1.key, client_ca: /etc/ca.crt }
            signing_key: keys/site1.signing.key
            coordinators: { coordinator: "\(Self.coordinator.publicKeyBase64)" }
            allowed_analyses: [counts, kaplan-meier, cox]
            disclosure: { minimum_cell_count: 10, minimum_rows: 20 }
            max_request_bytes: 65536
            """.write(to: file, atomically: true, encoding: .utf8)
        let configuration = try NodeConfiguration(contentsOf: file)
        #expect(configuration.name == "site1")
        #expect(configuration.listen == .init(host: "0.0.0.0", port: 9441))
        #expect(configuration.tls == .init(certificate: folder.path + "/site1.crt", privateKey: folder.path + "/site1.key", clientCA: "/etc/ca.crt"))
        #expect(configuration.signingKeyFile == folder.path + "/keys/site1.signing.key")
        #expect(configuration.allowedAnalyses == [.counts, .kaplanMeier, .cox])
        #expect(configuration.autoApprove == false)
        #expect(configuration.disclosure.minimumCellCount == 10)
        #expect(configuration.disclosure.minimumRows == 20)
        #expect(configuration.disclosure.maximumLevels == DisclosureGuards().maximumLevels)
        #expect(configuration.maxRequestBytes == 65536)
        #expect(configuration.coordinators == Self.trusted)
    }

    @Test(arguments: [
        ("listen: { port: 9441 }\nallowed_analyses: [counts]\ncoordinators: { c: \"AAAA\" }\nsigning_key: k\n", "name"),
        ("name: s\nsigning_key: k\ncoordinators: { c: \"AAAA\" }\nallowed_analyses: [counts]\n", "coordinators.c"),
        ("name: s\nsigning_key: k\ncoordinators: { c: \"KEY\" }\nallowed_analyses: [counts, mystery]\n", "allowed_analyses[1]"),
        ("name: s\nsigning_key: k\ncoordinators: { c: \"KEY\" }\nallowed_analyses: [counts]\nauto_aprove: true\n", "auto_aprove"),
        ("name: s\nsigning_key: k\ncoordinators: { c: \"KEY\" }\nallowed_analyses: [counts]\nlisten: { port: many }\n", "listen.port"),
        ("name: s\nsigning_key: k\ncoordinators: { c: \"KEY\" }\nallowed_analyses: [counts]\ndisclosure: { minimum_cell_count: 1 }\n", "disclosure.minimum_cell_count"),
    ])
    func aBadNodeConfigurationNamesTheFileAndField(yaml: String, field: String) throws {
        let folder = URL(fileURLWithPath: try TestDatabases.temporaryDirectory())
        let file = folder.appendingPathComponent("node.yaml")
        try yaml.replacingOccurrences(of: "KEY", with: Self.coordinator.publicKeyBase64).write(to: file, atomically: true, encoding: .utf8)
        #expect { try NodeConfiguration(contentsOf: file) } throws: { error in
            guard let error = error as? FederationError else { return false }
            return error.code == "invalid-configuration" && error.message.contains(file.path) && error.message.contains(field)
        }
    }

    @Test func aNetworkConfigurationReadsNodesTokensAndPins() throws {
        let folder = URL(fileURLWithPath: try TestDatabases.temporaryDirectory())
        try "opk_secret\n".write(to: folder.appendingPathComponent("site2.token"), atomically: true, encoding: .utf8)
        let node = SigningKey().publicKeyBase64
        let file = folder.appendingPathComponent("network.yaml")
        try """
            coordinator: { name: coordinator, signing_key: coordinator.key }
            timeout_seconds: 5
            nodes:
              - { name: site1, url: "https://site1.example:9441", token: opk_one, public_key: "\(node)", certificate: site1.crt }
              - { name: site2, url: "http://127.0.0.1:9442", token_file: site2.token, public_key: "\(node)" }
            """.write(to: file, atomically: true, encoding: .utf8)
        let network = try NetworkConfiguration(contentsOf: file)
        #expect(network.coordinatorName == "coordinator")
        #expect(network.signingKeyFile == folder.path + "/coordinator.key")
        #expect(network.timeout == .seconds(5))
        #expect(network.retries == 3)
        #expect(network.backoff == .milliseconds(500))
        #expect(network.nodes.map(\.name) == ["site1", "site2"])
        #expect(network.nodes[0].certificate == folder.path + "/site1.crt")
        #expect(network.nodes[1].token == "opk_secret")

        try """
            coordinator: { name: coordinator, signing_key: coordinator.key }
            nodes:
              - { name: site1, url: "https://site1.example:9441", token: opk_one, public_key: "\(node)" }
              - { name: site2, url: "http://site2.example:9442", public_key: "nope" }
            """.write(to: file, atomically: true, encoding: .utf8)
        #expect { try NetworkConfiguration(contentsOf: file) } throws: { error in
            let message = (error as? FederationError)?.message ?? ""
            return message.contains(file.path) && message.contains("nodes[0].certificate") && message.contains("nodes[1].url")
                && message.contains("nodes[1].public_key") && message.contains("nodes[1].token")
        }

        // A misspelt field is refused, not ignored with its default taken.
        try "coordinator: { name: c, signing_key: k }\ntimeout_secs: 5\nnodes: []\n".write(to: file, atomically: true, encoding: .utf8)
        #expect { try NetworkConfiguration(contentsOf: file) } throws: { error in
            (error as? FederationError)?.message.contains("timeout_secs: not a field of a network file") == true
        }
    }
}

/// The envelope's timestamp form, for tampering tests.
enum SignedEnvelopeClock {
    static func text(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon)) + "Z"
    }
}

/// A clock a test moves by hand.
final class TestClock: Sendable {
    private let time = Mutex(Date())
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The node over real HTTPS on loopback: a self-signed certificate made by openssl, pinned by the coordinator.
@Suite struct NodeHTTPTests {
    struct Certificate {
        let certificate: String
        let key: String
    }

    static func makeCertificate(_ folder: String, _ name: String) throws -> Certificate? {
        guard (try? ExternalProgram.run(["openssl", "version"]).status) == 0 else { return nil }
        let certificate = "\(folder)/\(name).crt", key = "\(folder)/\(name).key"
        let made = try ExternalProgram.run([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", certificate,
        ])
        try #require(made.status == 0, "openssl: \(made.errors)")
        return Certificate(certificate: certificate, key: key)
    }

    /// Runs a node server over `db` until `body` returns; `body` gets the bound port.
    static func withServer(_ db: any Database, _ configuration: NodeConfiguration, nodeKey: SigningKey, secrets: SiteSecrets,
                           _ body: (Int, NodeService) async throws -> Void) async throws {
        let service = NodeService(database: db, configuration: configuration, signingKey: nodeKey)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "optima.node.test")
        logger.logLevel = .critical
        let app = try OptimaServer.makeNodeApplication(
            service: service, authenticator: Authenticator(database: db, keys: try TokenVerificationKeys(secrets: secrets)), logger: logger
        ) { continuation.yield($0) }
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        do {
            try await body(port, service)
        } catch {
            server.cancel()
            _ = await server.result
            throw error
        }
        server.cancel()
        _ = await server.result
    }

    static func code(_ body: () async throws -> Any) async -> String? {
        do { _ = try await body(); return nil } catch { return (error as? FederationError)?.code ?? "\(type(of: error))" }
    }

    @Test func aStudyRoundTripsOverPinnedHTTPS() async throws {
        let folder = try TestDatabases.temporaryDirectory()
        guard let node = try Self.makeCertificate(folder, "node"), let other = try Self.makeCertificate(folder, "other") else {
            print("skipped: openssl is not on PATH (the HTTPS test makes its certificates with it)")
            return
        }
        try await TestDatabases.with(.sqlite) { db, _ in
            let settings = GenerationSettings(persons: 500, seed: 3, sites: 1)
            _ = try await db.generatePopulation(settings, site: settings.siteRanges()[0].site, persons: settings.siteRanges()[0].persons)
            try await db.createGovernanceSchema()
            try await db.addUser(Principal(name: "coordinator", role: .node, kind: .service))
            try await db.addUser(Principal(name: "analyst", role: .researcher))
            let token = try await db.createAPIKey(for: "coordinator"), analystToken = try await db.createAPIKey(for: "analyst")
            let secrets = try SiteSecrets.loadOrCreate(at: folder + "/secrets.json").secrets
            let nodeKey = SigningKey()
            let configuration = NodeConfiguration(
                name: "site1", listen: .init(host: "127.0.0.1", port: 0), tls: .init(certificate: node.certificate, privateKey: node.key),
                signingKeyFile: "", coordinators: ["coordinator": TransportTests.coordinator.publicKeyBase64], allowedAnalyses: [.counts],
                autoApprove: true, maxRequestBytes: 64 * 1024)
            try await Self.withServer(db, configuration, nodeKey: nodeKey, secrets: secrets) { port, _ in
                func connection(token: String = token, pin: String = node.certificate, nodePublicKey: String? = nil) throws -> HTTPNodeConnection {
                    try HTTPNodeConnection(node: .init(name: "site1", url: URL(string: "https://localhost:\(port)")!, token: token,
                                                       publicKey: nodePublicKey ?? nodeKey.publicKeyBase64, certificate: pin),
                                           coordinatorKey: TransportTests.coordinator, coordinatorName: "coordinator", timeout: .seconds(60))
                }
                let study = try NodeServiceTests.study()
                let site = try connection()
                #expect(try await site.announce(study).status == .approved)
                let reply = try await site.step(StepRequest(studyHash: study.hash, analysis: "counts", step: .counts))
                let persons = try await NodeServiceTests.persons(db, study: study)
                #expect(reply["cohort:1:persons"] == .count(persons >= 5 || persons == 0 ? persons : nil))
                #expect(site.traffic.sent > study.document.count && site.traffic.received > 100)

                // The node's refusals arrive as their codes.
                #expect(await Self.code { try await site.step(StepRequest(studyHash: String(repeating: "0", count: 64), analysis: "counts", step: .counts)) } == "study-not-approved")
                // A client pinning another certificate does not talk to this node.
                #expect(await Self.code { try await connection(pin: other.certificate).announce(study) } == "node-unreachable")
                #expect(await Self.code { try await connection(token: "opk_wrong_token").announce(study) } == "unauthorized")
                // A reply not signed by the node's pinned signing key is refused.
                #expect(await Self.code { try await connection(nodePublicKey: SigningKey().publicKeyBase64).announce(study) } == "bad-reply")
                #expect(await Self.code { try await connection(token: analystToken).announce(study) } == "forbidden")
                let large = try NodeServiceTests.study(name: String(repeating: "x", count: 70_000))
                #expect(await Self.code { try await site.announce(large) } == "too-large")

                // The statuses themselves, and the public health route.
                func curl(_ arguments: [String]) async throws -> String {
                    try await ExternalProgram.runDetached(["curl", "-s", "--max-time", "30", "--cacert", node.certificate, "--resolve", "localhost:\(port):127.0.0.1"] + arguments).output
                }
                let big = folder + "/big.json"
                try Data(repeating: UInt8(ascii: "a"), count: 100_000).write(to: URL(fileURLWithPath: big))
                #expect(try await curl(["-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer \(token)", "--data-binary", "@" + big,
                                  "https://localhost:\(port)/federation/v1/steps"]) == "413")
                #expect(try await curl(["-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer opk_wrong", "--data-binary", "{}",
                                  "https://localhost:\(port)/federation/v1/steps"]) == "401")
                #expect(try await curl(["-w", " %{http_code}", "-H", "Authorization: Bearer \(token)", "--data-binary", "{}",
                                  "https://localhost:\(port)/federation/v1/steps"]).hasSuffix(" 400"))
                #expect(try await curl(["https://localhost:\(port)/federation/v1/health"]) == #"{"node":"site1","status":"ok"}"#)
            }
            let denied = try await db.query("SELECT COUNT(*) AS n FROM optima_audit WHERE action LIKE 'POST /federation/v1/%' AND outcome = 'denied'")
            #expect(denied.first?["n"].integerValue == 5, "refused credentials and bodies are audited")
        }
    }

    /// With a client CA the node requires mutual TLS: the coordinator's certificate opens it, no certificate does not.
    @Test func aClientCARequiresTheCoordinatorsCertificate() async throws {
        let folder = try TestDatabases.temporaryDirectory()
        guard let node = try Self.makeCertificate(folder, "node"), let client = try Self.makeCertificate(folder, "coordinator") else {
            print("skipped: openssl is not on PATH (the HTTPS test makes its certificates with it)")
            return
        }
        try await TestDatabases.with(.sqlite) { db, _ in
            try await db.createGovernanceSchema()
            try await db.addUser(Principal(name: "coordinator", role: .node, kind: .service))
            let token = try await db.createAPIKey(for: "coordinator")
            let secrets = try SiteSecrets.loadOrCreate(at: folder + "/secrets.json").secrets
            let nodeKey = SigningKey()
            let configuration = NodeConfiguration(
                name: "site1", listen: .init(host: "127.0.0.1", port: 0),
                tls: .init(certificate: node.certificate, privateKey: node.key, clientCA: client.certificate),
                signingKeyFile: "", coordinators: ["coordinator": TransportTests.coordinator.publicKeyBase64], allowedAnalyses: [.counts])
            try await Self.withServer(db, configuration, nodeKey: nodeKey, secrets: secrets) { port, _ in
                let entry = NetworkConfiguration.Node(name: "site1", url: URL(string: "https://localhost:\(port)")!, token: token,
                                                      publicKey: nodeKey.publicKeyBase64, certificate: node.certificate)
                let study = try NodeServiceTests.study()
                let anonymous = try HTTPNodeConnection(node: entry, coordinatorKey: TransportTests.coordinator, coordinatorName: "coordinator", timeout: .seconds(60))
                #expect(await Self.code { try await anonymous.announce(study) } == "node-unreachable")
                let identified = try HTTPNodeConnection(node: entry, coordinatorKey: TransportTests.coordinator, coordinatorName: "coordinator",
                                                        timeout: .seconds(60), clientCertificate: client.certificate, clientKey: client.key)
                #expect(try await identified.announce(study).status == .pending)
            }
        }
    }
}
