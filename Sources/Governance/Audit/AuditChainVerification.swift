/// What `verifyAuditChain` found: how many entries, the head hash to anchor elsewhere, and the first broken entry.
public struct AuditChainVerification: Sendable, Codable, Equatable {
    /// Why an entry breaks the chain.
    public enum Reason: String, Sendable, Codable, Equatable {
        /// Its hash does not match its fields: a field, or the hash, was changed.
        case changedContent = "changed-content"
        /// Its sequence skips: the entry (or entries) before it were deleted.
        case missingBefore = "missing-before"
        /// Its previous_hash is not the prior entry's hash: rows were reordered, or the prior entry was rewritten.
        case linkBroken = "link-broken"
    }

    /// The first entry that breaks the chain.
    public struct BrokenEntry: Sendable, Codable, Equatable, CustomStringConvertible {
        public let sequence: Int64
        public let reason: Reason
        /// The sequence the chain expected here (differs from `sequence` when entries are missing).
        public let expectedSequence: Int64

        public init(sequence: Int64, reason: Reason, expectedSequence: Int64) {
            self.sequence = sequence
            self.reason = reason
            self.expectedSequence = expectedSequence
        }

        public var description: String {
            switch reason {
            case .changedContent:
                "its hash does not match its content (a field or the hash was changed)"
            case .missingBefore where sequence - expectedSequence == 1:
                "entry \(expectedSequence) before it is missing (deleted)"
            case .missingBefore:
                "entries \(expectedSequence) to \(sequence - 1) before it are missing (deleted)"
            case .linkBroken where expectedSequence == 1:
                "it is first but its previous_hash is not 64 zeros (entries before it were removed and the rest rewritten)"
            case .linkBroken:
                "its previous_hash is not the hash of entry \(expectedSequence - 1) (rows reordered, or entry \(expectedSequence - 1) rewritten)"
            }
        }
    }

    /// Entries in the table.
    public let entries: Int
    /// The last entry's stored hash: record it outside the database to detect a truncated tail later.
    public let head: String?
    public let firstBroken: BrokenEntry?
    public let isIntact: Bool

    public init(entries: Int, head: String?, firstBroken: BrokenEntry?) {
        self.entries = entries
        self.head = head
        self.firstBroken = firstBroken
        isIntact = firstBroken == nil
    }
}
