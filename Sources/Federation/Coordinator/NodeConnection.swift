/// The coordinator's line to one node: over HTTPS (`HTTPNodeConnection`) or in process (`LocalNodeConnection`,
/// which still signs, serialises and checks every message). Timeouts belong to the connection; retries and
/// backoff to `StudyRunner`.
public protocol NodeConnection: Sendable {
    var name: String { get }
    /// Presents the study document; the node answers whether its steward approved this exact hash.
    func announce(_ study: StudySpecification) async throws -> StudyAnnouncement
    func step(_ request: StepRequest) async throws -> StepReply
    /// Bytes sent and received so far (request and reply bodies).
    var traffic: TrafficCounter { get }
}
