import CDMStore
import CDMTestSupport
import OMOP
import Synthetic
import Testing

@Suite struct GenerationIntegrityTests {
    /// Every foreign key of the CDM specification resolves, every polymorphic link (modifier, episode
    /// event) points at a record of the table its field concept names, and every concept id exists.
    @Test(arguments: TestDatabases.backends)
    func everyReferenceResolves(_ backend: TestDatabases.Backend) async throws {
        let url = try await GeneratedPopulation.generate(persons: 3_000, seed: 11, backend: backend)
        try await GeneratedPopulation.with(url) { db in
            var checked = 0
            for (name, _) in GeneratedPopulation.tables {
                let table = CDMSchema.v54.table(named: name)!
                for field in table.fields {
                    guard let key = field.foreignKey else { continue }
                    let orphans = try await db.count("""
                        SELECT COUNT(*) FROM \(name) t WHERE t.\(field.name) IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM \(key.table) r WHERE r.\(key.field) = t.\(field.name))
                        """)
                    #expect(orphans == 0, "\(name).\(field.name) → \(key.table).\(key.field): \(orphans) unresolved")
                    checked += 1
                }
            }
            #expect(checked > 60)
            let links = [(ConceptID.Field.conditionOccurrenceID, "condition_occurrence", "condition_occurrence_id"),
                         (ConceptID.Field.procedureOccurrenceID, "procedure_occurrence", "procedure_occurrence_id"),
                         (ConceptID.Field.drugExposureID, "drug_exposure", "drug_exposure_id")]
            for (field, target, id) in links {
                let modifiers = try await db.count("""
                    SELECT COUNT(*) FROM measurement m WHERE m.meas_event_field_concept_id = \(field)
                    AND NOT EXISTS (SELECT 1 FROM \(target) r WHERE r.\(id) = m.measurement_event_id AND r.person_id = m.person_id)
                    """)
                #expect(modifiers == 0, "modifiers of \(target) that point nowhere")
                let events = try await db.count("""
                    SELECT COUNT(*) FROM episode_event ee JOIN episode e ON e.episode_id = ee.episode_id
                    WHERE ee.episode_event_field_concept_id = \(field)
                    AND NOT EXISTS (SELECT 1 FROM \(target) r WHERE r.\(id) = ee.event_id AND r.person_id = e.person_id)
                    """)
                #expect(events == 0, "episode events of \(target) that point nowhere")
            }
            #expect(try await db.count("SELECT COUNT(*) FROM measurement WHERE measurement_event_id IS NOT NULL") > 1_000)
            #expect(try await db.count("SELECT COUNT(*) FROM episode_event WHERE episode_event_field_concept_id = \(ConceptID.Field.drugExposureID)") > 1_000)
            #expect(try await db.count("""
                SELECT COUNT(*) FROM episode c JOIN episode p ON p.episode_id = c.episode_parent_id WHERE p.person_id <> c.person_id
                """) == 0)
            // Concept columns the specification leaves without a foreign key (e.g. *_source_concept_id) too.
            for (name, _) in GeneratedPopulation.tables where !name.hasPrefix("concept") {
                for field in CDMSchema.v54.table(named: name)!.fields where field.name.hasSuffix("concept_id") {
                    let unknown = try await db.count("""
                        SELECT COUNT(*) FROM \(name) t WHERE t.\(field.name) IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM concept c WHERE c.concept_id = t.\(field.name))
                        """)
                    #expect(unknown == 0, "\(name).\(field.name): \(unknown) ids not in concept")
                }
            }
            #expect(try await db.verifySchema().isEmpty)
        }
    }
}
