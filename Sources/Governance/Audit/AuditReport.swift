import Foundation

/// The GDPR article 30 record of processing, from the audit trail: for each purpose, how much processing,
/// how it ended, which actions, by which roles, and over which period. Counts only, no names of people.
public struct AuditReport: Sendable, Codable, Equatable {
    public struct Processing: Sendable, Codable, Equatable {
        public let purpose: ProcessingPurpose
        public let events: Int
        /// Events by outcome (`AuditOutcome` raw values); outcomes that never occurred are absent.
        public let outcomes: [String: Int]
        /// Events by action, e.g. "GET /api/cohorts/:id" → 120.
        public let actions: [String: Int]
        /// Events by the actor's role; "none" for actors without one (anonymous, local operator).
        public let roles: [String: Int]
        /// Distinct actors.
        public let actors: Int
        public let first: Date
        public let last: Date

        public init(purpose: ProcessingPurpose, events: Int, outcomes: [String: Int], actions: [String: Int],
                    roles: [String: Int], actors: Int, first: Date, last: Date) {
            self.purpose = purpose
            self.events = events
            self.outcomes = outcomes
            self.actions = actions
            self.roles = roles
            self.actors = actors
            self.first = first
            self.last = last
        }
    }

    /// The period asked for: from `since` (inclusive) to `until` (exclusive); nil is open.
    public let since: Date?
    public let until: Date?
    /// Purposes with at least one event, in `ProcessingPurpose.allCases` order.
    public let processing: [Processing]

    public init(since: Date?, until: Date?, processing: [Processing]) {
        self.since = since
        self.until = until
        self.processing = processing
    }

    public var events: Int { processing.reduce(0) { $0 + $1.events } }
}
