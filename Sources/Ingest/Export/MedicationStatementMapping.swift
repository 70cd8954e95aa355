import CDMStore

/// drug_exposure → MedicationStatement: completed, the drug, the exposure's period, the patient and visit.
struct MedicationStatementMapping: FHIRResourceMapping {
    let resourceType = "MedicationStatement"
    let from = "drug_exposure t"
    let columns = [
        "t.drug_exposure_id", "t.person_id", "t.drug_concept_id", "t.drug_exposure_start_date", "t.drug_exposure_start_datetime",
        "t.drug_exposure_end_date", "t.drug_exposure_end_datetime", "t.visit_occurrence_id", "t.drug_source_value",
        "t.drug_source_concept_id",
    ]
    let conceptColumns = ["t.drug_concept_id", "t.drug_source_concept_id"]

    func resource(_ row: SQLRow, _ vocabulary: ExportVocabulary) -> JSONObject {
        var statement = JSONObject([
            .init("resourceType", .string(resourceType)), .init("id", .string(FHIRElements.id("drug", row[0]))),
            .init("status", .string("completed")),
            .init("medicationCodeableConcept", vocabulary.codeableConcept(row[2], source: row[9], text: row[8]) ?? ExportVocabulary.noConcept),
        ])
        statement["subject"] = FHIRElements.reference("Patient", "person", row[1])
        statement["context"] = FHIRElements.reference("Encounter", "visit", row[7])
        statement["effectivePeriod"] = FHIRElements.period(start: FHIRElements.dateTime(row[3], row[4]), end: FHIRElements.dateTime(row[5], row[6]))
        return statement
    }
}
