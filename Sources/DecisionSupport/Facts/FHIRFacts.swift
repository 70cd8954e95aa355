import Ingest
import OMOP

/// Patient facts from the FHIR R4 resources of one patient, as a CDS Hooks prefetch brings them (decision-support
/// reference §1.3, §1.8): Patient, Condition, Observation (mCODE STU4 and Synthea codes, §5.1), and
/// MedicationRequest, MedicationAdministration and Procedure for prior treatments. The same rules as the OMOP
/// reader pick the values: the first cancer diagnosis; staging and markers linked to it (`focus`) or within 90
/// days of it; PSA the latest up to 180 days before it. What the resources do not say stays nil.
public enum FHIRFacts {
    /// Reads the facts of one patient's resources, as of `asOf` (resources dated after it are ignored; default:
    /// all). Resources about another Patient than the one given are ignored. Throws `PatientFactsError`, naming
    /// the resource and element, for a value that is present but impossible (PSA below 0, an invalid date).
    public static func patientFacts(from resources: [JSONValue], asOf: CDMDate? = nil) throws(PatientFactsError) -> PatientFacts {
        var reader = FHIRFactsReader(asOf: asOf)
        return try reader.read(resources)
    }

    /// The resources of a CDS Hooks prefetch object (key → resource, searchset Bundle, or `null` for a query that
    /// found nothing), with Bundles opened into their entries' resources and OperationOutcomes (failed queries) left out.
    public static func resources(fromPrefetch prefetch: JSONValue) -> [JSONValue] {
        guard let object = prefetch.object else { return flatten(prefetch) }
        return object.members.flatMap { flatten($0.value) }
    }

    private static func flatten(_ value: JSONValue) -> [JSONValue] {
        switch value["resourceType"]?.string {
        case "Bundle": return (value["entry"]?.elements ?? []).compactMap { $0["resource"] }.flatMap(flatten)
        case "OperationOutcome", nil: return value.array?.flatMap(flatten) ?? []
        default: return [value]
        }
    }
}
