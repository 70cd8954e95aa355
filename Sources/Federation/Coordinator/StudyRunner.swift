import DecisionSupport
import Foundation

/// The coordinator of a federated study: announces the study to every node, then runs its analyses in order, each as
/// steps sent to the approved nodes whose aggregate replies it sums (or unmasks, with secure aggregation) and pools
/// with the federated algorithms. A node that fails is retried, then dropped while enough nodes remain. With a state
/// file the run can stop and resume without asking the nodes again for what is done.
public struct StudyRunner: Sendable {
    public let study: StudySpecification
    public let connections: [any NodeConnection]
    public let policy: RetryPolicy
    public let stateFile: URL?
    /// Where a trained model with `learning.register_as` is stored.
    public let registry: ModelRegistry?
    /// Sees every reply as it arrives, before the coordinator uses it (tests check that no single site's plain
    /// aggregates are seen under secure aggregation).
    public let inspector: (@Sendable (_ node: String, _ reply: StepReply) -> Void)?
    /// Progress lines for a person ("site2: timeout, retry 1 of 3").
    public let log: (@Sendable (String) -> Void)?

    public init(study: StudySpecification, connections: [any NodeConnection], policy: RetryPolicy, stateFile: URL?,
                registry: ModelRegistry? = nil, inspector: (@Sendable (_ node: String, _ reply: StepReply) -> Void)? = nil,
                log: (@Sendable (String) -> Void)? = nil) {
        self.study = study
        self.connections = connections
        self.policy = policy
        self.stateFile = stateFile
        self.registry = registry
        self.inspector = inspector
        self.log = log
    }

    /// Runs the study to its end. Throws "too-few-nodes" when fewer than the study's required nodes are approved or
    /// remain, and rethrows a cancellation (the state file keeps what was done).
    public func run() async throws -> StudyResult {
        let names = connections.map(\.name)
        if let repeated = Dictionary(grouping: names, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw FederationError("invalid-network", "node \(repeated) has two connections")
        }
        let state = try stateFile.flatMap { try StudyState.load(from: $0, hash: study.hash) }
        let run = StudyRun(runner: self, state: state)
        return try await run.execute()
    }
}
