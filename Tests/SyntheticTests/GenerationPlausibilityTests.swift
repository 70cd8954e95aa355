import CDMStore
import CDMTestSupport
import OMOP
import Synthetic
import Testing

@Suite struct GenerationPlausibilityTests {
    /// Every dated record of a person, as (table, date column, end date column or nil).
    static let events: [(String, String, String?)] = [
        ("visit_occurrence", "visit_start_date", "visit_end_date"),
        ("condition_occurrence", "condition_start_date", nil),
        ("procedure_occurrence", "procedure_date", nil),
        ("drug_exposure", "drug_exposure_start_date", "drug_exposure_end_date"),
        ("measurement", "measurement_date", nil),
        ("episode", "episode_start_date", "episode_end_date"),
    ]

    @Test func noRecordOutsideObservationOrAfterDeathOrBeforeBirth() async throws {
        let url = try await GeneratedPopulation.marginals.value
        try await GeneratedPopulation.with(url) { db in
            for (table, start, end) in Self.events {
                for column in [start] + (end.map { [$0] } ?? []) {
                    let outside = try await db.count("""
                        SELECT COUNT(*) FROM \(table) t JOIN observation_period o ON o.person_id = t.person_id
                        WHERE t.\(column) < o.observation_period_start_date OR t.\(column) > o.observation_period_end_date
                        """)
                    #expect(outside == 0, "\(table).\(column) outside the observation period")
                    let afterDeath = try await db.count(
                        "SELECT COUNT(*) FROM \(table) t JOIN death d ON d.person_id = t.person_id WHERE t.\(column) > d.death_date")
                    #expect(afterDeath == 0, "\(table).\(column) after death")
                    let beforeBirth = try await db.count(
                        "SELECT COUNT(*) FROM \(table) t JOIN person p ON p.person_id = t.person_id WHERE t.\(column) < p.birth_datetime")
                    #expect(beforeBirth == 0, "\(table).\(column) before birth")
                }
                if let end {
                    #expect(try await db.count("SELECT COUNT(*) FROM \(table) WHERE \(end) < \(start)") == 0, "\(table) ends before it starts")
                }
            }
            #expect(try await db.count("SELECT COUNT(*) FROM observation_period") == 20_000)
            #expect(try await db.count("""
                SELECT COUNT(*) FROM death d JOIN observation_period o ON o.person_id = d.person_id
                WHERE d.death_date <> o.observation_period_end_date
                """) == 0, "observation ends at death")
            #expect(try await db.count("SELECT COUNT(*) FROM observation_period WHERE observation_period_end_date > '2025-12-31'") == 0)
        }
    }

    @Test func sexSpecificFacts() async throws {
        let url = try await GeneratedPopulation.marginals.value
        try await GeneratedPopulation.with(url) { db in
            let female = ConceptID.Gender.female, male = ConceptID.Gender.male
            #expect(try await db.count("""
                SELECT COUNT(*) FROM measurement m JOIN person p ON p.person_id = m.person_id
                WHERE m.measurement_concept_id = \(ConceptID.Marker.psa) AND p.gender_concept_id <> \(male)
                """) == 0, "PSA only for men")
            #expect(try await db.count("""
                SELECT COUNT(*) FROM condition_occurrence c JOIN person p ON p.person_id = c.person_id
                WHERE c.condition_concept_id = \(ConceptID.Cancer.primaryMalignantNeoplasmOfProstate) AND p.gender_concept_id = \(female)
                """) == 0, "prostate cancer only for men")
            let breast = """
                FROM condition_occurrence c JOIN person p ON p.person_id = c.person_id
                JOIN concept_ancestor a ON a.descendant_concept_id = c.condition_concept_id
                WHERE a.ancestor_concept_id = \(ConceptID.Cancer.malignantTumorOfBreast)
                """
            let patients = try await db.count("SELECT COUNT(*) \(breast)")
            let men = try await db.count("SELECT COUNT(*) \(breast) AND p.gender_concept_id = \(male)")
            #expect(patients > 1_500)
            let share = Double(men) / Double(patients)
            #expect(share > 0.002 && share < 0.025, "breast cancer in men: \(men) of \(patients)")
        }
    }
}
