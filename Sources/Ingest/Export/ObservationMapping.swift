import CDMStore
import OMOP

/// observation → Observation, with no category (an OMOP observation is anything clinical that is not a measurement).
struct ObservationMapping: FHIRResourceMapping {
    let resourceType = "Observation"
    let from = "observation t"
    let columns = [
        "t.observation_id", "t.person_id", "t.observation_concept_id", "t.observation_date", "t.observation_datetime",
        "t.value_as_number", "t.value_as_string", "t.value_as_concept_id", "t.unit_concept_id", "t.unit_source_value",
        "t.visit_occurrence_id", "t.observation_source_value", "t.observation_source_concept_id", "t.observation_event_id",
        "t.obs_event_field_concept_id",
    ]
    let conceptColumns = ["t.observation_concept_id", "t.observation_source_concept_id", "t.value_as_concept_id", "t.unit_concept_id"]

    func resource(_ row: SQLRow, _ vocabulary: ExportVocabulary) -> JSONObject {
        var observation = JSONObject([
            .init("resourceType", .string(resourceType)), .init("id", .string(FHIRElements.id("observation", row[0]))),
            .init("status", .string("final")),
        ])
        observation["code"] = vocabulary.codeableConcept(row[2], source: row[12], text: row[11]) ?? ExportVocabulary.noConcept
        observation["subject"] = FHIRElements.reference("Patient", "person", row[1])
        observation["focus"] = FHIRElements.focus(event: row[13], field: row[14])
        observation["encounter"] = FHIRElements.reference("Encounter", "visit", row[10])
        observation["effectiveDateTime"] = FHIRElements.dateTime(row[3], row[4])
        vocabulary.setValue(of: &observation, number: row[5], string: row[6], concept: row[7], unit: row[8], unitText: row[9])
        return observation
    }
}
