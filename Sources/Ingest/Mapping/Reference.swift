/// A FHIR reference as the importer resolves it: `Patient/123`, an absolute URL ending in `Patient/123`,
/// or a Bundle's `urn:uuid:123` (Synthea's transaction bundles use the resource id as the uuid).
/// Conditional references (`Practitioner?identifier=…`) are not resolved.
struct Reference: Hashable {
    let type: String?
    let id: String

    init?(_ element: JSONValue?) {
        guard let text = element?["reference"]?.string, !text.isEmpty else { return nil }
        // Byte-level parsing: references are read for every resource, and Foundation's string search is slow.
        let bytes = Array(text.utf8)
        if bytes.contains(UInt8(ascii: "?")) { return nil }
        if text.hasPrefix("urn:uuid:") {
            type = nil
            id = String(text.dropFirst("urn:uuid:".count))
            return
        }
        var parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        // `Type/id/_history/n` names a version of the same resource.
        if parts.count >= 4, parts[parts.count - 2].elementsEqual("_history".utf8) { parts.removeLast(2) }
        guard parts.count >= 2 else { return nil }
        type = String(decoding: parts[parts.count - 2], as: UTF8.self)
        id = String(decoding: parts[parts.count - 1], as: UTF8.self)
    }

    /// Whether it can point to a resource of `resourceType` (a `urn:uuid:` reference names no type).
    func names(_ resourceType: String) -> Bool { type == nil || type == resourceType }
}
