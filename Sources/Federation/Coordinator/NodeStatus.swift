/// One node's part in a study run, as the result reports it: whether it took part, why not, and what it cost.
public struct NodeStatus: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        /// Approved and answering (while the run goes on).
        case approved
        /// Its steward has not approved this study's hash yet.
        case pending
        /// Its steward refused the study, or the node could not be reached to announce it.
        case refused
        /// Dropped during the run: retries exhausted, a refusal or a reply outside the contract.
        case failed
        /// Took part until the end.
        case done
    }

    public var name: String
    public var state: State
    /// Why, when not approved or failed ("awaiting approval: optima node approve 3f2a…", "timeout after 3 retries").
    public var reason: String?
    public var stepsAnswered: Int
    public var retries: Int
    public var bytesSent: Int
    public var bytesReceived: Int

    public init(name: String, state: State, reason: String? = nil, stepsAnswered: Int = 0, retries: Int = 0,
                bytesSent: Int = 0, bytesReceived: Int = 0) {
        self.name = name
        self.state = state
        self.reason = reason
        self.stepsAnswered = stepsAnswered
        self.retries = retries
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
    }

    /// "site1: failed (timeout after 2 retries)".
    public var summary: String {
        "\(name): \(state.rawValue)" + (reason.map { " (\($0))" } ?? "")
    }

    enum CodingKeys: String, CodingKey {
        case name, state, reason, retries
        case stepsAnswered = "steps_answered", bytesSent = "bytes_sent", bytesReceived = "bytes_received"
    }
}
