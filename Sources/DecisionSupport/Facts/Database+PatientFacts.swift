import CDMStore
import Foundation
import OMOP

extension Database {
    /// The facts an OMOP person's record gives, as of `asOf` (records dated after it are ignored; default: all).
    /// The cancer is the person's first prostate, breast or lung diagnosis; staging and tumour markers are the
    /// cancer modifiers linked to it (`measurement_event_id`, field 1147127), else those within 90 days of it; PSA is
    /// the latest up to 180 days before it (decision-support reference §5.2). What the record does not say stays nil,
    /// except that an observed history (an observation period covering the diagnosis) with no comorbid condition
    /// or treatment reads as none, as OMOP's observation periods mean. Throws `DecisionSupportFactsError.unknownPerson`
    /// when there is no such person, and `PatientFactsError` for an impossible recorded value.
    public func patientFacts(personID: Int64, asOf: CDMDate? = nil) async throws -> PatientFacts {
        let reader = OMOPFactsReader(database: self, personID: personID, asOf: asOf)
        return try await reader.read()
    }
}

/// Reads one person's facts with a handful of queries that work on both dialects.
private struct OMOPFactsReader {
    let database: any Database
    let personID: Int64
    let asOf: CDMDate?
    typealias Concepts = OMOPFactConcepts

    private func isKnown(_ date: CDMDate?) -> Bool {
        guard let date else { return false }
        return asOf.map { date <= $0 } ?? true
    }

    func read() async throws -> PatientFacts {
        guard let person = try await database.query("""
            SELECT gender_concept_id, year_of_birth, month_of_birth, day_of_birth FROM person WHERE person_id = ?
            """, [.integer(personID)]).first else { throw DecisionSupportFactsError.unknownPerson(personID) }
        var facts = PatientFacts()
        switch person["gender_concept_id"].integerValue {
        case ConceptID.Gender.male: facts.sex = .male
        case ConceptID.Gender.female: facts.sex = .female
        default: break
        }
        let diagnosis = try await firstDiagnosis()
        if let diagnosis {
            facts.cancer = diagnosis.site
            facts.diagnosisDate = diagnosis.date
            facts.histology = try await histology(of: diagnosis)
        }
        if let year = person["year_of_birth"].integerValue, let reference = diagnosis?.date ?? asOf {
            facts.age = PatientFacts.age(year: Int(year), month: person["month_of_birth"].integerValue.map(Int.init),
                                 day: person["day_of_birth"].integerValue.map(Int.init), on: reference)
        }
        try facts.apply(try await findings(diagnosis: diagnosis?.id))
        let observed = try await isObserved(on: diagnosis?.date ?? asOf)
        if let day = diagnosis?.date {
            let comorbid = try await hasComorbidity(before: day)
            facts.comorbidity = comorbid ? true : (observed ? false : nil)
        }
        let treatments = try await priorTreatments()
        facts.priorTreatments = treatments.isEmpty && !observed ? nil : treatments
        return facts
    }

    struct Diagnosis {
        let id: Int64
        let concept: Int64
        let date: CDMDate
        let site: CancerSite
    }

    /// The earliest condition that is one of the three cancers (a descendant of its root concept, or a known
    /// cancer concept itself), with its site.
    private func firstDiagnosis() async throws -> Diagnosis? {
        let roots = Concepts.list(Concepts.cancerRoots.map(\.concept))
        let rows = try await database.query("""
            SELECT c.condition_occurrence_id AS id, c.condition_concept_id AS concept, c.condition_start_date AS day,
                   a.ancestor_concept_id AS root
            FROM condition_occurrence c
            LEFT JOIN concept_ancestor a ON a.descendant_concept_id = c.condition_concept_id AND a.ancestor_concept_id IN (\(roots))
            WHERE c.person_id = ?
              AND (a.ancestor_concept_id IS NOT NULL OR c.condition_concept_id IN (\(Concepts.list(Concepts.cancerConcepts.keys))))
            ORDER BY c.condition_start_date, c.condition_occurrence_id
            """, [.integer(personID)])
        for row in rows {
            guard let id = row["id"].integerValue, let concept = row["concept"].integerValue, let day = row["day"].dateValue,
                  isKnown(day) else { continue }
            let site = row["root"].integerValue.flatMap { root in Concepts.cancerRoots.first { $0.concept == root }?.site }
                ?? Concepts.cancerConcepts[concept]
            if let site { return Diagnosis(id: id, concept: concept, date: day, site: site) }
        }
        return nil
    }

