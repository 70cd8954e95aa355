import Foundation

/// What a node read from its CDM for a study, kept a few minutes: a Newton fit or a training asks the same node
/// many rounds in a row, and a levels step reads the same covariates as the model after it. Without it every round
/// re-reads the cohort (seconds at a 300,000-person site) for milliseconds of arithmetic. Keys start with the
/// study hash; an entry lives at most `maximumAge`, so consent withdrawn or an erasure reaches the next analysis.
actor NodeReadCache {
    private struct Entry {
        let value: any Sendable
        let stored: ContinuousClock.Instant
    }

    private var entries: [String: Entry] = [:]
    private var reading: [String: Task<any Sendable, any Error>] = [:]
    private let capacity: Int
    private let maximumAge: Duration

    init(capacity: Int = 32, maximumAge: Duration = .seconds(300)) {
        self.capacity = capacity
        self.maximumAge = maximumAge
    }

    /// The value under `key`, read by `read` when absent or too old; concurrent callers share one read.
    func value<Value: Sendable>(_ key: String, read: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let entry = entries[key], ContinuousClock.now - entry.stored < maximumAge, let value = entry.value as? Value { return value }
        let task = reading[key] ?? Task { try await read() as any Sendable }
        reading[key] = task
        defer { reading[key] = nil }
        guard let value = try await task.value as? Value else {
            throw FederationError("internal", "node cache: \(key.split(separator: "|").first ?? "") holds another kind of value")
        }
        entries[key] = Entry(value: value, stored: ContinuousClock.now)
        if entries.count > capacity, let oldest = entries.min(by: { $0.value.stored < $1.value.stored })?.key {
            entries[oldest] = nil
        }
        return value
    }
}
