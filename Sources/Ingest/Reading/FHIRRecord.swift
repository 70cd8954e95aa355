/// One FHIR resource read from an input.
public struct FHIRRecord: Sendable {
    public let resourceType: String
    public let resource: JSONObject
    public let location: SourceLocation
    /// Bytes of its line (NDJSON) or 0 for bundle entries.
    public let byteCount: Int

    public init(resourceType: String, resource: JSONObject, location: SourceLocation, byteCount: Int) {
        self.resourceType = resourceType
        self.resource = resource
        self.location = location
        self.byteCount = byteCount
    }
}
