extension CDMSchema {
    /// The primary keys as unique indices named as OHDSI names its key constraints (`xpk_person`).
    /// An index rather than a constraint, so that a load can build it after the rows are in, and
    /// keep it non-unique, with a warning, for real data whose keys repeat (Eunomia GiBleed does).
    public static let primaryKeyIndices: [CDMIndex] = (v54.tables + cohortResultsTables).compactMap { table in
        let key = table.primaryKey.map(\.name)
        return key.isEmpty ? nil : CDMIndex(name: "xpk_\(table.name)", table: table.name, columns: key, isUnique: true)
    }

    /// Every index of a CDM database: primary keys, then the standard secondary indices.
    public static var allIndices: [CDMIndex] { primaryKeyIndices + standardIndices }

    /// The standard secondary indices of CDM v5.4, as in the OHDSI DDL; indices that would only
    /// repeat a primary key are left out, and `episode` gets the person index every clinical table has.
    public static let standardIndices: [CDMIndex] = [
        CDMIndex("idx_gender", on: "person", "gender_concept_id"),
        CDMIndex("idx_observation_period_id_1", on: "observation_period", "person_id"),
        CDMIndex("idx_visit_person_id_1", on: "visit_occurrence", "person_id"),
        CDMIndex("idx_visit_concept_id_1", on: "visit_occurrence", "visit_concept_id"),
        CDMIndex("idx_visit_det_person_id_1", on: "visit_detail", "person_id"),
        CDMIndex("idx_visit_det_concept_id_1", on: "visit_detail", "visit_detail_concept_id"),
        CDMIndex("idx_visit_det_occ_id", on: "visit_detail", "visit_occurrence_id"),
        CDMIndex("idx_condition_person_id_1", on: "condition_occurrence", "person_id"),
        CDMIndex("idx_condition_concept_id_1", on: "condition_occurrence", "condition_concept_id"),
        CDMIndex("idx_condition_visit_id_1", on: "condition_occurrence", "visit_occurrence_id"),
        CDMIndex("idx_drug_person_id_1", on: "drug_exposure", "person_id"),
        CDMIndex("idx_drug_concept_id_1", on: "drug_exposure", "drug_concept_id"),
        CDMIndex("idx_drug_visit_id_1", on: "drug_exposure", "visit_occurrence_id"),
        CDMIndex("idx_procedure_person_id_1", on: "procedure_occurrence", "person_id"),
        CDMIndex("idx_procedure_concept_id_1", on: "procedure_occurrence", "procedure_concept_id"),
        CDMIndex("idx_procedure_visit_id_1", on: "procedure_occurrence", "visit_occurrence_id"),
        CDMIndex("idx_device_person_id_1", on: "device_exposure", "person_id"),
        CDMIndex("idx_device_concept_id_1", on: "device_exposure", "device_concept_id"),
        CDMIndex("idx_device_visit_id_1", on: "device_exposure", "visit_occurrence_id"),
        CDMIndex("idx_measurement_person_id_1", on: "measurement", "person_id"),
        CDMIndex("idx_measurement_concept_id_1", on: "measurement", "measurement_concept_id"),
        CDMIndex("idx_measurement_visit_id_1", on: "measurement", "visit_occurrence_id"),
        CDMIndex("idx_observation_person_id_1", on: "observation", "person_id"),
        CDMIndex("idx_observation_concept_id_1", on: "observation", "observation_concept_id"),
        CDMIndex("idx_observation_visit_id_1", on: "observation", "visit_occurrence_id"),
        CDMIndex("idx_death_person_id_1", on: "death", "person_id"),
        CDMIndex("idx_note_person_id_1", on: "note", "person_id"),
        CDMIndex("idx_note_concept_id_1", on: "note", "note_type_concept_id"),
        CDMIndex("idx_note_visit_id_1", on: "note", "visit_occurrence_id"),
        CDMIndex("idx_note_nlp_note_id_1", on: "note_nlp", "note_id"),
        CDMIndex("idx_note_nlp_concept_id_1", on: "note_nlp", "note_nlp_concept_id"),
        CDMIndex("idx_specimen_person_id_1", on: "specimen", "person_id"),
        CDMIndex("idx_specimen_concept_id_1", on: "specimen", "specimen_concept_id"),
        CDMIndex("idx_fact_relationship_id1", on: "fact_relationship", "domain_concept_id_1"),
        CDMIndex("idx_fact_relationship_id2", on: "fact_relationship", "domain_concept_id_2"),
        CDMIndex("idx_fact_relationship_id3", on: "fact_relationship", "relationship_concept_id"),
        CDMIndex("idx_period_person_id_1", on: "payer_plan_period", "person_id"),
        CDMIndex("idx_cost_event_id", on: "cost", "cost_event_id"),
        CDMIndex("idx_drug_era_person_id_1", on: "drug_era", "person_id"),
        CDMIndex("idx_drug_era_concept_id_1", on: "drug_era", "drug_concept_id"),
        CDMIndex("idx_dose_era_person_id_1", on: "dose_era", "person_id"),
        CDMIndex("idx_dose_era_concept_id_1", on: "dose_era", "drug_concept_id"),
        CDMIndex("idx_condition_era_person_id_1", on: "condition_era", "person_id"),
        CDMIndex("idx_condition_era_concept_id_1", on: "condition_era", "condition_concept_id"),
        CDMIndex("idx_episode_person_id_1", on: "episode", "person_id"),
        CDMIndex("idx_episode_event_id_1", on: "episode_event", "episode_id"),
        CDMIndex("idx_metadata_concept_id_1", on: "metadata", "metadata_concept_id"),
        CDMIndex("idx_concept_code", on: "concept", "concept_code"),
        CDMIndex("idx_concept_vocabluary_id", on: "concept", "vocabulary_id"),
        CDMIndex("idx_concept_domain_id", on: "concept", "domain_id"),
        CDMIndex("idx_concept_class_id", on: "concept", "concept_class_id"),
        CDMIndex("idx_concept_relationship_id_1", on: "concept_relationship", "concept_id_1"),
        CDMIndex("idx_concept_relationship_id_2", on: "concept_relationship", "concept_id_2"),
        CDMIndex("idx_concept_relationship_id_3", on: "concept_relationship", "relationship_id"),
        CDMIndex("idx_concept_synonym_id", on: "concept_synonym", "concept_id"),
        CDMIndex("idx_concept_ancestor_id_1", on: "concept_ancestor", "ancestor_concept_id"),
        CDMIndex("idx_concept_ancestor_id_2", on: "concept_ancestor", "descendant_concept_id"),
        CDMIndex("idx_source_to_concept_map_3", on: "source_to_concept_map", "target_concept_id"),
        CDMIndex("idx_source_to_concept_map_1", on: "source_to_concept_map", "source_vocabulary_id"),
        CDMIndex("idx_source_to_concept_map_2", on: "source_to_concept_map", "target_vocabulary_id"),
        CDMIndex("idx_source_to_concept_map_c", on: "source_to_concept_map", "source_code"),
        CDMIndex("idx_drug_strength_id_1", on: "drug_strength", "drug_concept_id"),
        CDMIndex("idx_drug_strength_id_2", on: "drug_strength", "ingredient_concept_id"),
        CDMIndex("idx_cohort_subject_id", on: "cohort", "cohort_definition_id", "subject_id"),
    ]
}
