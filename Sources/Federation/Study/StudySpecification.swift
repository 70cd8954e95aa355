import Cohorts
import Crypto
import Foundation

/// A federated study: what each node computes on its own CDM (cohorts and analyses), the privacy settings, and
/// the nodes taking part. Written as JSON with a versioned `schema`; read and checked whole before anything is
/// sent. Its identity is the SHA-256 of the document's bytes (`hash`): a node's steward approves exactly that
/// document, and any change to it is a new study.
public struct StudySpecification: Sendable {
    /// The schema this version of Optima reads.
    public static let schema = "optima-study/1"

    public let name: String
    public let description: String?
    public let cohorts: [StudyCohort]
    public let analyses: [StudyAnalysis]
    public let privacy: StudyPrivacy
    /// The names of the participating nodes, as the coordinator's network file and the nodes know them.
    public let nodes: [String]
    /// The study goes on without a node that fails, while at least this many answer (all nodes when nil).
    public let minimumNodes: Int?
    /// The document as written: what is sent to the nodes and hashed.
    public let document: Data
    /// Lower-case hex SHA-256 of `document`.
    public let hash: String

    /// The least number of nodes that must answer for the study to go on.
    public var requiredNodes: Int { minimumNodes ?? nodes.count }

    public func cohort(_ id: Int) -> StudyCohort? { cohorts.first { $0.id == id } }
    public func analysis(_ id: String) -> StudyAnalysis? { analyses.first { $0.id == id } }

    public static func hash(of document: Data) -> String {
        SHA256.hash(data: document).map { String(format: "%02x", $0) }.joined()
    }
}
