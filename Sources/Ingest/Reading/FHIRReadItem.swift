/// What the reader yields for each line or Bundle entry: a resource, or why there is none.
public enum FHIRReadItem: Sendable {
    case record(FHIRRecord)
    /// Malformed JSON, not an object, or no string `resourceType`: the line is reported and skipped.
    case malformed(SourceLocation, reason: String)

    /// A parsed value as a resource, or the reason it is not one.
    static func resource(_ value: JSONValue, at location: SourceLocation, byteCount: Int) -> FHIRReadItem {
        guard case .object(let object) = value else {
            return .malformed(location, reason: "\(value.kindDescription), not a FHIR resource (a JSON object)")
        }
        guard let resourceType = object["resourceType"]?.string, !resourceType.isEmpty else {
            return .malformed(location, reason: "a JSON object without a string resourceType")
        }
        return .record(FHIRRecord(resourceType: resourceType, resource: object, location: location, byteCount: byteCount))
    }
}
