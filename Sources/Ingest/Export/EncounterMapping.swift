import CDMStore
import OMOP

/// visit_occurrence → Encounter: finished, its class from the visit concept, its period and patient.
struct EncounterMapping: FHIRResourceMapping {
    let resourceType = "Encounter"
    let from = "visit_occurrence t"
    let columns = [
        "t.visit_occurrence_id", "t.person_id", "t.visit_concept_id", "t.visit_start_date", "t.visit_start_datetime",
        "t.visit_end_date", "t.visit_end_datetime", "t.visit_source_value", "t.visit_source_concept_id",
    ]
    let conceptColumns = ["t.visit_concept_id", "t.visit_source_concept_id"]

    static let actCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"

    /// The v3 ActCode encounter class of a visit concept; ambulatory for anything not named here.
    static func encounterClass(_ visitConcept: Int64?) -> JSONValue {
        switch visitConcept {
        case ConceptID.Visit.inpatient: FHIRElements.coding(actCode, "IMP", "inpatient encounter")
        case ConceptID.Visit.emergency: FHIRElements.coding(actCode, "EMER", "emergency")
        case 581_476: FHIRElements.coding(actCode, "HH", "home health")
        case 5083: FHIRElements.coding(actCode, "VR", "virtual")
        default: FHIRElements.coding(actCode, "AMB", "ambulatory")
        }
    }

    func resource(_ row: SQLRow, _ vocabulary: ExportVocabulary) -> JSONObject {
        var encounter = JSONObject([
            .init("resourceType", .string(resourceType)), .init("id", .string(FHIRElements.id("visit", row[0]))),
            .init("status", .string("finished")), .init("class", Self.encounterClass(row[2].integerValue)),
        ])
        if let type = vocabulary.codeableConcept(row[2], source: row[8], text: row[7]) { encounter["type"] = .array([type]) }
        encounter["subject"] = FHIRElements.reference("Patient", "person", row[1])
        encounter["period"] = FHIRElements.period(start: FHIRElements.dateTime(row[3], row[4]), end: FHIRElements.dateTime(row[5], row[6]))
        return encounter
    }
}
