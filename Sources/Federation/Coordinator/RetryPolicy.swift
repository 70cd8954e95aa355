/// How the coordinator treats a node that does not answer a step: each attempt is cut off after `timeout`; a failed
/// attempt is tried again up to `retries` times, after `backoff`, doubled each time up to `maximumBackoff`. A refusal
/// (the node said no: not approved, not allowed, budget spent, a disclosure rule) is final and never retried.
public struct RetryPolicy: Sendable, Equatable {
    public var timeout: Duration
    public var retries: Int
    public var backoff: Duration
    public var maximumBackoff: Duration

    public init(timeout: Duration = .seconds(30), retries: Int = 3, backoff: Duration = .milliseconds(500),
                maximumBackoff: Duration = .seconds(30)) {
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.maximumBackoff = maximumBackoff
    }

    /// The error codes by which a node refuses a step on purpose: asking again would get the same answer.
    public static let refusals: Set<String> = [
        "study-not-approved", "analysis-not-allowed", "budget-spent", "disclosure-guard", "disclosure", "step-not-allowed",
    ]

    /// The wait before retry `attempt` (1 for the first retry).
    public func delay(beforeRetry attempt: Int) -> Duration {
        var delay = backoff
        for _ in 1..<max(1, attempt) {
            delay = delay * 2
            if delay >= maximumBackoff { return maximumBackoff }
        }
        return min(delay, maximumBackoff)
    }
}
