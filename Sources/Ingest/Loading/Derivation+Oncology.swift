import CDMStore
import OMOP

extension Derivation {
    /// Measurements that describe a tumour (stage, TNM categories, receptor status, size, genomic markers) and
    /// so belong to a diagnosis in the OMOP oncology model. PSA is left out: a serum test, not a description
    /// of the tumour. Besides these, every concept of the Cancer Modifier vocabulary.
    static let diagnosisModifiers: [Int64] = [
        ConceptID.Modifier.t1, ConceptID.Modifier.t2, ConceptID.Modifier.t3, ConceptID.Modifier.t4,
        ConceptID.Modifier.n0, ConceptID.Modifier.n1, ConceptID.Modifier.n2, ConceptID.Modifier.n3,
        ConceptID.Modifier.m0, ConceptID.Modifier.m1,
    ] + ConceptID.Modifier.stages + ConceptID.Modifier.grades + [
        ConceptID.Marker.estrogenReceptor, ConceptID.Marker.progesteroneReceptor, ConceptID.Marker.her2, ConceptID.Marker.ki67,
        ConceptID.Marker.tumorSize, ConceptID.Marker.lymphNodesPositive, ConceptID.Marker.gleasonScore, ConceptID.Marker.isupGradeGroup,
        ConceptID.Marker.egfr, ConceptID.Marker.alk, ConceptID.Marker.ros1, ConceptID.Marker.kras, ConceptID.Marker.braf,
        ConceptID.Marker.pdl1TumorProportionScore,
        36_203_113,  // LOINC 85318-4 ERBB2 (HER2) by FISH
        3_000_481,  // LOINC 10480-2 Estrogen+Progesterone receptor
        3_024_717,  // LOINC 21924-6 Tumor marker Cancer
        3_008_841, 3_007_727, 3_006_575, 3_022_698,  // LOINC 21905-5 / 21906-3 / 21907-1 / 21908-9 T, N, M, stage group
    ]

    private static var malignancies: String {
        "SELECT descendant_concept_id FROM concept_ancestor WHERE ancestor_concept_id = \(ConceptID.Cancer.malignantNeoplasticDisease)"
    }

    /// Links this import's tumour measurements without a link to the person's latest cancer diagnosis on or
    /// before the measurement (`measurement_event_id`, field `condition_occurrence.condition_occurrence_id`).
    /// Returns how many were linked.
    func linkModifiers() async throws -> Int {
        let first = ids.firstID("measurement")
        let concepts = Self.diagnosisModifiers.map(String.init).joined(separator: ", ")
        let diagnosis = """
            SELECT c.condition_occurrence_id FROM condition_occurrence c
            WHERE c.person_id = measurement.person_id AND c.condition_start_date <= measurement.measurement_date
              AND c.condition_concept_id IN (\(Self.malignancies))
            ORDER BY c.condition_start_date DESC, c.condition_occurrence_id DESC LIMIT 1
            """
        let candidates = """
            measurement_id >= ? AND measurement_event_id IS NULL
            AND (measurement_concept_id IN (\(concepts))
                 OR measurement_concept_id IN (SELECT concept_id FROM concept WHERE vocabulary_id = 'Cancer Modifier'))
            """
        try await database.transaction([
            SQLStatement("UPDATE measurement SET measurement_event_id = (\(diagnosis)) WHERE \(candidates)", [.integer(first)]),
            SQLStatement("""
                UPDATE measurement SET meas_event_field_concept_id = ?
                WHERE measurement_id >= ? AND measurement_event_id IS NOT NULL AND meas_event_field_concept_id IS NULL
                """, [.integer(ConceptID.Field.conditionOccurrenceID), .integer(first)]),
        ])
        return Int(try await database.query("""
            SELECT COUNT(*) AS n FROM measurement WHERE measurement_id >= ? AND meas_event_field_concept_id = ?
            """, [.integer(first), .integer(ConceptID.Field.conditionOccurrenceID)]).first?["n"].integerValue ?? 0)
    }

    /// A "Disease First Occurrence" episode for each cancer diagnosis a person has for the first time, with
    /// its diagnoses and the treatments whose `reasonReference` names one of them as episode events.
    func buildEpisodes() async throws {
        let firstCondition = ids.firstID("condition_occurrence")
        let disease = ConceptID.Episode.diseaseFirstOccurrence
        let base = try await database.query("SELECT MAX(episode_id) AS m FROM episode").first?["m"].integerValue ?? 0
        let episodeOf = """
            JOIN episode e ON e.person_id = c.person_id AND e.episode_object_concept_id = c.condition_concept_id AND e.episode_concept_id = \(disease)
            """
        try await database.transaction([
            SQLStatement("""
                INSERT INTO episode (episode_id, person_id, episode_concept_id, episode_start_date, episode_start_datetime,
                    episode_object_concept_id, episode_type_concept_id, episode_source_value)
                SELECT ? + ROW_NUMBER() OVER (ORDER BY c.condition_occurrence_id), c.person_id, \(disease), c.condition_start_date,
                    c.condition_start_datetime, c.condition_concept_id, ?, c.condition_source_value
                FROM condition_occurrence c
                WHERE c.condition_occurrence_id >= ? AND c.condition_concept_id IN (\(Self.malignancies))
                  AND NOT EXISTS (SELECT 1 FROM condition_occurrence o WHERE o.person_id = c.person_id AND o.condition_concept_id = c.condition_concept_id
                      AND (o.condition_start_date < c.condition_start_date
                           OR (o.condition_start_date = c.condition_start_date AND o.condition_occurrence_id < c.condition_occurrence_id)))
                  AND NOT EXISTS (SELECT 1 FROM episode p WHERE p.person_id = c.person_id AND p.episode_object_concept_id = c.condition_concept_id
                      AND p.episode_concept_id = \(disease))
                """, [.integer(base), .integer(ConceptID.TypeConcept.ehr), .integer(firstCondition)]),
            SQLStatement("""
                INSERT INTO episode_event (episode_id, event_id, episode_event_field_concept_id)
                SELECT e.episode_id, c.condition_occurrence_id, ? FROM condition_occurrence c \(episodeOf)
                WHERE c.condition_occurrence_id >= ?
                """, [.integer(ConceptID.Field.conditionOccurrenceID), .integer(firstCondition)]),
            SQLStatement("""
                INSERT INTO episode_event (episode_id, event_id, episode_event_field_concept_id)
                SELECT e.episode_id, m.omop_id, CASE m.omop_table WHEN 'drug_exposure' THEN ? ELSE ? END
                FROM \(FHIRResourceMap.tableName) m JOIN condition_occurrence c ON c.condition_occurrence_id = m.reason_id \(episodeOf)
                WHERE (m.omop_table = 'drug_exposure' AND m.omop_id >= ?) OR (m.omop_table = 'procedure_occurrence' AND m.omop_id >= ?)
                """, [.integer(ConceptID.Field.drugExposureID), .integer(ConceptID.Field.procedureOccurrenceID),
                      .integer(ids.firstID("drug_exposure")), .integer(ids.firstID("procedure_occurrence"))]),
        ])
    }
}
