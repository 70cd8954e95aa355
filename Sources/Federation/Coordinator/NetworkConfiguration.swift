import Crypto
import Foundation
import Yams

/// The coordinator's view of the network, read from YAML: its own name and signing key (and, for nodes that
/// require mutual TLS, its client certificate), the time limits, and each node's address, API token, Ed25519
/// public key and pinned TLS certificate. Relative paths are relative to the YAML file's folder; a token is best
/// kept in `token_file`, not in the YAML itself.
public struct NetworkConfiguration: Sendable {
    public struct Node: Sendable, Equatable {
        public var name: String
        /// The node's base URL (`https://site1.example:9441`); routes are under `/federation/v1/`.
        public var url: URL
        /// The bearer API key of the coordinator's `node` account at that node.
        public var token: String
        /// The node's signing key (base64 Ed25519 public key): every reply must be signed with it.
        public var publicKey: String
        /// The node's TLS certificate (PEM file): the only certificate trusted for it. Required for https.
        public var certificate: String?

        public init(name: String, url: URL, token: String, publicKey: String, certificate: String? = nil) {
            self.name = name
            self.url = url
            self.token = token
            self.publicKey = publicKey
            self.certificate = certificate
        }
    }

    public var coordinatorName: String
    public var signingKeyFile: String
    /// PEM files of the coordinator's client certificate and key, for nodes that require mutual TLS.
    public var clientCertificate: String?
    public var clientKey: String?
    public var timeout: Duration
    public var retries: Int
    public var backoff: Duration
    public var nodes: [Node]

    public init(coordinatorName: String, signingKeyFile: String, clientCertificate: String? = nil, clientKey: String? = nil,
                timeout: Duration = .seconds(30), retries: Int = 3, backoff: Duration = .milliseconds(500), nodes: [Node]) {
        self.coordinatorName = coordinatorName
        self.signingKeyFile = signingKeyFile
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.nodes = nodes
    }

    /// Reads and checks a network file; every error names the file and the field (`nodes[1].public_key`).
    public init(contentsOf url: URL) throws {
        let yaml = try YAMLFile<File>(url, code: "invalid-network", fields: ["coordinator", "timeout_seconds", "retries", "backoff_seconds", "nodes"],
                                      kind: "a network file")
        let (path, file, resolve) = (yaml.path, yaml.file, yaml.resolve)
        func fail(_ message: String) -> FederationError { FederationError("invalid-network", "\(path): \(message)") }
        var problems: [String] = []
        let coordinator = file.coordinator.name.trimmingCharacters(in: .whitespaces)
        if coordinator.isEmpty || coordinator.contains(where: \.isNewline) { problems.append("coordinator.name: one line of text is needed") }
        if (file.coordinator.tlsCertificate == nil) != (file.coordinator.tlsKey == nil) {
            problems.append("coordinator: tls_certificate and tls_key go together")
        }
        let timeout = file.timeoutSeconds ?? 30, retries = file.retries ?? 3, backoff = file.backoffSeconds ?? 0.5
        if !(timeout > 0) { problems.append("timeout_seconds: must be positive") }
        if retries < 0 { problems.append("retries: must not be negative") }
        if backoff < 0 { problems.append("backoff_seconds: must not be negative") }
        if file.nodes.isEmpty { problems.append("nodes: name at least one node") }
        var nodes: [Node] = []
        for (index, node) in file.nodes.enumerated() {
            let at = "nodes[\(index)]"
            if nodes.contains(where: { $0.name == node.name }) { problems.append("\(at).name: \(node.name) is named twice") }
            guard let address = URL(string: node.url), let scheme = address.scheme, ["https", "http"].contains(scheme), address.host != nil else {
                problems.append("\(at).url: \"\(node.url)\" is not an https URL"); continue
            }
            if scheme == "https", node.certificate == nil {
                problems.append("\(at).certificate: the node's TLS certificate (PEM file) is needed: it is the only certificate trusted for the node")
            }
            if scheme == "http", !["127.0.0.1", "localhost", "::1"].contains(address.host ?? "") {
                problems.append("\(at).url: plain http only to this machine (127.0.0.1, localhost); use https")
            }
            if (Data(base64Encoded: node.publicKey).flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }) == nil {
                problems.append("\(at).public_key: not a base64 Ed25519 public key (the node's `optima node keygen` prints it)")
            }
            var token = node.token
            if let tokenFile = node.tokenFile {
                if token != nil { problems.append("\(at): token or token_file, not both") }
                do { token = try String(contentsOf: URL(fileURLWithPath: resolve(tokenFile)), encoding: .utf8) } catch {
                    problems.append("\(at).token_file: \(resolve(tokenFile)) cannot be read")
                }
            }
            guard let token = token?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty else {
                problems.append("\(at).token: the node's API key for this coordinator is needed (token or token_file)"); continue
            }
            nodes.append(Node(name: node.name, url: address, token: token, publicKey: node.publicKey, certificate: node.certificate.map(resolve)))
        }
        guard problems.isEmpty else { throw fail(problems.joined(separator: "; ")) }
        self.init(coordinatorName: coordinator, signingKeyFile: resolve(file.coordinator.signingKey),
                  clientCertificate: file.coordinator.tlsCertificate.map(resolve), clientKey: file.coordinator.tlsKey.map(resolve),
                  timeout: .milliseconds(Int64(timeout * 1000)), retries: retries, backoff: .milliseconds(Int64(backoff * 1000)), nodes: nodes)
    }

    public func signingKey() throws -> SigningKey {
        try SigningKey(file: URL(fileURLWithPath: signingKeyFile))
    }

    /// The coordinator's retry policy from the file's time limits.
    public var retryPolicy: RetryPolicy { RetryPolicy(timeout: timeout, retries: retries, backoff: backoff) }

    /// One HTTPS connection per node, signing with the coordinator's key.
    public func connections() throws -> [HTTPNodeConnection] {
        let key = try signingKey()
        return try nodes.map {
            try HTTPNodeConnection(node: $0, coordinatorKey: key, coordinatorName: coordinatorName, timeout: timeout,
                                   clientCertificate: clientCertificate, clientKey: clientKey)
        }
    }

    private struct File: Decodable {
        struct Coordinator: Decodable {
            let name: String
            let signingKey: String
            let tlsCertificate: String?
            let tlsKey: String?
            enum CodingKeys: String, CodingKey {
                case name
                case signingKey = "signing_key", tlsCertificate = "tls_certificate", tlsKey = "tls_key"
            }
        }

        struct NodeEntry: Decodable {
            let name: String
            let url: String
            let token: String?
            let tokenFile: String?
            let publicKey: String
            let certificate: String?
            enum CodingKeys: String, CodingKey {
                case name, url, token, certificate
                case tokenFile = "token_file", publicKey = "public_key"
            }
        }

        let coordinator: Coordinator
        let timeoutSeconds: Double?
        let retries: Int?
        let backoffSeconds: Double?
        let nodes: [NodeEntry]

        enum CodingKeys: String, CodingKey {
            case coordinator, retries, nodes
            case timeoutSeconds = "timeout_seconds", backoffSeconds = "backoff_seconds"
        }
    }
}
