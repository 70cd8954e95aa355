import Foundation

/// An event as stored in the trail: its place in the chain, when it was recorded, and the hashes that chain it.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// 1, 2, 3, … without gaps.
    public let sequence: Int64
    /// Milliseconds precision, as `GovernanceClock` stores it.
    public let recordedAt: Date
    public let event: AuditEvent
    /// The hash of the entry before; 64 zeros for the first.
    public let previousHash: String
    /// SHA-256 (hex) of this entry's canonical encoding, which includes `previousHash`.
    public let hash: String

    public init(sequence: Int64, recordedAt: Date, event: AuditEvent, previousHash: String, hash: String) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.event = event
        self.previousHash = previousHash
        self.hash = hash
    }
}
