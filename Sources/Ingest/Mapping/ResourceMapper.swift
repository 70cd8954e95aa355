import CDMStore
import Governance
import OMOP

/// Maps FHIR R4 resources to OMOP CDM v5.4 rows, one resource at a time, following the HL7 FHIR-to-OMOP
/// IG and ETL-Synthea conventions (docs/ingest.md lists the rules): the target table is chosen by the
/// standard concept's domain, unmapped codes are written with concept 0 and counted, and a resource's
/// rows are all written or none.
///
/// Codes and references must have been prefetched for the batch (`FHIRImporter`); mapping itself does
/// no I/O, which keeps it fast and lets one batch load in one transaction.
final class ResourceMapper {
    /// A resource left out on purpose (counted, not an error).
    struct Skip: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
    /// A resource that is wrong: counted and listed with its location.
    struct Rejection: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    enum Outcome: Equatable {
        case written
        case skipped(String)
        case rejected(String)
    }

    let lookup: ConceptLookup
    let fixed: FixedConceptMap
    let pseudonymizer: Pseudonymizer
    var ids: IDAllocator
    var index = ResourceIndex()
    /// Pseudonyms of erased persons (`optima_erasure`), under every key version.
    var erasedPseudonyms: Set<String> = []
    /// Locations by their source value, so persons in one city share a row.
    var locations: [String: Int64] = [:]
    private(set) var unmapped: [SourceCode: (display: String?, count: Int)] = [:]

    /// The rows of the resource being mapped, appended to the batch only when all of it mapped.
    var pending: [(table: String, values: [(String, SQLValue)])] = []
    var pendingUnmapped: [Coding] = []
    /// The resource's entry in `FHIRResourceMap`: its first row, person and (treatments) the diagnosis it treats.
    var mapEntry: (table: String?, id: Int64?, person: Int64?, reason: Int64?) = (nil, nil, nil, nil)

    init(lookup: ConceptLookup, fixed: FixedConceptMap, pseudonymizer: Pseudonymizer, ids: IDAllocator) {
        self.lookup = lookup
        self.fixed = fixed
        self.pseudonymizer = pseudonymizer
        self.ids = ids
    }

    /// Maps one resource into `batch`; `alreadyImported` when an earlier import (or batch) wrote it;
    /// `key` is the pseudonym of `Type/id` when already computed.
    func map(_ record: FHIRRecord, alreadyImported: Bool, key: String?, into batch: inout RowBatch) -> Outcome {
        pending.removeAll(keepingCapacity: true)
        pendingUnmapped.removeAll(keepingCapacity: true)
        mapEntry = (nil, nil, nil, nil)
        let knownLocations = locations  // restored when the resource is not written (no copy unless it changes)
        do {
            let resource = JSONValue.object(record.resource)
            if let version = ResourceTypes.otherVersion(of: record.resourceType) {
                throw Rejection("\(record.resourceType) is a FHIR \(version) resource type; Optima reads FHIR R4")
            }
            guard ResourceTypes.r4.contains(record.resourceType) else {
                throw Rejection("unknown resource type \(record.resourceType)")
            }
            guard let id = resource["id"]?.string, !id.isEmpty else {
                throw Rejection("no id (a logical id makes re-imports idempotent)")
            }
            if alreadyImported { throw Skip(isErased(record.resourceType, id: id, resource) ? Self.erased : "already imported") }
            try mapResource(record.resourceType, id: id, resource)
            for row in pending { batch.append(row.table, row.values) }
            for coding in pendingUnmapped { unmapped[coding.sourceCode, default: (coding.display, 0)].count += 1 }
            batch.append(FHIRResourceMap.tableName, [
                ("resource_key", .text(key ?? pseudonymizer.pseudonym("\(record.resourceType)/\(id)"))),
                ("resource_type", .text(record.resourceType)),
                ("omop_table", mapEntry.table.map(SQLValue.text) ?? .null),
                ("omop_id", mapEntry.id.map(SQLValue.integer) ?? .null),
                ("person_id", mapEntry.person.map(SQLValue.integer) ?? .null),
                ("reason_id", mapEntry.reason.map(SQLValue.integer) ?? .null),
            ])
            return .written
        } catch let skip as Skip {
            locations = knownLocations
            return .skipped(skip.reason)
        } catch let rejection as Rejection {
            locations = knownLocations
            return .rejected(rejection.reason)
        } catch {
            locations = knownLocations
            return .rejected("\(error)")
        }
    }

    static let erased = "the person was erased (GDPR art. 17)"

    /// Whether a resource imported before belongs to a person erased since: re-importing their export
    /// then says so, rather than "already imported".
    private func isErased(_ type: String, id: String, _ resource: JSONValue) -> Bool {
        if type == "Patient" { return index.erasedPatients.contains(id) || pseudonymizer.candidates(id).contains(where: erasedPseudonyms.contains) }
        let subject = Reference(resource["subject"] ?? resource["patient"])
        return subject.map { index.erasedPatients.contains($0.id) } ?? false
    }

    private func mapResource(_ type: String, id: String, _ resource: JSONValue) throws {
        switch type {
        case "Patient": try mapPatient(id: id, resource)
        case "Encounter": try mapEncounter(id: id, resource)
        case "Condition": try mapCondition(id: id, resource)
        case "Observation": try mapObservation(resource)
        case "Procedure": try mapProcedure(id: id, resource)
        case "MedicationRequest", "MedicationAdministration", "MedicationStatement", "MedicationDispense":
            try mapMedicationUse(type, resource)
        case "Medication": try indexMedication(id: id, resource)
        case "Immunization": try mapImmunization(resource)
        case "AllergyIntolerance": try mapAllergy(resource)
        case "Device": try mapDevice(resource)
        case "DiagnosticReport": try mapDiagnosticReport(resource)
        default: throw Skip("\(type) has no OMOP CDM target in Optima's mapping")
        }
    }
}
