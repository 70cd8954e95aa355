import CDMStore

/// procedure_occurrence → Procedure: completed, performed on a day, or over a period when an end is set.
struct ProcedureMapping: FHIRResourceMapping {
    let resourceType = "Procedure"
    let from = "procedure_occurrence t"
    let columns = [
        "t.procedure_occurrence_id", "t.person_id", "t.procedure_concept_id", "t.procedure_date", "t.procedure_datetime",
        "t.procedure_end_date", "t.procedure_end_datetime", "t.visit_occurrence_id", "t.procedure_source_value",
        "t.procedure_source_concept_id",
    ]
    let conceptColumns = ["t.procedure_concept_id", "t.procedure_source_concept_id"]

    func resource(_ row: SQLRow, _ vocabulary: ExportVocabulary) -> JSONObject {
        var procedure = JSONObject([
            .init("resourceType", .string(resourceType)), .init("id", .string(FHIRElements.id("procedure", row[0]))),
            .init("status", .string("completed")),
        ])
        procedure["code"] = vocabulary.codeableConcept(row[2], source: row[9], text: row[8])
        procedure["subject"] = FHIRElements.reference("Patient", "person", row[1])
        procedure["encounter"] = FHIRElements.reference("Encounter", "visit", row[7])
        let start = FHIRElements.dateTime(row[3], row[4])
        if let end = FHIRElements.dateTime(row[5], row[6]) {
            procedure["performedPeriod"] = FHIRElements.period(start: start, end: end)
        } else {
            procedure["performedDateTime"] = start
        }
        return procedure
    }
}
