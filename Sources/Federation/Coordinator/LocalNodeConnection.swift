import Foundation

/// A node in the same process (tests, benchmarks, a one-machine network): every message is still sealed,
/// serialised, verified and counted as over HTTPS; only the socket is missing.
public struct LocalNodeConnection: NodeConnection {
    public let name: String
    public let traffic = TrafficCounter()
    private let service: NodeService
    private let envelopes: CoordinatorEnvelopes

    /// - Parameter nodePublicKey: the node's Ed25519 public key (base64) its replies must be signed with.
    public init(service: NodeService, name: String, coordinatorKey: SigningKey, coordinatorName: String, nodePublicKey: String) {
        self.name = name
        self.service = service
        envelopes = CoordinatorEnvelopes(coordinatorKey: coordinatorKey, coordinatorName: coordinatorName, nodeName: name, nodePublicKey: nodePublicKey)
    }

    public func announce(_ study: StudySpecification) async throws -> StudyAnnouncement {
        let sealed = try envelopes.seal(study)
        traffic.record(sent: sealed.count, received: 0)
        let reply = try await service.announce(sealed)
        traffic.record(sent: 0, received: reply.count)
        return try await envelopes.openAnnouncement(reply, of: study)
    }

    public func step(_ request: StepRequest) async throws -> StepReply {
        let sealed = try envelopes.seal(request)
        traffic.record(sent: sealed.count, received: 0)
        let reply = try await service.step(sealed)
        traffic.record(sent: 0, received: reply.count)
        return try await envelopes.openReply(reply, to: request)
    }
}
