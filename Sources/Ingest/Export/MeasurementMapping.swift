import CDMStore
import OMOP

/// measurement → Observation (laboratory). A cancer modifier (`measurement_event_id` into a condition) points
/// at its Condition through `focus` and carries the mCODE profile of what it is: a TNM category or stage group,
/// or a tumour marker test.
struct MeasurementMapping: FHIRResourceMapping {
    let resourceType = "Observation"
    let from = "measurement t"
    let columns = [
        "t.measurement_id", "t.person_id", "t.measurement_concept_id", "t.measurement_date", "t.measurement_datetime",
        "t.value_as_number", "t.value_as_concept_id", "t.unit_concept_id", "t.unit_source_value", "t.visit_occurrence_id",
        "t.measurement_source_value", "t.measurement_source_concept_id", "t.measurement_event_id", "t.meas_event_field_concept_id",
    ]
    let conceptColumns = ["t.measurement_concept_id", "t.measurement_source_concept_id", "t.value_as_concept_id", "t.unit_concept_id"]

    static let category = FHIRElements.concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")
    static let mcode = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
    static let primaryTumorCategories: Set<Int64> = [ConceptID.Modifier.t1, ConceptID.Modifier.t2, ConceptID.Modifier.t3, ConceptID.Modifier.t4]
    static let regionalNodesCategories: Set<Int64> = [ConceptID.Modifier.n0, ConceptID.Modifier.n1, ConceptID.Modifier.n2, ConceptID.Modifier.n3]
    static let distantMetastasesCategories: Set<Int64> = [ConceptID.Modifier.m0, ConceptID.Modifier.m1]

    /// The mCODE profile of a modifier of a cancer condition.
    static func profile(ofModifier concept: Int64?) -> String {
        guard let concept else { return mcode + "mcode-tumor-marker-test" }
        if ConceptID.Modifier.stages.contains(concept) { return mcode + "mcode-tnm-stage-group" }
        if primaryTumorCategories.contains(concept) { return mcode + "mcode-tnm-primary-tumor-category" }
        if regionalNodesCategories.contains(concept) { return mcode + "mcode-tnm-regional-nodes-category" }
        if distantMetastasesCategories.contains(concept) { return mcode + "mcode-tnm-distant-metastases-category" }
        return mcode + "mcode-tumor-marker-test"
    }

    func resource(_ row: SQLRow, _ vocabulary: ExportVocabulary) -> JSONObject {
        var observation = JSONObject([.init("resourceType", .string(resourceType)), .init("id", .string(FHIRElements.id("measurement", row[0])))])
        let focus = FHIRElements.focus(event: row[12], field: row[13])
        if row[13].integerValue == ConceptID.Field.conditionOccurrenceID {
            observation["meta"] = FHIRElements.profile(Self.profile(ofModifier: row[2].integerValue))
        }
        observation["status"] = .string("final")
        observation["category"] = .array([Self.category])
        observation["code"] = vocabulary.codeableConcept(row[2], source: row[11], text: row[10]) ?? ExportVocabulary.noConcept
        observation["subject"] = FHIRElements.reference("Patient", "person", row[1])
        observation["focus"] = focus
        observation["encounter"] = FHIRElements.reference("Encounter", "visit", row[9])
        observation["effectiveDateTime"] = FHIRElements.dateTime(row[3], row[4])
        vocabulary.setValue(of: &observation, number: row[5], concept: row[6], unit: row[7], unitText: row[8])
        return observation
    }
}
