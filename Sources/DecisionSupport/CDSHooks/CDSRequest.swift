import Ingest

/// A CDS Hooks 2.0 invocation (`POST /cds-services/{id}`, reference §1.3–1.4), checked member by member:
/// a request that breaks the specification is refused with the member named, never half-read.
public struct CDSRequest: Sendable {
    public let hook: String
    public let hookInstance: String
    public let fhirServer: String?
    public let patientID: String
    public let userID: String
    public let encounterID: String?
    /// `order-select`: the ids of the selected draft orders (`MedicationRequest/103`).
    public let selections: [String]
    /// `order-select`: the draft orders Bundle.
    public let draftOrders: JSONValue?
    /// The prefetch object as sent (keys the client could not satisfy are absent; keys with no data are `null`).
    public let prefetch: JSONValue?

    public init(json: JSONValue, for service: CDSService) throws(CDSHooksError) {
        guard let body = json.object else { throw .badRequest("the body must be a JSON object") }
        hook = try Self.string(body["hook"], "hook")
        guard hook == service.hook else {
            throw .badRequest("hook \"\(hook)\" does not match service \(service.id), which answers \(service.hook)")
        }
        hookInstance = try Self.string(body["hookInstance"], "hookInstance")
        fhirServer = body["fhirServer"]?.string
        if body["fhirAuthorization"] != nil && fhirServer == nil {
            throw .badRequest("fhirServer is required when fhirAuthorization is present")
        }
        guard let context = body["context"]?.object else { throw .badRequest("context is required and must be an object") }
        patientID = try Self.string(context["patientId"], "context.patientId")
        userID = try Self.string(context["userId"], "context.userId")
        encounterID = context["encounterId"]?.string
        if hook == "order-select" {
            guard let selections = context["selections"]?.array else {
                throw .badRequest("context.selections is required for order-select and must be an array of ids")
            }
            self.selections = try selections.enumerated().map { index, value throws(CDSHooksError) in
                try Self.string(value, "context.selections[\(index)]")
            }
            guard let orders = context["draftOrders"], orders["resourceType"]?.string == "Bundle" else {
                throw .badRequest("context.draftOrders is required for order-select and must be a FHIR Bundle")
            }
            draftOrders = orders
        } else {
            selections = []
            draftOrders = nil
        }
        if let member = body["prefetch"], member.object == nil { throw .badRequest("prefetch must be an object") }
        prefetch = body["prefetch"]
    }

    private static func string(_ value: JSONValue?, _ name: String) throws(CDSHooksError) -> String {
        guard let value else { throw .badRequest("\(name) is required") }
        guard let text = value.string, !text.isEmpty else { throw .badRequest("\(name) must be a non-empty string") }
        return text
    }
}
