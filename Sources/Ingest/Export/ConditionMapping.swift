import CDMStore
import OMOP

/// condition_occurrence → Condition: an encounter diagnosis, active until its end date; a malignancy carries
/// the mCODE primary cancer condition profile.
struct ConditionMapping: FHIRResourceMapping {
    let resourceType = "Condition"
    let from = "condition_occurrence t"
    let columns = [
        "t.condition_occurrence_id", "t.person_id", "t.condition_concept_id", "t.condition_start_date", "t.condition_start_datetime",
        "t.condition_end_date", "t.condition_end_datetime", "t.visit_occurrence_id", "t.condition_source_value",
        "t.condition_source_concept_id",
    ]
    let conceptColumns = ["t.condition_concept_id", "t.condition_source_concept_id"]

    static let primaryCancerProfile = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition"
    static let clinicalStatus = "http://terminology.hl7.org/CodeSystem/condition-clinical"
    static let verificationStatus = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
    static let category = "http://terminology.hl7.org/CodeSystem/condition-category"

    func resource(_ row: SQLRow, _ vocabulary: ExportVocabulary) -> JSONObject {
        var condition = JSONObject([.init("resourceType", .string(resourceType)), .init("id", .string(FHIRElements.id("condition", row[0])))])
        if let concept = row[2].integerValue, vocabulary.malignancies.contains(concept) {
            condition["meta"] = FHIRElements.profile(Self.primaryCancerProfile)
        }
        let abatement = FHIRElements.dateTime(row[5], row[6])
        condition["clinicalStatus"] = abatement == nil ? FHIRElements.concept(Self.clinicalStatus, "active") : FHIRElements.concept(Self.clinicalStatus, "resolved")
        condition["verificationStatus"] = FHIRElements.concept(Self.verificationStatus, "confirmed")
        condition["category"] = .array([FHIRElements.concept(Self.category, "encounter-diagnosis", "Encounter Diagnosis")])
        condition["code"] = vocabulary.codeableConcept(row[2], source: row[9], text: row[8])
        condition["subject"] = FHIRElements.reference("Patient", "person", row[1])
        condition["encounter"] = FHIRElements.reference("Encounter", "visit", row[7])
        condition["onsetDateTime"] = FHIRElements.dateTime(row[3], row[4])
        condition["abatementDateTime"] = abatement
        return condition
    }
}
