/// What an import did, resource by resource: every resource read is written, skipped or rejected, each
/// not-written one with its reason, so the totals always add up (`read = written + skipped + rejected`).
///
/// It holds counts, codes and file positions only, never a value of a patient's record: it is safe to
/// hand to whoever ran the import.
public struct FHIRImportReport: Sendable, Codable, Equatable {
    public struct ResourceCounts: Sendable, Codable, Equatable {
        public var read = 0
        public var written = 0
        /// Not written on purpose: already imported, erased person, no CDM target, … (reason → count).
        public var skipped: [String: Int] = [:]
        /// Not written because the resource is wrong: no subject, invalid date, wrong FHIR version, … (reason → count).
        public var rejected: [String: Int] = [:]

        public var skippedCount: Int { skipped.values.reduce(0, +) }
        public var rejectedCount: Int { rejected.values.reduce(0, +) }
        /// Whether every resource read is accounted for.
        public var isBalanced: Bool { read == written + skippedCount + rejectedCount }
    }

    /// A code the vocabulary could not map to a standard concept: written with concept 0 and counted here.
    public struct UnmappedCode: Sendable, Codable, Equatable {
        public let system: String
        public let code: String
        public let display: String?
        public let count: Int
    }

    /// One rejected resource: where it is and why (no values from it).
    public struct Rejection: Sendable, Codable, Equatable {
        public let location: String
        public let resourceType: String?
        public let reason: String
    }

    public struct SkippedFile: Sendable, Codable, Equatable {
        public let path: String
        public let reason: String
    }

    public var files: [String] = []
    public var skippedFiles: [SkippedFile] = []
    /// Per resource type.
    public var resources: [String: ResourceCounts] = [:]
    /// Rows written per CDM table, including the derived ones (visit_detail, observation_period, episode, …).
    public var rowsWritten: [String: Int] = [:]
    /// The most frequent unmapped codes (at most `unmappedLimit`), most frequent first.
    public var unmappedCodes: [UnmappedCode] = []
    /// How many distinct codes were unmapped in all (the list above may be cut).
    public var unmappedCodeCount = 0
    /// The first rejections (at most `rejectionLimit`), in reading order.
    public var rejections: [Rejection] = []
    /// Text values cut to their column's length (a fidelity loss).
    public var truncatedValues = 0
    /// Cancer modifiers linked to their diagnosis by `measurement_event_id`, and cancer episodes made.
    public var modifiersLinked = 0
    public var visitsMerged = 0
    public var erasedPersonsSkipped = 0
    public var vocabularyVersion: String?
    public var conceptMapVersion: String?
    public var bytesRead: Int64 = 0
    public var seconds = 0.0

    public static let unmappedLimit = 50
    public static let rejectionLimit = 100

    public init() {}

    public var resourcesRead: Int { resources.values.reduce(0) { $0 + $1.read } }
    public var resourcesWritten: Int { resources.values.reduce(0) { $0 + $1.written } }
    public var resourcesRejected: Int { resources.values.reduce(0) { $0 + $1.rejectedCount } }
    public var resourcesSkipped: Int { resources.values.reduce(0) { $0 + $1.skippedCount } }
    public var isBalanced: Bool { resources.values.allSatisfy(\.isBalanced) }
}
