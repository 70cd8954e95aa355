import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// A node over HTTPS: the node's certificate is pinned (the only trust root for it), every request carries the
/// coordinator's bearer API key for that node and is sealed with the coordinator's signing key, every reply must be
/// signed by the node and answer what was asked. An HTTP error body `{"error": code, "message": …}` becomes a
/// `FederationError` of that code, so the runner can tell refusals (never retried) from failures.
public struct HTTPNodeConnection: NodeConnection {
    public let name: String
    public let traffic = TrafficCounter()
    /// Replies larger than this are refused as "bad-reply" before they are read whole.
    public let maximumReplyBytes: Int
    private let baseURL: String
    private let token: String
    private let timeout: Duration
    private let tls: TLSConfiguration
    private let envelopes: CoordinatorEnvelopes

    /// - Parameters:
    ///   - clientCertificate, clientKey: PEM files of the coordinator's client certificate, for a node requiring mutual TLS.
    public init(node: NetworkConfiguration.Node, coordinatorKey: SigningKey, coordinatorName: String, timeout: Duration = .seconds(30),
                maximumReplyBytes: Int = 64 << 20, clientCertificate: String? = nil, clientKey: String? = nil) throws {
        name = node.name
        self.maximumReplyBytes = maximumReplyBytes
        baseURL = node.url.absoluteString.hasSuffix("/") ? String(node.url.absoluteString.dropLast()) : node.url.absoluteString
        token = node.token
        self.timeout = timeout
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let certificate = node.certificate {
            do { tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificate)) } catch {
                throw FederationError("invalid-network", "node \(node.name): cannot read its pinned certificate \(certificate) (PEM expected)")
            }
        } else if node.url.scheme == "https" {
            throw FederationError("invalid-network", "node \(node.name): an https node needs its pinned certificate")
        }
        if let clientCertificate, let clientKey {
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(clientCertificate).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: clientKey, format: .pem))
            } catch {
                throw FederationError("invalid-network", "cannot read the coordinator's client certificate \(clientCertificate) or key \(clientKey) (PEM expected)")
            }
        }
        self.tls = tls
        envelopes = CoordinatorEnvelopes(coordinatorKey: coordinatorKey, coordinatorName: coordinatorName, nodeName: node.name, nodePublicKey: node.publicKey)
    }

    public func announce(_ study: StudySpecification) async throws -> StudyAnnouncement {
        let reply = try await post("announce", try envelopes.seal(study))
        return try await envelopes.openAnnouncement(reply, of: study)
    }

    public func step(_ request: StepRequest) async throws -> StepReply {
        let reply = try await post("steps", try envelopes.seal(request))
        return try await envelopes.openReply(reply, to: request)
    }

    /// Posts a sealed envelope; the reply body of a 200, else the node's error as a `FederationError`.
    private func post(_ route: String, _ body: Data) async throws -> Data {
        let url = "\(baseURL)/federation/v1/\(route)"
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        request.tlsConfiguration = tls
        traffic.record(sent: body.count, received: 0)
        let (status, reply): (UInt, Data)
        do {
            let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
            let response = try await HTTPClient.shared.execute(request, timeout: .nanoseconds(nanoseconds))
            let buffer = try await response.body.collect(upTo: maximumReplyBytes)
            (status, reply) = (response.status.code, Data(buffer.readableBytesView))
        } catch is NIOTooManyBytesError {
            throw envelopes.badReply("the reply to \(route) is larger than \(maximumReplyBytes) bytes")
        } catch {
            throw FederationError("node-unreachable", "node \(name) at \(url): \(Self.describe(error))")
        }
        traffic.record(sent: 0, received: reply.count)
        guard status == 200 else {
            if let body = try? JSONDecoder().decode(ErrorBody.self, from: reply) {
                throw FederationError(body.error, "node \(name): \(body.message)")
            }
            throw FederationError(status >= 500 ? "node-failed" : "bad-reply", "node \(name) answered \(route) with HTTP \(status)")
        }
        return reply
    }

    private struct ErrorBody: Decodable {
        let error: String
        let message: String
    }

    /// What went wrong on the wire, without the request (which holds the token).
    private static func describe(_ error: any Error) -> String {
        switch error {
        case let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout:
            "no answer in time (\(error))"
        case let error as NIOSSLError: "TLS failed (\(error)); is the pinned certificate the node's?"
        case let error as BoringSSLError: "TLS failed (\(error)); is the pinned certificate the node's?"
        default: "\(error)"
        }
    }
}
