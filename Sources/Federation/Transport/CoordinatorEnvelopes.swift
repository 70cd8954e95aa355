import Foundation

/// The coordinator's half of the signed exchange with one node, the same over HTTPS and in process: requests are
/// sealed with the coordinator's key; a reply must carry the node's signature and answer exactly what was asked
/// (node, study hash, analysis, step, round), else it is refused as "bad-reply".
struct CoordinatorEnvelopes: Sendable {
    let coordinatorKey: SigningKey
    let coordinatorName: String
    let nodeName: String
    let nodePublicKey: String
    let replayGuard = ReplayGuard()

    func seal(_ study: StudySpecification) throws -> Data {
        try coordinatorKey.seal(study.document, signer: coordinatorName)
    }

    func seal(_ request: StepRequest) throws -> Data {
        try coordinatorKey.seal(try NodeService.encode(request), signer: coordinatorName)
    }

    func openAnnouncement(_ envelope: Data, of study: StudySpecification) async throws -> StudyAnnouncement {
        let announcement: StudyAnnouncement = try await open(envelope, as: "announcement")
        guard announcement.node == nodeName, announcement.studyHash == study.hash else {
            throw badReply("the announcement answers node \(announcement.node.prefix(64)), study \(announcement.studyHash.prefix(12)), "
                + "not node \(nodeName), study \(study.hash.prefix(12))")
        }
        return announcement
    }

    func openReply(_ envelope: Data, to request: StepRequest) async throws -> StepReply {
        let reply: StepReply = try await open(envelope, as: "step reply")
        guard reply.node == nodeName, reply.studyHash == request.studyHash, reply.analysis == request.analysis,
              reply.step == request.step, reply.round == request.round else {
            throw badReply("the reply answers \(reply.analysis.prefix(64))/\(reply.step.rawValue)/\(reply.round) of node \(reply.node.prefix(64)), "
                + "not \(request.analysis)/\(request.step.rawValue)/\(request.round) of node \(nodeName)")
        }
        return reply
    }

    private func open<T: Decodable>(_ envelope: Data, as what: String) async throws -> T {
        let payload: Data
        do {
            payload = try await replayGuard.open(envelope, trusting: [nodeName: nodePublicKey]).payload
        } catch let error as FederationError {
            throw badReply("the \(what) is refused (\(error.code)): \(error.message)")
        }
        do { return try JSONDecoder().decode(T.self, from: payload) } catch {
            throw badReply("the \(what) is not valid JSON of its kind")
        }
    }

    func badReply(_ message: String) -> FederationError {
        FederationError("bad-reply", "node \(nodeName): \(message)")
    }
}
