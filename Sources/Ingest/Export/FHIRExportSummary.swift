/// What a bulk FHIR export wrote: resources per type and the NDJSON files, for the caller's report and audit.
public struct FHIRExportSummary: Sendable, Codable, Equatable {
    public let resourcesByType: [String: Int]
    /// The files written, as paths inside the export directory, one per resource type that had resources.
    public let files: [String]

    public init(resourcesByType: [String: Int], files: [String]) {
        self.resourcesByType = resourcesByType
        self.files = files
    }

    public var totalResources: Int { resourcesByType.values.reduce(0, +) }
}
