import Foundation

/// A study as a node keeps it once announced: the steward reviews it (`optima node studies`) and approves it by
/// hash; the node answers steps of an approved study after a restart too.
public struct AnnouncedStudy: Sendable, Equatable {
    public let hash: String
    public let name: String
    public let document: Data
    public let announcedAt: String
    public let announcedBy: String
    /// Who approved this exact hash, and when; nil while pending.
    public let approvedBy: String?
    public let approvedAt: String?

    public var isApproved: Bool { approvedBy != nil }
}
