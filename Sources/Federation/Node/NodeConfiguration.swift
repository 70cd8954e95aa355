import Crypto
import Foundation

/// A node's (data station's) configuration, read from YAML: its name in the network, where it listens, its TLS
/// files, its signing key, the coordinators it answers (an allow-list of Ed25519 public keys), the analysis types it
/// answers, whether studies are approved without a steward, its disclosure rules, and the largest request it reads.
/// Relative paths are relative to the YAML file's folder.
public struct NodeConfiguration: Sendable {
    public struct Listen: Sendable, Codable, Equatable {
        public var host: String
        public var port: Int

        public init(host: String = "127.0.0.1", port: Int = 9441) {
            self.host = host
            self.port = port
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(host: try c.decodeIfPresent(String.self, forKey: .host) ?? "127.0.0.1",
                      port: try c.decodeIfPresent(Int.self, forKey: .port) ?? 9441)
        }
    }

    /// PEM files (absolute paths once read). With `clientCA`, the node requires mutual TLS: only clients with a
    /// certificate issued by that CA may connect.
    public struct TLS: Sendable, Equatable {
        public var certificate: String
        public var privateKey: String
        public var clientCA: String?

        public init(certificate: String, privateKey: String, clientCA: String? = nil) {
            self.certificate = certificate
            self.privateKey = privateKey
            self.clientCA = clientCA
        }
    }

    public var name: String
    public var listen: Listen
    public var tls: TLS?
    /// The file of the node's Ed25519 signing key (base64 text, `optima node keygen`).
    public var signingKeyFile: String
    /// Coordinator name → raw Ed25519 public key (base64): only these may announce studies and ask for steps.
    public var coordinators: [String: String]
    public var allowedAnalyses: Set<StudyAnalysisType>
    /// Approve every announced study without a steward: for test networks, never for a hospital.
    public var autoApprove: Bool
    public var disclosure: DisclosureGuards
    /// Requests with a larger body are refused (413) before they are read.
    public var maxRequestBytes: Int

    public init(name: String, listen: Listen = Listen(), tls: TLS? = nil, signingKeyFile: String, coordinators: [String: String],
                allowedAnalyses: Set<StudyAnalysisType>, autoApprove: Bool = false, disclosure: DisclosureGuards = DisclosureGuards(),
                maxRequestBytes: Int = 1 << 20) {
        self.name = name
        self.listen = listen
        self.tls = tls
        self.signingKeyFile = signingKeyFile
        self.coordinators = coordinators
        self.allowedAnalyses = allowedAnalyses
        self.autoApprove = autoApprove
        self.disclosure = disclosure
        self.maxRequestBytes = maxRequestBytes
    }

    /// Reads and checks a configuration file; every error names the file and the field.
    public init(contentsOf url: URL) throws {
        let yaml = try YAMLFile<File>(url, code: "invalid-configuration", fields: [
            "name", "listen", "tls", "signing_key", "coordinators", "allowed_analyses", "auto_approve", "disclosure", "max_request_bytes",
        ], kind: "a node configuration")
        let (path, file, resolve) = (yaml.path, yaml.file, yaml.resolve)
        func fail(_ message: String) -> FederationError { FederationError("invalid-configuration", "\(path): \(message)") }
        var problems: [String] = []
        let name = file.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.contains(where: \.isNewline) { problems.append("name: one line of text is needed") }
        let listen = file.listen ?? Listen()
        if !(0...65535).contains(listen.port) { problems.append("listen.port: \(listen.port) is not a port (0–65535)") }
        if file.coordinators.isEmpty { problems.append("coordinators: name at least one coordinator and its public key") }
        for (coordinator, key) in file.coordinators.sorted(by: { $0.key < $1.key }) {
            if (Data(base64Encoded: key).flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }) == nil {
                problems.append("coordinators.\(coordinator): not a base64 Ed25519 public key")
            }
        }
        var allowed: Set<StudyAnalysisType> = []
        for (index, type) in file.allowedAnalyses.enumerated() {
            if let known = StudyAnalysisType(rawValue: type) { allowed.insert(known) } else {
                problems.append("allowed_analyses[\(index)]: \"\(type)\" is not an analysis type (\(StudyAnalysisType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        let disclosure = file.disclosure ?? DisclosureGuards()
        if disclosure.minimumCellCount < 2 { problems.append("disclosure.minimum_cell_count: at least 2 (1 would disclose every count)") }
        let maxRequestBytes = file.maxRequestBytes ?? 1 << 20
        if maxRequestBytes < 1024 { problems.append("max_request_bytes: at least 1024 (\(maxRequestBytes))") }
        guard problems.isEmpty else { throw fail(problems.joined(separator: "; ")) }
        self.init(name: name, listen: listen,
                  tls: file.tls.map { TLS(certificate: resolve($0.certificate), privateKey: resolve($0.privateKey), clientCA: $0.clientCA.map(resolve)) },
                  signingKeyFile: resolve(file.signingKey), coordinators: file.coordinators, allowedAnalyses: allowed,
                  autoApprove: file.autoApprove ?? false, disclosure: disclosure, maxRequestBytes: maxRequestBytes)
    }

    /// The node's signing key, read from `signingKeyFile`.
    public func signingKey() throws -> SigningKey {
        try SigningKey(file: URL(fileURLWithPath: signingKeyFile))
    }

    /// The YAML document as written.
    private struct File: Decodable {
        struct TLSFile: Decodable {
            let certificate: String
            let privateKey: String
            let clientCA: String?
            enum CodingKeys: String, CodingKey {
                case certificate
                case privateKey = "private_key", clientCA = "client_ca"
            }
        }

        let name: String
        let listen: Listen?
        let tls: TLSFile?
        let signingKey: String
        let coordinators: [String: String]
        let allowedAnalyses: [String]
        let autoApprove: Bool?
        let disclosure: DisclosureGuards?
        let maxRequestBytes: Int?

        enum CodingKeys: String, CodingKey {
            case name, listen, tls, coordinators, disclosure
            case signingKey = "signing_key", allowedAnalyses = "allowed_analyses", autoApprove = "auto_approve"
            case maxRequestBytes = "max_request_bytes"
        }
    }
}
