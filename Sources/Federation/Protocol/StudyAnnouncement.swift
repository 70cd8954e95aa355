/// A node's answer when the coordinator presents a study: whether its steward approved this exact document
/// (by hash), and the node's X25519 public key for the study's secure-aggregation rounds.
public struct StudyAnnouncement: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable { case approved, pending, refused }

    public let node: String
    public let studyHash: String
    public let status: Status
    /// Why, when not approved ("awaiting approval: optima node approve 3f2a…").
    public let reason: String?
    public let maskingKey: String?

    public init(node: String, studyHash: String, status: Status, reason: String? = nil, maskingKey: String? = nil) {
        self.node = node
        self.studyHash = studyHash
        self.status = status
        self.reason = reason
        self.maskingKey = maskingKey
    }

    enum CodingKeys: String, CodingKey {
        case node, status, reason
        case studyHash = "study_hash", maskingKey = "masking_key"
    }
}
