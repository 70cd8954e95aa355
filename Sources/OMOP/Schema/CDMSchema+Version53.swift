extension CDMSchema {
    /// What a CDM v5.3 file needs to load into a v5.4 table: its renamed columns, the required
    /// v5.4 columns it lacks, and the v5.3 tables v5.4 dropped. Each use is reported as a warning.
    public enum Version53 {
        /// v5.3 column name → v5.4 column name, per table.
        public static let renamedColumns: [String: [String: String]] = [
            "visit_occurrence": [
                "admitting_source_concept_id": "admitted_from_concept_id",
                "admitting_source_value": "admitted_from_source_value",
                "discharge_to_concept_id": "discharged_to_concept_id",
                "discharge_to_source_value": "discharged_to_source_value",
            ],
            "visit_detail": [
                "admitting_source_concept_id": "admitted_from_concept_id",
                "admitting_source_value": "admitted_from_source_value",
                "discharge_to_concept_id": "discharged_to_concept_id",
                "discharge_to_source_value": "discharged_to_source_value",
                "visit_detail_parent_id": "parent_visit_detail_id",
            ],
            // The retired oncology extension spelled the cancer-modifier link this way.
            "measurement": [
                "modifier_of_event_id": "measurement_event_id",
                "modifier_of_field_concept_id": "meas_event_field_concept_id",
            ],
        ]

        /// How to fill a required v5.4 column that a v5.3 file does not have.
        public enum Fill: Sendable, Hashable {
            /// The concept id 0, "No matching concept".
            case noMatchingConcept
            /// The 1-based number of the row in its file, for a new surrogate key.
            case rowNumber
        }

        /// Required v5.4 columns absent from v5.3, and how to fill them.
        public static let addedRequiredColumns: [String: [String: Fill]] = [
            "cdm_source": ["cdm_version_concept_id": .noMatchingConcept],
            "metadata": ["metadata_id": .rowNumber],
        ]

        /// v5.3 tables that v5.4 no longer has; their files are skipped with a warning.
        public static let droppedTables: Set<String> = ["attribute_definition", "cohort_attribute"]
    }
}