    /// The histology the diagnosis concept or one of its ancestors names.
    private func histology(of diagnosis: Diagnosis) async throws -> Histology? {
        let ancestors = try await database.query(
            "SELECT ancestor_concept_id AS a FROM concept_ancestor WHERE descendant_concept_id = ?", [.integer(diagnosis.concept)])
        let lineage = Set(ancestors.compactMap { $0["a"].integerValue } + [diagnosis.concept])
        let histology = Concepts.histologies.first { lineage.contains($0.concept) }?.histology
        guard let histology else { return nil }
        let lung: Set<Histology> = [.adenocarcinoma, .squamous, .largeCell, .smallCell, .nonSmallCell]
        return lung.contains(histology) == (diagnosis.site == .lung) ? histology : nil
    }

    /// The person's measurements of the concepts the facts are read from.
    private func findings(diagnosis: Int64?) async throws -> [RecordedFinding] {
        let rows = try await database.query("""
            SELECT measurement_id AS id, measurement_concept_id AS concept, measurement_date AS day, value_as_number AS number,
                   value_as_concept_id AS answer, value_source_value AS answer_text, unit_concept_id AS unit, unit_source_value AS unit_text,
                   measurement_event_id AS event, meas_event_field_concept_id AS field, measurement_source_value AS code
            FROM measurement WHERE person_id = ? AND (measurement_concept_id IN (\(Concepts.list(Concepts.measurementConcepts)))
                OR (measurement_concept_id = 0 AND measurement_source_value IN (\(Concepts.unmappedCodes))))
            """, [.integer(personID)])
        return rows.compactMap { row in
            guard let concept = row["concept"].integerValue, let day = row["day"].dateValue, isKnown(day) else { return nil }
            let linked = diagnosis != nil && row["event"].integerValue == diagnosis
                && row["field"].integerValue == ConceptID.Field.conditionOccurrenceID
            return RecordedFinding.measurement(row, concept: concept, date: day, linked: linked)
        }
    }

    /// Whether an observation period covers the day, so that an absent record means an absent event.
    private func isObserved(on day: CDMDate?) async throws -> Bool {
        guard let day else { return false }
        return try await database.query("""
            SELECT COUNT(*) AS n FROM observation_period
            WHERE person_id = ? AND observation_period_start_date <= ? AND observation_period_end_date >= ?
            """, [.integer(personID), .date(day), .date(day)]).first?["n"].integerValue ?? 0 > 0
    }

    /// Any Charlson-type chronic condition (or a descendant) recorded before the diagnosis.
    private func hasComorbidity(before day: CDMDate) async throws -> Bool {
        let list = Concepts.list(Concepts.comorbidities)
        return try await database.query("""
            SELECT COUNT(*) AS n FROM condition_occurrence
            WHERE person_id = ? AND condition_start_date < ?
              AND (condition_concept_id IN (\(list))
                   OR condition_concept_id IN (SELECT descendant_concept_id FROM concept_ancestor WHERE ancestor_concept_id IN (\(list))))
            """, [.integer(personID), .date(day)]).first?["n"].integerValue ?? 0 > 0
    }

    /// Treatment classes of the procedures, drug exposures (through their ingredient) and treatment episodes
    /// before `asOf`, in `TreatmentClass` order.
    private func priorTreatments() async throws -> [TreatmentClass] {
        let list = Concepts.list(Concepts.treatments.keys)
        var found: Set<TreatmentClass> = []
        for (table, concept, day, filter) in [
            ("procedure_occurrence", "procedure_concept_id", "procedure_date", ""),
            ("drug_exposure", "drug_concept_id", "drug_exposure_start_date", ""),
            ("episode", "episode_object_concept_id", "episode_start_date", " AND episode_concept_id = \(ConceptID.Episode.treatmentRegimen)"),
        ] {
            let rows = try await database.query("""
                SELECT x.\(concept) AS concept, x.\(day) AS day FROM \(table) x
                WHERE x.person_id = ? AND x.\(concept) IN (\(list))\(filter)
                UNION ALL
                SELECT a.ancestor_concept_id AS concept, x.\(day) AS day FROM \(table) x
                JOIN concept_ancestor a ON a.descendant_concept_id = x.\(concept) AND a.min_levels_of_separation > 0
                WHERE x.person_id = ? AND a.ancestor_concept_id IN (\(list))\(filter)
                """, [.integer(personID), .integer(personID)])
            for row in rows {
                guard let concept = row["concept"].integerValue, let date = row["day"].dateValue else { continue }
                if let asOf, date >= asOf { continue }
                found.formUnion(Concepts.treatments[concept] ?? [])
            }
        }
        return TreatmentClass.allCases.filter(found.contains)
    }
}
