import DecisionSupport
import Foundation

extension StudyRunner {
    /// A runner over the nodes of a network file: one HTTPS connection each, the file's time limits as the policy.
    public init(study: StudySpecification, network: NetworkConfiguration, stateFile: URL?, registry: ModelRegistry? = nil,
                log: (@Sendable (String) -> Void)? = nil) throws {
        self.init(study: study, connections: try network.connections(), policy: network.retryPolicy, stateFile: stateFile,
                  registry: registry, log: log)
    }
}
