import CDMStore
import Governance
import OMOP
import Statistics

extension Database {
    /// Every person with a diagnosis of `cancer`, read with set-based queries: the first diagnosis (earliest
    /// date, then lowest id) of a condition descending from the cancer's root concept (or one of its concepts
    /// when the vocabulary has no `concept_ancestor` rows), the stage and markers linked to that diagnosis through
    /// `measurement_event_id`, the treatment classes started within `windowDays` of it, the end of observation
    /// (latest observation period end) and death.
    func similarPatientCases(_ cancer: CancerSite, windowDays: Int) async throws -> [SimilarPatientCase] {
        guard let root = OMOPFactConcepts.cancerRoots.first(where: { $0.site == cancer })?.concept else { return [] }
        let direct = OMOPFactConcepts.cancerConcepts.filter { $0.value == cancer }.map(\.key)
        // Persons who object (GDPR art. 21) are left out, as from every analysis.
        try await execute(ConsentRegister.createTable(dialect).sql)
        let isCancer = "(condition_concept_id IN (SELECT descendant_concept_id FROM concept_ancestor WHERE ancestor_concept_id = \(root))"
            + " OR condition_concept_id IN (\(OMOPFactConcepts.list(direct))))"
            + " AND person_id NOT IN (\(ConsentRegister.objectingPersonIDs))"
        let persons = "SELECT person_id FROM condition_occurrence WHERE \(isCancer)"

        var first: [Int64: (condition: Int64, date: CDMDate)] = [:]
        for row in try await query("SELECT person_id, condition_occurrence_id, condition_start_date FROM condition_occurrence WHERE \(isCancer)") {
            guard let person = row[0].integerValue, let condition = row[1].integerValue, let date = row[2].dateValue else { continue }
            if let known = first[person], (known.date, known.condition) <= (date, condition) { continue }
            first[person] = (condition, date)
        }
        var cases: [Int64: SimilarPatientCase] = [:]
        var byCondition: [Int64: Int64] = [:]
        for (person, diagnosis) in first {
            cases[person] = SimilarPatientCase(person: person)
            byCondition[diagnosis.condition] = person
        }

        try await readModifiers(isCancer: isCancer, byCondition: byCondition, into: &cases)
        try await readTreatments(isCancer: isCancer, first: first, windowDays: windowDays, into: &cases)
        try await readFollowUp(persons: persons, first: first, into: &cases)
        return cases.values.sorted { $0.person < $1.person }
    }

    /// Stage, ISUP grade group and marker statuses linked to each first diagnosis; the latest value wins.
    private func readModifiers(isCancer: String, byCondition: [Int64: Int64], into cases: inout [Int64: SimilarPatientCase]) async throws {
        let markers = [ConceptID.Marker.estrogenReceptor, ConceptID.Marker.her2, ConceptID.Marker.egfr, ConceptID.Marker.alk]
        let concepts = ConceptID.Modifier.stages + [ConceptID.Marker.isupGradeGroup] + markers
        let rows = try await query("""
            SELECT measurement_event_id, measurement_concept_id, value_as_number, value_as_concept_id
            FROM measurement
            WHERE meas_event_field_concept_id = \(ConceptID.Field.conditionOccurrenceID)
              AND measurement_concept_id IN (\(OMOPFactConcepts.list(concepts)))
              AND measurement_event_id IN (SELECT condition_occurrence_id FROM condition_occurrence WHERE \(isCancer))
            ORDER BY measurement_date, measurement_id
            """)
        for row in rows {
            guard let condition = row[0].integerValue, let person = byCondition[condition], let concept = row[1].integerValue else { continue }
            if let stage = ConceptID.Modifier.stages.firstIndex(of: concept) {
                cases[person]?.stage = stage + 1
            } else if concept == ConceptID.Marker.isupGradeGroup {
                if let value = row[2].doubleValue, (1...5).contains(value), value == value.rounded() { cases[person]?.gradeGroup = Int(value) }
            } else if let status = OMOPFactConcepts.status(row[3].integerValue) {
                cases[person]?.markers[concept] = status
            }
        }
    }

    /// The treatment classes of procedures, drugs (by ingredient, through `concept_ancestor` or directly) and
    /// treatment-regimen episodes whose first start on or after the diagnosis lies within the window.
    private func readTreatments(isCancer: String, first: [Int64: (condition: Int64, date: CDMDate)], windowDays: Int,
                                into cases: inout [Int64: SimilarPatientCase]) async throws {
        let concepts = OMOPFactConcepts.list(OMOPFactConcepts.treatments.keys.sorted())
        let rows = try await query("""
            WITH diagnoses AS (
              SELECT person_id, MIN(condition_start_date) AS diagnosis_date FROM condition_occurrence
              WHERE \(isCancer) GROUP BY person_id),
            treatments AS (
              SELECT person_id, procedure_concept_id AS concept_id, procedure_date AS start_date
              FROM procedure_occurrence WHERE procedure_concept_id IN (\(concepts))
              UNION ALL
              SELECT d.person_id, a.ancestor_concept_id, d.drug_exposure_start_date
              FROM drug_exposure d JOIN concept_ancestor a ON a.descendant_concept_id = d.drug_concept_id
              WHERE a.ancestor_concept_id IN (\(concepts))
              UNION ALL
              SELECT person_id, drug_concept_id, drug_exposure_start_date FROM drug_exposure WHERE drug_concept_id IN (\(concepts))
              UNION ALL
              SELECT person_id, episode_object_concept_id, episode_start_date FROM episode
              WHERE episode_concept_id = \(ConceptID.Episode.treatmentRegimen) AND episode_object_concept_id IN (\(concepts)))
            SELECT t.person_id, t.concept_id, MIN(t.start_date) AS start_date
            FROM treatments t JOIN diagnoses d ON d.person_id = t.person_id
            WHERE t.start_date >= d.diagnosis_date
            GROUP BY t.person_id, t.concept_id
            """)
        for row in rows {
            guard let person = row[0].integerValue, let concept = row[1].integerValue, let start = row[2].dateValue,
                  let diagnosis = first[person]?.date, let classes = OMOPFactConcepts.treatments[concept] else { continue }
            let day = diagnosis.days(to: start)
            if day >= 0 && day <= windowDays { cases[person]?.received.formUnion(classes) }
        }
    }

    /// Days from diagnosis to death, or to the latest end of observation when no death is recorded by then.
    private func readFollowUp(persons: String, first: [Int64: (condition: Int64, date: CDMDate)],
                              into cases: inout [Int64: SimilarPatientCase]) async throws {
        var ends: [Int64: CDMDate] = [:], deaths: [Int64: CDMDate] = [:]
        for row in try await query("""
            SELECT person_id, MAX(observation_period_end_date) FROM observation_period
            WHERE person_id IN (\(persons)) GROUP BY person_id
            """) {
            if let person = row[0].integerValue, let end = row[1].dateValue { ends[person] = end }
        }
        for row in try await query("SELECT person_id, MIN(death_date) FROM death WHERE person_id IN (\(persons)) GROUP BY person_id") {
            if let person = row[0].integerValue, let death = row[1].dateValue { deaths[person] = death }
        }
        for (person, diagnosis) in first {
            guard let end = ends[person] else { continue }
            if let death = deaths[person], death <= end {
                let days = diagnosis.date.days(to: death)
                cases[person]?.followUp = days >= 0 ? SurvivalObservation(time: Double(days), event: true) : nil
            } else {
                let days = diagnosis.date.days(to: end)
                cases[person]?.followUp = days >= 0 ? SurvivalObservation(time: Double(days), event: false) : nil
            }
        }
    }
}
